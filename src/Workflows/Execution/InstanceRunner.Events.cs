using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    private void Subscribe(TokenState token, string activityId, string messageName) =>
        State.Subscriptions.Add(new SubscriptionState { Id = Command.NewId(), TokenId = token.Id, ActivityId = activityId, MessageName = messageName });

    private void AddTimer(TokenState token, string activityId, TimerDefinition timer)
    {
        var schedule = TimerSchedule.First(timer, Evaluate(token, timer.Value), Now, Command.Calendar);
        State.Jobs.Add(new JobState
        {
            Id = Command.NewId(),
            Kind = JobKind.Timer,
            TokenId = token.Id,
            ActivityId = activityId,
            DueAt = schedule.DueAt,
            Retries = Command.Options.DefaultRetries,
            Cycle = schedule.Cycle,
            RepeatsLeft = schedule.RepeatsLeft,
        });
    }

    private void WaitAtCatchEvent(TokenState token, IntermediateCatchEvent catchEvent)
    {
        token.Phase = TokenPhase.Waiting;
        if (catchEvent.Trigger == EventTrigger.Message)
        {
            Subscribe(token, catchEvent.Id, catchEvent.MessageName!);
        }
        else
        {
            AddTimer(token, catchEvent.Id, catchEvent.Timer!);
        }
    }

    private void AttachBoundaryEvents(TokenState token, Activity activity)
    {
        foreach (var id in activity.BoundaryEvents)
        {
            var boundary = (BoundaryEvent)Process.Node(id);
            if (boundary.Trigger == EventTrigger.Message)
            {
                Subscribe(token, boundary.Id, boundary.MessageName!);
            }
            else if (boundary.Trigger == EventTrigger.Timer)
            {
                AddTimer(token, boundary.Id, boundary.Timer!);
            }
        }
    }

    private void DetachBoundaryEvents(TokenState token, Activity activity)
    {
        if (activity.BoundaryEvents.IsEmpty)
        {
            return;
        }

        State.Subscriptions.RemoveAll(s => s.TokenId == token.Id && activity.BoundaryEvents.Contains(s.ActivityId));
        State.Jobs.RemoveAll(j => j.TokenId == token.Id && activity.BoundaryEvents.Contains(j.ActivityId));
    }

    /// <summary>A message arrived for a subscription of this instance.</summary>
    public void DeliverMessage(SubscriptionState subscription, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var token = State.FindToken(subscription.TokenId)!;
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
            case JobKind.Async when job.AsyncAfter && Process.Node(token.NodeId) is EndEvent:
                EndToken(token);
                break;
            case JobKind.Async when job.AsyncAfter:
                token.AsyncAfterDone = true;
                Leave(token, Process.Node(token.NodeId));
                break;
            case JobKind.Async:
                token.AsyncBeforeDone = true;
                Schedule(token);
                break;
            case JobKind.Retry:
                // The retry job is kept until the handler succeeds or fails again, which reads its retries.
                State.Jobs.Add(job);
                Schedule(token);
                break;
        }
    }

    /// <summary>An event the token waited for occurred at <paramref name="node"/>.</summary>
    private void Trigger(TokenState token, FlowNode node)
    {
        switch (node)
        {
            case BoundaryEvent boundary:
                FireBoundaryEvent(token, boundary);
                break;
            case IntermediateCatchEvent or ReceiveTask when token.NodeId != node.Id:
                TakeEventBasedGateway(token, node);
                break;
            default:
                Leave(token, node);
                break;
        }
    }

    /// <summary>
    /// An interrupting boundary event cancels the activity and continues from the event; a non-interrupting
    /// one continues from the event with a new token while the activity goes on.
    /// </summary>
    private void FireBoundaryEvent(TokenState token, BoundaryEvent boundary)
    {
        if (boundary.CancelActivity)
        {
            CancelToken(token, removeToken: false);
            State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
            State.Jobs.RemoveAll(j => j.TokenId == token.Id);
            token.NodeId = boundary.Id;
            token.ArrivedVia = null;
            Journal("ActivityCancelled", boundary.AttachedToId, new JsonObject { ["by"] = boundary.Id });
            Begin(token, boundary);
            Leave(token, boundary);
            return;
        }

        var branch = NewToken(token.ScopeId, boundary.Id);
        Begin(branch, boundary);
        Leave(branch, boundary);
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

    /// <summary>Looks for a catching boundary event from the token outward; fires it when found.</summary>
    public bool TryCatchError(TokenState token, string errorCode, string message)
    {
        var current = token;
        while (true)
        {
            if (!current.IsIteration && Process.Node(current.NodeId) is Activity activity)
            {
                var boundary = FindErrorBoundary(activity, errorCode);
                if (boundary is not null)
                {
                    Journal("ErrorCaught", boundary.Id, new JsonObject { ["errorCode"] = errorCode, ["message"] = message });
                    SetVariable(current.ScopeId, "errorCode", errorCode);
                    FireBoundaryEvent(current, boundary);
                    return true;
                }
            }

            var scope = State.Scope(current.ScopeId);
            if (scope.OwnerTokenId is not { } owner)
            {
                return false;
            }

            current = State.FindToken(owner)!;
        }
    }

    private BoundaryEvent? FindErrorBoundary(Activity activity, string errorCode)
    {
        BoundaryEvent? catchAll = null;
        foreach (var id in activity.BoundaryEvents)
        {
            if (Process.Node(id) is BoundaryEvent { Trigger: EventTrigger.Error } boundary)
            {
                if (boundary.ErrorCode == errorCode)
                {
                    return boundary;
                }

                if (boundary.ErrorCode is null)
                {
                    catchAll ??= boundary;
                }
            }
        }

        return catchAll;
    }

    internal static JsonNode? Json(object? value) => ExpressionValues.ToJson(value);
}
