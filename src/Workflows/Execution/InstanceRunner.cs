using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Moves the tokens of one instance until every token waits or has ended. Each BPMN element's semantics is its
/// behaviour (<c>Execution/Behaviors/&lt;Element&gt;Behavior.cs</c>), chosen by the switch in <see cref="Execute"/> and
/// working through the runner's verbs (leave, follow, schedule, subscribe, timers, journal, incidents); cross-instance
/// work (call activities, signals) is deferred to the command so that it commits in the same transaction.
/// </summary>
internal sealed partial class InstanceRunner
{
    private readonly Queue<TokenState> _ready = new();
    private int _runCalls;
    private bool _running;

    /// <summary>Variables set since conditional events were last evaluated (only for models that have some).</summary>
    private Dictionary<string, VariableChange>? _changedVariables;

    /// <summary>The node being executed (names the element when the command budget runs out).</summary>
    private FlowNode? _executing;

    public InstanceRunner(CommandContext command, LoadedInstance loaded, int ordinal)
    {
        Command = command;
        Loaded = loaded;
        Ordinal = ordinal;
    }

    /// <summary>The order in which the command took this instance in (0 for the first).</summary>
    public int Ordinal { get; }

    /// <summary>The id of the node being executed, if any (Camunda's <c>execution.currentActivityId</c>).</summary>
    public string? ExecutingNodeId => _executing?.Id;

    /// <summary>The node being executed, else the node <paramref name="nodeId"/>.</summary>
    public FlowNode ExecutingOr(string nodeId) => _executing ?? Process.Node(nodeId);

    /// <summary>Which call of <see cref="RunAsync"/> is running, or the next one when none is.</summary>
    public int CurrentOrNextRunCall => _running ? _runCalls : _runCalls + 1;

    public CommandContext Command { get; }
    public LoadedInstance Loaded { get; }
    public InstanceState State => Loaded.State;
    public ProcessDefinition Process => Loaded.Definition.Process;
    internal DateTimeOffset Now => Command.Now;

    /// <summary>Runs every ready token, including those that running others makes ready.</summary>
    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var call = ++_runCalls;
        if (Command.Halt is { } halt && halt.RunnerOrdinal == Ordinal && halt.RunCall == call && halt.DefinitionId == Loaded.Definition.Id)
        {
            HaltReadyTokens(halt);
            return;
        }

        _running = true;
        while (_ready.TryDequeue(out var token))
        {
            if (token.Phase != TokenPhase.Ready || State.FindToken(token.Id) is null)
            {
                continue;
            }

            var node = Process.Node(token.NodeId);
            _executing = node;
            Command.Budget.SpendElement(this, node);
            try
            {
                if (node is ServiceTask { Implementation: HandlerImplementation handler } service
                    && !NeedsDeferral(token, service))
                {
                    await RunHandlerAsync(token, service, handler, cancellationToken);
                }
                else
                {
                    Execute(token, node);
                }
            }
            catch (ExpressionException ex)
            {
                RaiseIncident(token, node.Id, "expression", $"{node.ElementType} '{node.Id}': {ex.Message}");
            }
            catch (ElementFailure ex)
            {
                RaiseIncident(token, node.Id, ex.IncidentType, ex.Message);
            }
        }

