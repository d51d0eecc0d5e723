using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// Boundary events: attached (subscribed, timed) while their activity runs, detached when it ends; an interrupting one
/// that occurs cancels the activity, a non-interrupting one starts its path beside it.
/// </summary>
internal static class BoundaryEventBehavior
{
    internal static void Attach(InstanceRunner runner, TokenState token, Activity activity)
    {
        foreach (var id in activity.BoundaryEvents)
        {
            var boundary = (BoundaryEvent)runner.Process.Node(id);
            if (boundary.Trigger == EventTrigger.Message)
            {
                runner.Subscribe(token, boundary.Id, boundary.MessageName!);
            }
            else if (boundary.Trigger == EventTrigger.Signal)
            {
                runner.Subscribe(token, boundary.Id, runner.SignalWait(token, boundary.Id, boundary.SignalName!));
            }
            else if (boundary.Trigger == EventTrigger.Timer)
            {
                runner.AddTimer(token, boundary.Id, boundary.Timer!);
            }
        }
    }

    internal static void Detach(InstanceRunner runner, TokenState token, Activity activity)
    {
        if (activity.BoundaryEvents.IsEmpty)
        {
            return;
        }

        runner.State.Subscriptions.RemoveAll(s => s.TokenId == token.Id && activity.BoundaryEvents.Contains(s.ActivityId));
        runner.State.Jobs.RemoveAll(j => j.TokenId == token.Id && activity.BoundaryEvents.Contains(j.ActivityId));
    }

    /// <summary>
    /// An interrupting boundary event cancels the activity and continues from the event; a non-interrupting
    /// one continues from the event with a new token while the activity goes on. Either happens at once, whatever the
    /// event's continuations: asyncBefore defers the event's own start, asyncAfter what follows it (Camunda 7 cancels
    /// the scope before it starts the boundary event, whose start is the asyncBefore point; its test AsyncAfterTest
    /// testAsyncBeforeBoundaryEvent / testAsyncAfterBoundaryEvent: after the trigger a job waits and the task is gone).
    /// </summary>
    internal static void Fire(InstanceRunner runner, TokenState token, BoundaryEvent boundary)
    {
        if (boundary.CancelActivity)
        {
            runner.CancelToken(token, removeToken: false);
            runner.State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
            runner.State.Jobs.RemoveAll(j => j.TokenId == token.Id);
            token.NodeId = boundary.Id;
            token.ArrivedVia = null;
            runner.Journal("ActivityCancelled", boundary.AttachedToId, new JsonObject { ["by"] = boundary.Id });
            Start(runner, token, boundary);
            return;
        }

        Start(runner, runner.NewToken(token.ScopeId, boundary.Id), boundary);
    }

    /// <summary>The token starts at the boundary event: at once, or in a job when the event has asyncBefore.</summary>
    private static void Start(InstanceRunner runner, TokenState token, BoundaryEvent boundary)
    {
        // The flags may still be set by the cancelled activity's own continuations.
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;
        if (boundary.AsyncBefore)
        {
            runner.AddAsyncJob(token, boundary, after: false);
            return;
        }

        runner.Begin(token, boundary);
        runner.Leave(token, boundary);
    }

    /// <summary>The asyncBefore job of a boundary event that occurred ran (the runner began it): the event passes.</summary>
    internal static void Execute(InstanceRunner runner, TokenState token, BoundaryEvent boundary) => runner.Leave(token, boundary);

    internal static BoundaryEvent? FindErrorBoundary(InstanceRunner runner, Activity activity, string errorCode)
    {
        BoundaryEvent? catchAll = null;
        foreach (var id in activity.BoundaryEvents)
        {
            if (runner.Process.Node(id) is BoundaryEvent { Trigger: EventTrigger.Error } boundary)
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
}
