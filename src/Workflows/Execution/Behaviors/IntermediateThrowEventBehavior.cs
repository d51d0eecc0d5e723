using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An intermediate throw event: none is a milestone the token passes; a link throw continues at the catch of the same
/// name in its scope; an escalation throw escalates and, unless an interrupting boundary took the token, passes; a
/// signal throw broadcasts its signal (see <c>InstanceRunner.Signals.cs</c>) and passes.
/// </summary>
internal static class IntermediateThrowEventBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, IntermediateThrowEvent throwEvent)
    {
        if (throwEvent.LinkName is { } link)
        {
            FollowLink(runner, token, throwEvent, link);
        }
        else if (throwEvent is { Trigger: EventTrigger.Signal, SignalName: { } signal })
        {
            runner.ThrowSignal(token, signal);
            runner.Leave(token, throwEvent);
        }
        else if (throwEvent.Trigger != EventTrigger.Escalation || runner.ThrowEscalation(token, throwEvent.EscalationCode, throwEvent.Id))
        {
            runner.Leave(token, throwEvent);
        }
    }

    /// <summary>
    /// A link throw event: it completes, and the token continues at the link catch event of the same name in the same
    /// scope, which it passes at once (BPMN 2.0 §10.5.6 "Link"; Camunda 7 reference, "Link Events"). The deployment
    /// checked that the catch exists. With asyncAfter the token moves to the catch in a job: Camunda 7 joins a link
    /// throw to its catch by a transition it leaves by (BpmnParse), so the continuation after the throw is that move.
    /// </summary>
    internal static void FollowLink(InstanceRunner runner, TokenState token, IntermediateThrowEvent throwEvent, string link)
    {
        if (!token.AsyncAfterDone)
        {
            runner.End(token, throwEvent);
            if (throwEvent.AsyncAfter)
            {
                runner.AddAsyncJob(token, throwEvent, after: true);
                return;
            }
        }

        var target = runner.Process.Nodes.Values.OfType<IntermediateCatchEvent>()
            .First(c => c.Trigger == EventTrigger.Link && c.LinkName == link && c.ParentId == throwEvent.ParentId);
        runner.MarkCompleted(throwEvent.Id);
        token.NodeId = target.Id;
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;
        runner.Schedule(token);
    }
}