        _executing = null;
        _running = false;
        if (_changedVariables is { Count: > 0 } && State.Status == InstanceStatus.Active && EvaluateConditionalEvents())
        {
            // Conditions that now hold moved tokens on: run them (and evaluate again after what they change).
            await RunAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The command runs again after it ran out of its budget, and this is the run where the runaway began: each
    /// token ready here stops with a <c>commandBudget</c> incident instead of running; an administrator's retry
    /// runs it again from here (after a fix or a migration).
    /// </summary>
    internal void HaltReadyTokens(CommandHalt halt)
    {
        while (_ready.TryDequeue(out var token))
        {
            if (token.Phase == TokenPhase.Ready && State.FindToken(token.Id) is not null)
            {
                RaiseIncident(token, token.NodeId, CommandBudget.IncidentType, halt.Message, details: halt.Details);
            }
        }
    }

    /// <summary>Puts a token in the ready queue.</summary>
    public void Schedule(TokenState token)
    {
        token.Phase = TokenPhase.Ready;
        _ready.Enqueue(token);
    }

    internal bool NeedsDeferral(TokenState token, Activity activity) =>
        (activity.AsyncBefore && !token.AsyncBeforeDone)
        || (activity.MultiInstance is not null && !token.IsIteration);

    internal void Execute(TokenState token, FlowNode node)
    {
        if (node.AsyncBefore && !token.AsyncBeforeDone)
        {
            AddAsyncJob(token, node, after: false);
            return;
        }

        if (node is Activity activity)
        {
            if (activity.MultiInstance is not null && !token.IsIteration)
            {
                MultiInstanceBehavior.Start(this, token, activity);
                return;
            }

            if (!token.IsIteration && !token.IsMultiInstanceBody)
            {
                BoundaryEventBehavior.Attach(this, token, activity);
            }
        }

        if (node is SubProcess or CallActivity or ReceiveTask or IntermediateCatchEvent or EventBasedGateway or ServiceTask)
        {
            // Waits with no entry of their own; user tasks journal TaskCreated, pass-through nodes only complete.
            Journal("ActivityStarted", node.Id);
        }

        Begin(token, node);

        switch (node)
        {
            case StartEvent start:
                StartEventBehavior.Execute(this, token, start);
                break;
            case EndEvent end:
                EndEventBehavior.Execute(this, token, end);
                break;
            case IntermediateThrowEvent throwEvent:
                IntermediateThrowEventBehavior.Execute(this, token, throwEvent);
                break;
            case IntermediateCatchEvent catchEvent:
                IntermediateCatchEventBehavior.Execute(this, token, catchEvent);
                break;
            case BoundaryEvent boundary:
                BoundaryEventBehavior.Execute(this, token, boundary);
                break;
            case UserTask userTask:
                UserTaskBehavior.Execute(this, token, userTask);
                break;
            case ServiceTask service:
                ServiceTaskBehavior.Execute(this, token, service);
                break;
            case ReceiveTask receive:
                ReceiveTaskBehavior.Execute(this, token, receive);
                break;
            case PassThroughTask task:
                PassThroughTaskBehavior.Execute(this, token, task);
                break;
            case ExclusiveGateway exclusive:
                ExclusiveGatewayBehavior.Execute(this, token, exclusive);
                break;
            case ParallelGateway parallel:
                ParallelGatewayBehavior.Execute(this, token, parallel);
                break;
            case InclusiveGateway inclusive:
                InclusiveGatewayBehavior.Execute(this, token, inclusive);
                break;
            case EventBasedGateway gateway:
                EventBasedGatewayBehavior.Execute(this, token, gateway);
                break;
            case SubProcess subProcess:
                SubProcessBehavior.Execute(this, token, subProcess);
                break;
            case CallActivity call:
                CallActivityBehavior.Execute(this, token, call);
                break;
            default:
                throw new ElementFailure("unsupported", $"{node.ElementType} '{node.Id}' cannot be executed.");
        }
    }

    public void Journal(string type, string? activityId, JsonObject? details = null) =>
        Loaded.Journal.Add(new JournalEntry(Now, type, activityId, Command.Actor, details));

    /// <summary>Evaluates an attribute expression in the token's scope.</summary>
    public object? Evaluate(TokenState token, ExpressionText text) =>
        Loaded.Definition.Expression(text).Evaluate(Variables(token));

    public ScopeVariables Variables(TokenState token) => new(this, VariableScopeOf(token));

    public void RaiseIncident(TokenState token, string activityId, string type, string message, Guid? jobId = null, JsonObject? details = null)
    {
        token.Phase = TokenPhase.Failed;

        // A retry job kept for the token's service task would run it again behind the incident's back.
        State.Jobs.RemoveAll(j => j.TokenId == token.Id && j.Kind == JobKind.Retry);
        var incident = new IncidentState
        {
            Id = Command.NewId(),
            TokenId = token.Id,
            ActivityId = activityId,
            Type = type,
            Message = message,
            CreatedAt = Now,
            JobId = jobId,
        };
        State.Incidents.Add(incident);
        var entry = new JsonObject { ["type"] = type, ["message"] = message };
        foreach (var (name, value) in details ?? [])
        {
            entry[name] = value?.DeepClone();
        }

        Journal("IncidentRaised", activityId, entry);
    }
}

/// <summary>An element could not run; the token stops there with an incident of this type.</summary>
internal sealed class ElementFailure(string incidentType, string message) : Exception(message)
{
    public string IncidentType { get; } = incidentType;
}
