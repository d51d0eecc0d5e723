using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    /// <summary>
    /// Camunda's rule for setting a variable: overwrite it in the nearest scope that has it, else create it
    /// on the process instance, so that results of tasks inside subprocesses stay visible after them.
    /// </summary>
    public void SetVariable(Guid scopeId, string name, JsonNode? value)
    {
        var scope = State.Scope(scopeId);
        var target = scope;
        while (true)
        {
            if (target.Variables.ContainsKey(name))
            {
                break;
            }

            if (target.ParentId is not { } parent)
            {
                // Not found anywhere: multi-instance iteration variables are local, everything else global.
                target = State.RootScope;
                break;
            }

            target = State.Scope(parent);
        }

        SetLocal(target, name, value);
    }

    /// <summary>Sets a variable like <see cref="SetVariable"/> and returns the action that puts it back.</summary>
    internal Action SetVariableUndoably(Guid scopeId, string name, JsonNode? value)
    {
        var scope = State.Scope(scopeId);
        var target = scope;
        while (!target.Variables.ContainsKey(name) && target.ParentId is { } parent)
        {
            target = State.Scope(parent);
        }

        if (!target.Variables.ContainsKey(name))
        {
            target = State.RootScope;
        }

        var existed = target.Variables.TryGetValue(name, out var previous);
        previous = previous?.DeepClone();
        SetLocal(target, name, value);
        return existed
            ? () => SetLocal(target, name, previous)
            : () =>
            {
                target.Variables.Remove(name);
                Command.ForgetVariableChange(Loaded, name);
            };
    }

    public void SetLocal(ScopeState scope, string name, JsonNode? value)
    {
        if (Process.HasConditionalEvents)
        {
            var change = scope.Variables.ContainsKey(name) ? VariableChange.Update : VariableChange.Create;
            var changed = _changedVariables ??= new Dictionary<string, VariableChange>(StringComparer.Ordinal);
            changed[name] = changed.GetValueOrDefault(name) | change;
        }

        scope.Variables[name] = value;

        Command.NoteVariableChanged(Loaded, name, value);
    }

    /// <summary>
    /// Sets a submitted form's values (<see cref="FormVariables"/>): each under its variable, then those of properties
    /// written through a property path into that property of the variable's JSON object (made when the variable or a
    /// step of the path is missing or null). A step that is something else than an object cannot be written to: the
    /// element fails (a user's call is refused and nothing is saved).
    /// </summary>
    public void SetFormVariables(Guid scopeId, System.Collections.Immutable.ImmutableArray<FormField> fields, IReadOnlyDictionary<string, JsonNode?>? submitted)
    {
        SetVariables(scopeId, FormVariables.Map(fields, submitted));
        foreach (var (path, value) in FormVariables.PathWrites(fields, submitted))
        {
            var root = new ScopeVariables(this, scopeId).TryGetVariable(path[0], out var current) ? current?.DeepClone() : null;
            var node = root ??= new JsonObject();
            for (var i = 1; i < path.Length; i++)
            {
                if (node is not JsonObject step)
                {
                    throw new ElementFailure("form", $"The form value for '{string.Join('.', path)}' cannot be stored: '{string.Join('.', path[..i])}' is not an object.");
                }

                if (i == path.Length - 1)
                {
                    step[path[i]] = value?.DeepClone();
                }
                else
                {
                    node = step[path[i]] ??= new JsonObject();
                }
            }

            SetVariable(scopeId, path[0], root);
        }
    }

    public void SetVariables(Guid scopeId, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (variables is null)
        {
            return;
        }

        foreach (var (name, value) in variables)
        {
            SetVariable(scopeId, name, value?.DeepClone());
        }
    }

    internal ScopeState NewScope(ScopeKind kind, Guid parentId, TokenState owner, string activityId)
    {
        var scope = new ScopeState { Id = Command.NewId(), ParentId = parentId, Kind = kind, OwnerTokenId = owner.Id, ActivityId = activityId };
        State.Scopes.Add(scope);
        return scope;
    }

    /// <summary>Called when the last token of a scope has ended.</summary>
    internal void CompleteScope(ScopeState scope)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                CompleteInstance();
                break;
            case ScopeKind.SubProcess:
                {
                    DisarmEventSubProcesses(scope.Id);
                    State.Scopes.Remove(scope);
                    var owner = State.FindToken(scope.OwnerTokenId!.Value)!;
                    Leave(owner, Process.Node(owner.NodeId));
                    break;
                }

            case ScopeKind.Iteration:
                MultiInstanceBehavior.CompleteIteration(this, scope);
                break;
            case ScopeKind.MultiInstanceBody or ScopeKind.Local:
                // A body or local scope holds no tokens of its own; it ends with its owner token.
                State.Scopes.Remove(scope);
                break;
        }
    }

    internal void CompleteInstance(string? activityId = null, JsonObject? details = null)
    {
        RunProcessListeners(ListenerEvents.End);
        State.Status = InstanceStatus.Completed;
        State.EndedAt = Now;
        ClearWaitStates();
        Journal("InstanceCompleted", activityId, details);
        if (State.ParentInstanceId is { } parent)
        {
            Command.NotifyCallerCompleted(parent, State.ParentTokenId!.Value, State);
        }
    }

    internal void ClearWaitStates()
    {
        State.Tokens.Clear();
        State.Tasks.Clear();
        State.Jobs.Clear();
        State.Subscriptions.Clear();
        State.ExternalTasks.Clear();
        State.Incidents.Clear();
    }

    /// <summary>Ends the whole instance from outside (cancel) or by a terminate end event.</summary>
    public void EndInstance(InstanceStatus status, string journalType, JsonObject? details)
    {
        foreach (var token in State.Tokens.ToList())
        {
            CancelCalledInstance(token);
        }

        ClearWaitStates();
        State.Status = status;
        State.EndedAt = Now;
        Journal(journalType, null, details);
    }

    /// <summary>
    /// Cancels a token and everything below it: its task, jobs, subscriptions, external task, incidents,
    /// the scopes it owns (subprocess, multi-instance iterations) and a called instance. The custom listeners of what
    /// is cancelled run, innermost first: a task's delete listeners, then the end listeners of the element the token
    /// had begun (see <see cref="RunCancellationListeners"/>).
    /// </summary>
    public void CancelToken(TokenState token, bool removeToken = true)
    {
        foreach (var child in State.Scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            CancelScope(child);
        }

        CancelCalledInstance(token);
        RunCancellationListeners(token);
        State.Tasks.RemoveAll(t => t.TokenId == token.Id);
        State.Jobs.RemoveAll(j => j.TokenId == token.Id);
        State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
        State.ExternalTasks.RemoveAll(e => e.TokenId == token.Id);
        State.Incidents.RemoveAll(i => i.TokenId == token.Id);
        token.IsMultiInstanceBody = false;
        token.LocalScopeId = null;
        token.PendingItems = null;
        token.CalledInstanceId = null;
        if (removeToken)
        {
            State.Tokens.Remove(token);
        }
    }

    internal void CancelScope(ScopeState scope)
    {
        foreach (var token in State.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            CancelToken(token);
        }

        foreach (var child in State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
        {
            CancelScope(child);
        }

        DisarmEventSubProcesses(scope.Id);
        State.Scopes.Remove(scope);
    }

    internal void CancelCalledInstance(TokenState token)
    {
        if (token.CalledInstanceId is { } called)
        {
            Command.CancelCalledInstance(called, $"The calling activity '{token.NodeId}' was cancelled.");
        }
    }

}
