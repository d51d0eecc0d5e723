using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>Link events: a throw continues at the catch of the same name in its scope.</summary>
internal sealed partial class InstanceRunner
{
    /// <summary>
    /// A link throw event: it completes, and the token continues at the link catch event of the same name in the same
    /// scope, which it passes at once (BPMN 2.0 §10.5.6 "Link"; Camunda 7 reference, "Link Events"). The deployment
    /// checked that the catch exists.
    /// </summary>
    private void FollowLink(TokenState token, IntermediateThrowEvent throwEvent, string link)
    {
        var target = Process.Nodes.Values.OfType<IntermediateCatchEvent>()
            .First(c => c.Trigger == EventTrigger.Link && c.LinkName == link && c.ParentId == throwEvent.ParentId);
        MarkCompleted(throwEvent.Id);
        token.NodeId = target.Id;
        token.AsyncBeforeDone = false;
        Schedule(token);
    }
}
