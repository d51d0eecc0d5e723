using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    /// <summary>
    /// Process instance modification (Camunda 7's): the instructions run in their order within one command.
    /// A cancel removes every token at the activity with what hangs on it (task, jobs, subscriptions, external
    /// task, incidents, inner scopes, a called instance); a start puts a new token before the activity (or on the
    /// single flow after it), creating the enclosing subprocess scope when none is active. Afterwards a subprocess
    /// or multi-instance scope left without tokens is cancelled upwards, and an instance left with none ends as
    /// terminated. Every instruction is checked before anything changes; a refused one changes nothing.
    /// </summary>
    public void Modify(IReadOnlyList<ModificationInstruction> instructions, string reason)
    {
        if (State.Status != InstanceStatus.Active)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Instance {State.Id} has already ended ({State.Status}).");
        }

        if (instructions.Count == 0)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidArgument, "A modification needs at least one instruction.");
        }

        foreach (var instruction in instructions)
        {
            Check(instruction);
        }

        var journaled = new JsonArray();
        foreach (var instruction in instructions)
        {
            var entry = new JsonObject { ["type"] = TypeName(instruction.Type), ["activityId"] = instruction.ActivityId };
            if (instruction.Variables is { Count: > 0 } variables)
            {
                entry["variables"] = new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
            }

            journaled.Add(entry);
        }

        Journal("InstanceModified", null, new JsonObject { ["instructions"] = journaled, ["reason"] = reason });
        foreach (var instruction in instructions)
        {
            switch (instruction.Type)
            {
                case ModificationType.Cancel:
                    CancelActivity(instruction.ActivityId);
                    break;
                case ModificationType.StartBefore:
                    StartAt(instruction.ActivityId, null, instruction.Variables);
                    break;
                case ModificationType.StartAfter:
                    var flow = Process.Flow(Process.Node(instruction.ActivityId).Outgoing[0]);
                    StartAt(flow.TargetId, flow.Id, instruction.Variables);
                    break;
            }
        }

        CancelEmptyScopes();
        if (State.Tokens.Count == 0)
        {
            EndInstance(InstanceStatus.Terminated, "InstanceCancelled", new JsonObject { ["reason"] = reason, ["by"] = "modification" });
        }
    }

    internal static string TypeName(ModificationType type) => type switch
    {
        ModificationType.Cancel => "cancel",
        ModificationType.StartBefore => "startBefore",
        _ => "startAfter",
    };

    internal void Check(ModificationInstruction instruction)
    {
        var id = instruction.ActivityId;
        if (string.IsNullOrEmpty(id) || !Process.Nodes.TryGetValue(id, out var node))
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"The process '{Process.Key}' has no element '{id}'.", id);
        }

        switch (instruction.Type)
        {
            case ModificationType.Cancel when !State.Tokens.Exists(t => t.NodeId == id):
                throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"No token is at {node.Label}; there is nothing to cancel there.", id);
            case ModificationType.StartBefore when node is BoundaryEvent:
                throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"{node.Label} is a boundary event; start after it instead.", id);
            case ModificationType.StartAfter when node.Outgoing.Length != 1:
                throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"{node.Label} has {node.Outgoing.Length} outgoing sequence flows; starting after it needs exactly one.", id);
        }

        if (instruction.Type != ModificationType.Cancel)
        {
            var target = instruction.Type == ModificationType.StartBefore ? node : Process.Node(Process.Flow(node.Outgoing[0]).TargetId);
            for (var parent = target.ParentId; parent is not null; parent = Process.Node(parent).ParentId)
            {
                var subProcess = (Activity)Process.Node(parent);
                var active = State.Scopes.Count(s => s.Kind == ScopeKind.SubProcess && s.ActivityId == parent);
                if (active > 1)
                {
                    throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"{subProcess.Label} is active more than once; it is not clear in which one to start {target.Label}.", id);
                }

                if (active == 0 && subProcess.MultiInstance is not null)
                {
                    throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"{subProcess.Label} is a multi-instance subprocess that is not active; start before the subprocess itself.", id);
                }

                if (active == 1)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Cancels every token at the activity (a multi-instance body with its iterations).</summary>
    internal void CancelActivity(string activityId)
    {
        foreach (var token in State.Tokens.Where(t => t.NodeId == activityId).OrderBy(t => t.IsIteration).ToList())
        {
            if (State.FindToken(token.Id) is null)
            {
                continue;
            }

            CancelToken(token);
            Journal("ActivityCancelled", activityId, new JsonObject { ["by"] = "modification" });
        }
    }

    /// <summary>A new token at the node (arrived by the flow, when given), in its subprocess's scope, created when needed.</summary>
    internal void StartAt(string nodeId, string? arrivedVia, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var scope = EnsureScope(Process.Node(nodeId).ParentId);
        var token = NewToken(scope.Id, nodeId);
        token.ArrivedVia = arrivedVia;
        SetVariables(scope.Id, variables);
        Schedule(token);
    }

    /// <summary>The active scope of the subprocess (the process's for null); entered, with its boundary events, when there is none.</summary>
    internal ScopeState EnsureScope(string? subProcessId)
    {
        if (subProcessId is null)
        {
            return State.RootScope;
        }

        var existing = State.Scopes.Find(s => s.Kind == ScopeKind.SubProcess && s.ActivityId == subProcessId);
        if (existing is not null)
        {
            return existing;
        }

        var subProcess = (SubProcess)Process.Node(subProcessId);
        var parent = EnsureScope(subProcess.ParentId);
        var owner = NewToken(parent.Id, subProcessId);
        owner.Phase = TokenPhase.Waiting;
        BoundaryEventBehavior.Attach(this, owner, subProcess);
        Journal("ActivityStarted", subProcessId);
        var scope = NewScope(ScopeKind.SubProcess, parent.Id, owner, subProcessId);
        ArmEventSubProcesses(scope, subProcessId);
        return scope;
    }

    /// <summary>Cancels, from the inside out, each subprocess or multi-instance scope no token is left in.</summary>
    internal void CancelEmptyScopes()
    {
        while (State.Scopes.Find(s => s.Kind is not (ScopeKind.Process or ScopeKind.Local)
            && !State.Tokens.Exists(t => t.ScopeId == s.Id)
            && !State.Scopes.Exists(c => c.ParentId == s.Id)) is { } empty)
        {
            var owner = empty.OwnerTokenId is { } ownerId ? State.FindToken(ownerId) : null;
            if (empty.Kind == ScopeKind.Iteration || owner is null)
            {
                State.Scopes.Remove(empty);
                continue;
            }

            CancelToken(owner);
            Journal("ActivityCancelled", owner.NodeId, new JsonObject { ["by"] = "modification" });
        }
    }

    /// <summary>
    /// An administrator's correction of one process variable; returns the value it had. The edit is journaled
    /// with the old and the new value and the reason.
    /// </summary>
    public JsonNode? EditVariable(string name, JsonNode? value, string reason)
    {
        if (State.Status != InstanceStatus.Active)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Instance {State.Id} has already ended ({State.Status}); its variables cannot be changed.");
        }

        var root = State.RootScope;
        var existed = root.Variables.TryGetValue(name, out var old);
        old = old?.DeepClone();
        SetLocal(root, name, value?.DeepClone());
        Journal("VariableEdited", null, new JsonObject
        {
            ["name"] = name,
            ["existed"] = existed,
            ["oldValue"] = old?.DeepClone(),
            ["newValue"] = value?.DeepClone(),
            ["reason"] = reason,
        });
        return old;
    }
}

/// <summary>What one modification instruction does.</summary>
public enum ModificationType
{
    /// <summary>Cancel every token at the activity.</summary>
    Cancel,

    /// <summary>Start a token before the activity (it runs as if just arrived).</summary>
    StartBefore,

    /// <summary>Start a token on the activity's single outgoing flow.</summary>
    StartAfter,
}

/// <summary>One instruction of a process instance modification, with variables set when a token starts.</summary>
public sealed record ModificationInstruction(ModificationType Type, string ActivityId, IReadOnlyDictionary<string, JsonNode?>? Variables = null);
