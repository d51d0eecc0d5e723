using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;
using Anju.Workflows.Deployment;
using Anju.Workflows.Execution;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;

namespace Anju.Workflows;

/// <summary>
/// The engine's public surface: every command loads what it needs, runs tokens until they wait, and saves
/// the instance document with its tasks, jobs, subscriptions and journal in one transaction.
/// </summary>
public sealed partial class WorkflowEngine
{
    private WorkingCalendar _calendar;

    public WorkflowEngine(
        WorkflowStore store,
        ServiceTaskHandlers? handlers = null,
        TimeProvider? time = null,
        WorkingCalendar? calendar = null,
        EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store.Open();
        Handlers = handlers ?? new ServiceTaskHandlers();
        Time = time ?? TimeProvider.System;
        _calendar = calendar ?? WorkingCalendar.LoadEmbedded();
        Options = options ?? new EngineOptions();
        Definitions = new DefinitionRepository(this);
    }

    /// <summary>Where commands load and save instances (the seam between the engine and its database).</summary>
    internal IInstanceStore Store { get; }
    public ServiceTaskHandlers Handlers { get; }
    public TimeProvider Time { get; }
    /// <summary>
    /// The working-day calendar in force: an immutable snapshot, read once per use and swapped whole by
    /// <see cref="UseCalendar"/> when the calendar's data changes (a command started before the swap may finish on
    /// the previous snapshot).
    /// </summary>
    public WorkingCalendar Calendar => Volatile.Read(ref _calendar);
    public EngineOptions Options { get; }
    public DefinitionRepository Definitions { get; }

