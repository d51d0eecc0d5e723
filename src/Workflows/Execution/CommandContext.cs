using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;
using Anju.Workflows.Handlers;

namespace Anju.Workflows.Execution;

/// <summary>
/// One command's unit of work: the instances it loaded or created, the cross-instance work it deferred
/// (call activities), and the variable changes to journal. Its <see cref="Session"/> writes it all in
/// one transaction.
/// </summary>
internal sealed class CommandContext
{
    private readonly Queue<Func<CancellationToken, ValueTask>> _deferred = new();
    private readonly Dictionary<Guid, InstanceRunner> _runners = [];
    private readonly Dictionary<Guid, JsonObject> _variableChanges = [];
    private int _added;

    public CommandContext(WorkflowEngine engine, ICommandSession session, DateTimeOffset now, string? actor, CommandHalt? halt = null)
    {
        Engine = engine;
        Session = session;
        Now = now;
        Actor = actor;
        Halt = halt;

        // Running again to the halt does the same work as the first run up to there; twice the budget lets it get
        // there and still bounds a run that took another path.
        Budget = new CommandBudget(engine.Options, halt is null ? 1 : 2);
    }

    /// <summary>Set when the command runs again after it ran out of its budget: where it stops (see <see cref="CommandHalt"/>).</summary>
    public CommandHalt? Halt { get; }

    /// <summary>The element executions, tokens and tasks this command may still spend.</summary>
    public CommandBudget Budget { get; }

    /// <summary>
    /// The command is computed before it holds SQLite's writer lock, with no transaction open (see
    /// WorkflowEngine.RunAsync): a step that needs the transaction (a service-task handler, which may write on
    /// it and act on the world) calls <see cref="RequireWriter"/>, and the command runs again under the lock.
    /// </summary>
    public bool BeforeWriter { get; init; }

    /// <exception cref="NeedsWriterException">The command is computed before the writer lock.</exception>
    public void RequireWriter()
    {
        if (BeforeWriter)
        {
            throw new NeedsWriterException();
        }
    }

    public WorkflowEngine Engine { get; }

    /// <summary>The store's session this command runs in: loads, its transaction, its commit.</summary>
    public ICommandSession Session { get; }

    public DateTimeOffset Now { get; }
    public string? Actor { get; }
    public WorkingCalendar Calendar => Engine.Calendar;
    public ServiceTaskHandlers Handlers => Engine.Handlers;
    public EngineOptions Options => Engine.Options;

    public IEnumerable<InstanceRunner> Runners => _runners.Values;

    public Guid NewId() => Guid.CreateVersion7(Now);

    public InstanceRunner Add(LoadedInstance loaded)
    {
        var runner = new InstanceRunner(this, loaded, _added++);
        _runners[loaded.State.Id] = runner;
        return runner;
    }

    /// <summary>The runner of an instance, loading it into this command if it is not yet.</summary>
    public async ValueTask<InstanceRunner> GetAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (_runners.TryGetValue(instanceId, out var runner))
        {
            return runner;
        }

