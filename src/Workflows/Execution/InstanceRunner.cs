using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Moves the tokens of one instance until every token waits or has ended. Each BPMN element's semantics is
/// one small method, chosen by the switch in <see cref="Execute"/>; cross-instance work (call activities) is
/// deferred to the command so that it commits in the same transaction.
/// </summary>
internal sealed partial class InstanceRunner
{
    private readonly Queue<TokenState> _ready = new();
    private int _runCalls;
    private bool _running;

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
    private DateTimeOffset Now => Command.Now;

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
    }

    /// <summary>
    /// The command runs again after it ran out of its budget, and this is the run where the runaway began: each
    /// token ready here stops with a <c>commandBudget</c> incident instead of running; an administrator's retry
    /// runs it again from here (after a fix or a migration).
    /// </summary>
    private void HaltReadyTokens(CommandHalt halt)
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

    private bool NeedsDeferral(TokenState token, Activity activity) =>
        (activity.AsyncBefore && !token.AsyncBeforeDone)
        || (activity.MultiInstance is not null && !token.IsIteration);

    private void Execute(TokenState token, FlowNode node)
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
                StartMultiInstance(token, activity);
                return;
            }

            if (!token.IsIteration && !token.IsMultiInstanceBody)
            {
                AttachBoundaryEvents(token, activity);
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
            case IntermediateThrowEvent { LinkName: { } link } throwEvent:
                FollowLink(token, throwEvent, link);
                break;
            case IntermediateThrowEvent { Trigger: EventTrigger.Escalation } throwEvent:
                if (ThrowEscalation(token, throwEvent.EscalationCode, throwEvent.Id))
                {
                    Leave(token, node);
                }

                break;
            case IntermediateCatchEvent { Trigger: EventTrigger.Link }:
                Leave(token, node);
                break;
            case StartEvent:
            case IntermediateThrowEvent:
            case PassThroughTask:
                Leave(token, node);
                break;
            case EndEvent end:
                ExecuteEndEvent(token, end);
                break;
            case UserTask userTask:
                CreateUserTask(token, userTask);
                break;
            case ServiceTask { Implementation: ExternalImplementation external } service:
                CreateExternalTask(token, service, external);
                break;
            case ServiceTask { Implementation: ValueExpressionImplementation value } service:
                EvaluateValueTask(token, service, value);
                break;
            case ReceiveTask receive:
                Subscribe(token, receive.Id, receive.MessageName);
                token.Phase = TokenPhase.Waiting;
                break;
            case IntermediateCatchEvent catchEvent:
                WaitAtCatchEvent(token, catchEvent);
                break;
            case ExclusiveGateway exclusive:
                ExecuteExclusiveGateway(token, exclusive);
                break;
            case ParallelGateway parallel:
                ExecuteParallelGateway(token, parallel);
                break;
            case InclusiveGateway inclusive:
                ExecuteInclusiveGateway(token, inclusive);
                break;
            case EventBasedGateway gateway:
                WaitAtEventBasedGateway(token, gateway);
                break;
            case SubProcess subProcess:
                StartSubProcess(token, subProcess);
                break;
            case CallActivity call:
                StartCallActivity(token, call);
                break;
            default:
                throw new ElementFailure("unsupported", $"{node.ElementType} '{node.Id}' cannot be executed.");
        }
    }

    /// <summary>
    /// Completes the node the token is on and follows its outgoing flows: all unconditional flows plus
    /// conditional ones that hold (BPMN 2.0 §13.2.1 "uncontrolled flow"); none at all ends the token.
    /// </summary>
    public void Leave(TokenState token, FlowNode node)
    {
        if (node is Activity activity)
        {
            DetachBoundaryEvents(token, activity);
        }

        if (!token.AsyncAfterDone && !token.IsMultiInstanceBody)
        {
            // The element ends: its end listeners, then its outputs (an asynchronous continuation comes after both).
            End(token, node);
            if (node.AsyncAfter)
            {
                AddAsyncJob(token, node, after: true);
                return;
            }
        }

        MarkCompleted(node.Id);
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;

        if (token.IsIteration)
        {
            EndToken(token);
            return;
        }

        var flows = SelectOutgoing(token, node);
        Follow(token, flows);
    }

    private List<SequenceFlow> SelectOutgoing(TokenState token, FlowNode node)
    {
        var selected = new List<SequenceFlow>(node.Outgoing.Length);
        foreach (var flowId in node.Outgoing)
        {
            var flow = Process.Flow(flowId);
            if (flow.Condition is null || EvaluateCondition(token, flow))
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && node.Outgoing.Length > 0)
        {
            throw new ElementFailure("noOutgoingFlow", $"No outgoing sequence flow of {node.ElementType} '{node.Id}' has a condition that holds.");
        }

        return selected;
    }

    /// <summary>Sends the token down the first flow and new tokens down the others; no flow ends it.</summary>
    private void Follow(TokenState token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            EndToken(token);
            return;
        }

        for (var i = 1; i < flows.Count; i++)
        {
            var branch = NewToken(token.ScopeId, flows[i].TargetId);
            branch.ArrivedVia = flows[i].Id;
            Take(branch, flows[i]);
            Schedule(branch);
        }

        Take(token, flows[0]);

        // A token moving on is new at its next node: its continuations there have not run yet.
        token.NodeId = flows[0].TargetId;
        token.ArrivedVia = flows[0].Id;
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;
        Schedule(token);
    }

    private TokenState NewToken(Guid scopeId, string nodeId)
    {
        Command.Budget.SpendToken(this, nodeId);
        var token = new TokenState { Id = Command.NewId(), ScopeId = scopeId, NodeId = nodeId, Phase = TokenPhase.Ready };
        State.Tokens.Add(token);
        return token;
    }

    /// <summary>Removes a token that has nothing more to do; its scope completes when it was the last.</summary>
    private void EndToken(TokenState token)
    {
        State.Tokens.Remove(token);
        var scopeId = token.ScopeId;
        if (!State.Tokens.Exists(t => t.ScopeId == scopeId) && State.Scopes.Exists(s => s.Id == scopeId))
        {
            CompleteScope(State.Scope(scopeId));
        }
    }

    private void MarkCompleted(string activityId)
    {
        State.CompletedActivities.Add(activityId);
        if (Process.Node(activityId) is not UserTask)
        {
            // A user task's completion is journaled as TaskCompleted, with who did it and the variables.
            Journal("ActivityCompleted", activityId);
        }
    }

    public void Journal(string type, string? activityId, JsonObject? details = null) =>
        Loaded.Journal.Add(new JournalEntry(Now, type, activityId, Command.Actor, details));

    private bool EvaluateCondition(TokenState token, SequenceFlow flow)
    {
        var expression = Loaded.Definition.Expression(flow.Condition!);
        try
        {
            return ExpressionValues.ToBoolean(expression.Evaluate(Variables(token)), expression.Text);
        }
        catch (ExpressionException ex)
        {
            throw new ElementFailure("expression", $"Condition of sequence flow '{flow.Id}': {ex.Message}");
        }
    }

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