    /// <summary>Replaces the working-day calendar for every command that starts afterwards.</summary>
    public void UseCalendar(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Volatile.Write(ref _calendar, calendar);
    }

    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A dry run reads only: no writer lock, no transaction, nothing saved.
        await using var session = await Store.BeginDeploymentAsync(readOnly: request.DryRun, cancellationToken);
        var result = await Definitions.DeployAsync(session, request, Time.GetUtcNow(), cancellationToken);
        if (result.Succeeded && !request.DryRun)
        {
            await session.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Starts an instance of the latest (or the given) version of a process at its none start event.</summary>
    public Task<InstanceView> StartAsync(StartInstance command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(command.Actor, async (context, ct) =>
        {
            var definition = await Definitions.ResolveAsync(context.Session, command.DefinitionKey, command.Version, ct)
                ?? throw WorkflowException.NotFound(command.Version is { } v
                    ? $"Process '{command.DefinitionKey}' has no version {v}."
                    : $"No process with the key '{command.DefinitionKey}' is deployed.");
            var start = definition.Process.NoneStartEvent
                ?? throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Process '{definition.Key}' has no none start event; it starts by message or timer.");
            var note = command.Authorize?.Invoke(definition, start);
            var runner = CreateInstance(context, definition, command.InstanceId ?? context.NewId(), command.BusinessKey, command.Jurisdiction, command.Variables, start.Id, note);
            await runner.RunAsync(ct);
            return runner;
        }, r => InstanceView.From(r.State), cancellationToken, computeBeforeWriter: true);
    }

    /// <summary>Creates an instance inside a command with its token ready at the start event.</summary>
    internal InstanceRunner CreateInstance(CommandContext context, CompiledDefinition definition, Guid id, string? businessKey, string? jurisdiction, IReadOnlyDictionary<string, JsonNode?>? variables, string? startEventId = null, JsonObject? startNote = null)
    {
        var state = new InstanceState
        {
            Id = id,
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = string.IsNullOrWhiteSpace(businessKey) ? null : businessKey,
            Jurisdiction = string.IsNullOrWhiteSpace(jurisdiction) ? null : jurisdiction,
            StartedBy = context.Actor,
            Status = InstanceStatus.Active,
            StartedAt = context.Now,
        };
        var root = new ScopeState { Id = context.NewId(), Kind = ScopeKind.Process };
        state.Scopes.Add(root);
        var runner = context.Add(new LoadedInstance(state, definition, 0, isNew: true));
        var started = new JsonObject
        {
            ["definitionId"] = definition.Id,
            ["businessKey"] = state.BusinessKey,
            ["jurisdiction"] = state.Jurisdiction,
        };
        foreach (var (name, value) in startNote ?? [])
        {
            started[name] = value?.DeepClone();
        }

        runner.Journal("InstanceStarted", null, started);
        var start = startEventId ?? definition.Process.NoneStartEvent?.Id
            ?? throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Process '{definition.Key}' has no none start event.");
        var startForm = definition.Process.Node(start) is StartEvent { FormFields: var fields } ? fields : [];
        runner.SetFormVariables(root.Id, startForm, variables);
        if (definition.Process.Node(start) is StartEvent { Initiator: { } initiator } && context.Actor is { } actor)
        {
            runner.SetVariables(root.Id, new Dictionary<string, JsonNode?> { [initiator] = actor });
        }

        var token = new TokenState { Id = context.NewId(), ScopeId = root.Id, NodeId = start };
        state.Tokens.Add(token);
        runner.ArmEventSubProcesses(root, null);
        runner.RunProcessListeners(Model.ListenerEvents.Start);
        runner.Schedule(token);
        return runner;
    }

    public async Task<InstanceView?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var stored = await Store.ReadInstanceAsync(instanceId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        // The row's number: an instance numbered before numbers were kept in the document has it there only.
        var view = InstanceView.From(stored.State);
        return stored.CaseNumber is null || view.CaseNumber is not null ? view : view with { CaseNumber = stored.CaseNumber };
    }

    /// <summary>
    /// Runs one command in one transaction. A conflicting concurrent change aborts it with nothing written;
    /// commands that are safe to repeat (jobs) are retried by their callers.
    /// </summary>
    internal async Task<TResult> RunAsync<TState, TResult>(
        string? actor,
        Func<CommandContext, CancellationToken, ValueTask<TState>> body,
        Func<TState, TResult> result,
        CancellationToken cancellationToken,
        bool computeBeforeWriter = false)
    {
        if (computeBeforeWriter && Store.ComputesBeforeWriter)
        {
            // SQLite, for commands whose every write is an instance document guarded by its revision (start,
            // complete a task): computed without the writer lock; the store says when it must run again under it.
            try
            {
                return result(await AttemptAsync(actor, body, beforeWriter: true, cancellationToken));
            }
            catch (NeedsWriterException)
            {
            }
        }

        return result(await AttemptAsync(actor, body, beforeWriter: false, cancellationToken));
    }

    /// <summary>
    /// One command in one session of the store: runs the body and the cross-instance work it deferred, then commits.
    /// A runaway runs once more to where it began (see <see cref="NextHalt"/>), in a fresh session.
    /// </summary>
    private async Task<TState> AttemptAsync<TState>(
        string? actor, Func<CommandContext, CancellationToken, ValueTask<TState>> body, bool beforeWriter, CancellationToken cancellationToken)
    {
        CommandHalt? halt = null;
        while (true)
        {
            await using var session = await Store.BeginAsync(beforeWriter, cancellationToken);
            var context = new CommandContext(this, session, Time.GetUtcNow(), actor, halt) { BeforeWriter = beforeWriter };
            TState state;
            try
            {
                state = await body(context, cancellationToken);
                await context.DrainAsync(cancellationToken);
            }
            catch (CommandBudgetExceededException ex)
            {
                // The session rolls back as it is disposed, and the runaway's state goes with the context.
                halt = NextHalt(halt, ex);
                continue;
            }
            catch (ElementFailure ex)
            {
                // A user's call set off something that failed (a listener, a condition on the way out): the call is
                // refused and, as the session rolls back, nothing of it is saved.
                throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Nothing was changed: {ex.Message}", innerException: ex);
            }

            await session.CommitAsync(context, cancellationToken);
            return state;
        }
    }

    /// <summary>
    /// A command ran out of its budget (a runaway): it is discarded and runs once more, stopping where the runaway
    /// began with a <c>commandBudget</c> incident (see <see cref="CommandBudget"/>). If that run too runs out, the
    /// command fails with nothing written.
    /// </summary>
    private static CommandHalt NextHalt(CommandHalt? previous, CommandBudgetExceededException exceeded) =>
        previous is null
            ? exceeded.Halt
            : throw new WorkflowException(WorkflowErrorKind.InvalidState, exceeded.Message, exceeded.Halt.Details["elementId"]?.GetValue<string>(), exceeded);

    internal Task RunAsync(string? actor, Func<CommandContext, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        RunAsync<bool, bool>(actor, async (context, ct) =>
        {
            await body(context, ct);
            return true;
        }, static b => b, cancellationToken);
}

/// <summary>Start a process instance.</summary>
public sealed record StartInstance
{
    public required string DefinitionKey { get; init; }
    public int? Version { get; init; }
    public string? BusinessKey { get; init; }
    public string? Jurisdiction { get; init; }
    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }
    public string? Actor { get; init; }

    /// <summary>The new instance's id, when the caller must know it in advance (an idempotent start derives it from its key); else a new one.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>
    /// Called inside the command with the version being started and its none start event, before anything is created:
    /// throws to refuse the start (nothing is written); may return members added to the InstanceStarted journal entry
    /// (e.g. who filed on behalf of whom). It may run more than once for one start.
    /// </summary>
    public Func<CompiledDefinition, Model.StartEvent, JsonObject?>? Authorize { get; init; }
}