        var loaded = await Session.LoadAsync(this, instanceId, cancellationToken)
            ?? throw WorkflowException.NotFound($"Process instance {instanceId} does not exist.");
        return Add(loaded);
    }

    /// <summary>The runner of the instance holding a user task; null when no such task is open.</summary>
    public async ValueTask<InstanceRunner?> GetByTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var loaded = await Session.LoadByTaskAsync(this, taskId, cancellationToken);
        return loaded is null ? null : _runners.TryGetValue(loaded.State.Id, out var existing) ? existing : Add(loaded);
    }

    public void NoteVariableChanged(LoadedInstance instance, string name, JsonNode? value)
    {
        if (!_variableChanges.TryGetValue(instance.State.Id, out var changes))
        {
            changes = [];
            _variableChanges[instance.State.Id] = changes;
        }

        changes[name] = value?.DeepClone();
    }

    /// <summary>Drops a noted change (a variable created and then removed again within the command).</summary>
    public void ForgetVariableChange(LoadedInstance instance, string name)
    {
        if (_variableChanges.TryGetValue(instance.State.Id, out var changes))
        {
            changes.Remove(name);
        }
    }

    /// <summary>The instance's runner when this command has it.</summary>
    public InstanceRunner? Find(Guid instanceId) => _runners.GetValueOrDefault(instanceId);

    /// <summary>The variable changes noted so far for an instance, left in place.</summary>
    public JsonObject? PeekVariableChanges(Guid instanceId) => _variableChanges.GetValueOrDefault(instanceId);

    public JsonObject? TakeVariableChanges(Guid instanceId) =>
        _variableChanges.Remove(instanceId, out var changes) ? changes : null;

    public void Defer(Func<CancellationToken, ValueTask> action) => _deferred.Enqueue(action);

    public void StartCalledInstance(CalledInstanceRequest request) =>
        Defer(async ct =>
        {
            var definition = await Engine.Definitions.ResolveAsync(Session, request.Key, request.Version, ct);
            if (definition is null)
            {
                var caller = await GetAsync(request.ParentInstanceId, ct);
                var token = caller.State.FindToken(request.ParentTokenId);
                if (token is not null)
                {
                    token.CalledInstanceId = null;
                    caller.RaiseIncident(token, request.ActivityId, "calledElementNotFound",
                        $"callActivity '{request.ActivityId}': no deployed process has the key '{request.Key}'{(request.Version is { } v ? $" and version {v}" : "")}.");
                }

                return;
            }

            var child = Engine.CreateInstance(this, definition, request.Id, request.BusinessKey, request.Jurisdiction, request.Variables);
            child.State.ParentInstanceId = request.ParentInstanceId;
            child.State.ParentTokenId = request.ParentTokenId;
            await child.RunAsync(ct);
        });

    public void NotifyCallerCompleted(Guid parentId, Guid tokenId, InstanceState child) =>
        Defer(async ct =>
        {
            var parent = await GetAsync(parentId, ct);
            Behaviors.CallActivityBehavior.Resume(parent, tokenId, child);
            await parent.RunAsync(ct);
        });

    public void PropagateErrorToCaller(Guid parentId, Guid tokenId, string errorCode, string message, Guid childId, Guid childTokenId) =>
        Defer(async ct =>
        {
            var parent = await GetAsync(parentId, ct);
            var token = parent.State.FindToken(tokenId);
            if (token is not null && parent.TryCatchError(token, errorCode, message))
            {
                await parent.RunAsync(ct);
                return;
            }

            var child = await GetAsync(childId, ct);
            if (child.State.FindToken(childTokenId) is { } thrower)
            {
                child.RaiseIncident(thrower, thrower.NodeId, "unhandledError", $"BPMN error '{errorCode}' was not caught here nor by the calling activity: {message}");
            }
        });

    /// <summary>An escalation a called instance did not catch goes to its calling activity's token (deferred, same transaction).</summary>
    public void PropagateEscalationToCaller(Guid parentId, Guid tokenId, string? escalationCode, Guid childId) =>
        Defer(async ct =>
        {
            var parent = await GetAsync(parentId, ct);
            if (parent.State.FindToken(tokenId) is { } token)
            {
                parent.EscalationFromCalled(token, escalationCode, childId);
                await parent.RunAsync(ct);
            }
        });

    public void CancelCalledInstance(Guid instanceId, string reason) =>
        Defer(async ct =>
        {
            var child = await GetAsync(instanceId, ct);
            if (child.State.Status == InstanceStatus.Active)
            {
                child.EndInstance(InstanceStatus.Terminated, "InstanceCancelled", new JsonObject { ["reason"] = reason });
            }
        });

    /// <summary>Runs deferred cross-instance work until none is left.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        var rounds = 0;
        while (_deferred.TryDequeue(out var action))
        {
            if (++rounds > 10_000)
            {
                throw new InvalidOperationException("Too many cross-instance steps in one command (a call activity loop?).");
            }

            await action(cancellationToken);
        }
    }
}

/// <summary>Abandons a command computed before the writer lock; it runs again under the lock.</summary>
internal sealed class NeedsWriterException : Exception
{
    public NeedsWriterException()
        : base("This command needs the writer's transaction.")
    {
    }
}

internal sealed record CalledInstanceRequest(
    Guid Id,
    string Key,
    int? Version,
    string? BusinessKey,
    string? Jurisdiction,
    Dictionary<string, JsonNode?> Variables,
    Guid ParentInstanceId,
    Guid ParentTokenId,
    string ActivityId);
