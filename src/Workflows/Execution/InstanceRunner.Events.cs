using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    internal void Subscribe(TokenState token, string activityId, string messageName) => Subscribe(token.Id, activityId, messageName);

    /// <summary>A wait for a message or signal, owned by a token (or, for an event subprocess's start, by its scope).</summary>
    internal void Subscribe(Guid ownerId, string activityId, string messageName) =>
        State.Subscriptions.Add(new SubscriptionState { Id = Command.NewId(), TokenId = ownerId, ActivityId = activityId, MessageName = messageName });

    internal void AddTimer(TokenState token, string activityId, TimerDefinition timer) => AddTimer(token.Id, VariableScopeOf(token), activityId, timer);

    /// <summary>A timer owned by a token (or an event subprocess's scope), its value evaluated in <paramref name="scopeId"/>.</summary>
    internal void AddTimer(Guid ownerId, Guid scopeId, string activityId, TimerDefinition timer, JobKind kind = JobKind.Timer, string? listener = null)
    {
        var value = Loaded.Definition.Expression(timer.Value).Evaluate(new ScopeVariables(this, scopeId));
        var schedule = TimerSchedule.First(timer, value, Now, Command.Calendar);
        State.Jobs.Add(new JobState
        {
            Id = Command.NewId(),
            Kind = kind,
            Listener = listener,
            TokenId = ownerId,
            ActivityId = activityId,
            DueAt = schedule.DueAt,
            Retries = RetryPolicy.Parse(Process.Nodes.GetValueOrDefault(activityId)?.RetryTimeCycle, Command.Options.DefaultRetries).Retries,
            Cycle = schedule.Cycle,
            RepeatsLeft = schedule.RepeatsLeft,
        });
    }

    /// <summary>A message arrived for a subscription of this instance.</summary>
    public void DeliverMessage(SubscriptionState subscription, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (State.FindToken(subscription.TokenId) is not { } token)
        {
            Journal("MessageReceived", subscription.ActivityId, new JsonObject { ["message"] = subscription.MessageName });
            TriggerEventSubProcess(subscription, variables);
            return;
        }

        var node = Process.Node(subscription.ActivityId);
        State.Subscriptions.Remove(subscription);
        Journal("MessageReceived", node.Id, new JsonObject { ["message"] = subscription.MessageName });
        SetVariables(token.ScopeId, variables);
        Trigger(token, node);
    }

    /// <summary>A due job of this instance runs: a timer fires, an async continuation or a retry goes on.</summary>
    public void RunJob(JobState job)
    {
        var token = job.TokenId is { } id ? State.FindToken(id) : null;
        State.Jobs.Remove(job);
        if (token is null)
        {
            if (job.Kind == JobKind.Timer)
            {
                FireEventSubProcessTimer(job);
            }

            return;
        }

        switch (job.Kind)
        {
            case JobKind.Timer:
                var node = Process.Node(job.ActivityId);
                Journal("TimerFired", node.Id);
                if (node is BoundaryEvent { CancelActivity: false } && job.Cycle is not null && job.RepeatsLeft != 0)
                {
                    var next = TimerSchedule.Next(job.Cycle, job.DueAt, Now, Command.Calendar);
                    if (next is { } due)
                    {
                        State.Jobs.Add(new JobState
                        {
                            Id = Command.NewId(),
                            Kind = JobKind.Timer,
                            TokenId = token.Id,
                            ActivityId = job.ActivityId,
                            DueAt = due,
                            Retries = job.Retries,
                            Cycle = job.Cycle,
                            RepeatsLeft = job.RepeatsLeft < 0 ? -1 : job.RepeatsLeft - 1,
                        });
                    }
                }

                Trigger(token, node);
                break;
            case JobKind.Async when job.AsyncAfter && Process.Node(token.NodeId) is EndEvent end:
                EndEventBehavior.EndAfterJob(this, token, end);
                break;
            case JobKind.Async when job.AsyncAfter && Process.Node(token.NodeId) is IntermediateThrowEvent { LinkName: { } link } throwEvent:
                token.AsyncAfterDone = true;
                IntermediateThrowEventBehavior.FollowLink(this, token, throwEvent, link);
                break;
            case JobKind.Async when job.AsyncAfter:
                token.AsyncAfterDone = true;
                Leave(token, Process.Node(token.NodeId));
                break;
            case JobKind.Async:
                token.AsyncBeforeDone = true;
                Schedule(token);
                break;
            case JobKind.TaskTimeout:
                RunTaskTimeout(token, job);
                break;
            case JobKind.Retry:
                // The retry job is kept until the handler succeeds or fails again, which reads its retries.
                State.Jobs.Add(job);
                Schedule(token);
                break;
        }
    }

    /// <summary>An event the token waited for occurred at <paramref name="node"/>.</summary>
    internal void Trigger(TokenState token, FlowNode node)
    {
        switch (node)
        {
            case BoundaryEvent boundary:
                BoundaryEventBehavior.Fire(this, token, boundary);
                break;
            case IntermediateCatchEvent or ReceiveTask when token.NodeId != node.Id:
                EventBasedGatewayBehavior.Take(this, token, node);
                break;
            default:
                Leave(token, node);
                break;
        }
    }

    /// <summary>
    /// Throws a BPMN error from the token: the nearest enclosing activity with a matching error boundary event
    /// catches it (a code match before a catch-all); past the process it goes to a calling activity. An error
    /// nobody catches raises an incident, a deliberate deviation from Camunda 7, which would end the path
    /// silently: in a government procedure a lost case is worse than a stopped one.
    /// </summary>
    public void ThrowBpmnError(TokenState token, string errorCode, string message)
    {
        if (TryCatchError(token, errorCode, message))
        {
            return;
        }

        if (State.ParentInstanceId is { } parent)
        {
            Command.PropagateErrorToCaller(parent, State.ParentTokenId!.Value, errorCode, message, State.Id, token.Id);
            token.Phase = TokenPhase.Waiting;
            return;
        }

        RaiseIncident(token, token.NodeId, "unhandledError", $"BPMN error '{errorCode}' thrown at '{token.NodeId}' was not caught: {message}");
    }

    /// <summary>
    /// Looks for what catches the error from the token outward — at each level the activity's error boundary events,
    /// then an error event subprocess of the scope it runs in — and fires it when found.
    /// </summary>
    public bool TryCatchError(TokenState token, string errorCode, string message)
    {
        var current = token;
        while (true)
        {
            if (!current.IsIteration && Process.Node(current.NodeId) is Activity activity)
            {
                var boundary = BoundaryEventBehavior.FindErrorBoundary(this, activity, errorCode);
                if (boundary is not null)
                {
                    Journal("ErrorCaught", boundary.Id, new JsonObject { ["errorCode"] = errorCode, ["message"] = message });
                    SetVariable(current.ScopeId, "errorCode", errorCode);
                    BoundaryEventBehavior.Fire(this, current, boundary);
                    return true;
                }
            }

            // Then an error event subprocess of the scope the activity runs in (Camunda 7, "Error Event Subprocess").
            var scope = State.Scope(current.ScopeId);
            if (EventSubProcessStart(scope, EventTrigger.Error, errorCode) is { } start)
            {
                Journal("ErrorCaught", start.Id, new JsonObject { ["errorCode"] = errorCode, ["message"] = message });
                SetVariable(scope.Id, "errorCode", errorCode);
                StartEventSubProcess(scope, start, null);
                return true;
            }

            if (scope.OwnerTokenId is not { } owner)
            {
                return false;
            }

            current = State.FindToken(owner)!;
        }
    }

    internal static JsonNode? Json(object? value) => ExpressionValues.ToJson(value);

    /// <summary>An asynchronous continuation: the token waits for a job that goes on before (or after) the node.</summary>
    internal void AddAsyncJob(TokenState token, FlowNode node, bool after)
    {
        token.Phase = TokenPhase.Waiting;
        State.Jobs.Add(new JobState
        {
            Id = Command.NewId(),
            Kind = JobKind.Async,
            TokenId = token.Id,
            ActivityId = node.Id,
            DueAt = Now,
            Retries = RetryPolicy.Parse(node.RetryTimeCycle, Command.Options.DefaultRetries).Retries,
            AsyncAfter = after,
        });
    }
}
