using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An event-based gateway: waits for every event after it; the first to occur takes the token.
/// </summary>
internal static class EventBasedGatewayBehavior
{
    /// <summary>Subscribes to every event after the gateway; the first to occur takes the token.</summary>
    internal static void Execute(InstanceRunner runner, TokenState token, EventBasedGateway gateway)
    {
        token.Phase = TokenPhase.Waiting;
        foreach (var flowId in gateway.Outgoing)
        {
            var target = runner.Process.Node(runner.Process.Flow(flowId).TargetId);
            switch (target)
            {
                case IntermediateCatchEvent { Trigger: EventTrigger.Message, MessageName: { } message }:
                    runner.Subscribe(token, target.Id, message);
                    break;
                case ReceiveTask receive:
                    runner.Subscribe(token, receive.Id, receive.MessageName);
                    break;
                case IntermediateCatchEvent { Trigger: EventTrigger.Signal, SignalName: { } signal }:
                    runner.Subscribe(token, target.Id, runner.SignalWait(token, target.Id, signal));
                    break;
                case IntermediateCatchEvent { Trigger: EventTrigger.Timer, Timer: { } timer }:
                    runner.AddTimer(token, target.Id, timer);
                    break;
            }
        }
    }

    /// <summary>The event after an event-based gateway occurred: the other events are withdrawn.</summary>
    internal static void Take(InstanceRunner runner, TokenState token, FlowNode occurred)
    {
        runner.State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
        runner.State.Jobs.RemoveAll(j => j.TokenId == token.Id);
        runner.End(token, runner.Process.Node(token.NodeId));
        runner.MarkCompleted(token.NodeId);
        token.ArrivedVia = occurred.Incoming.FirstOrDefault();
        if (token.ArrivedVia is { } flowId)
        {
            runner.Take(token, runner.Process.Flow(flowId));
        }

        token.NodeId = occurred.Id;
        runner.Journal("ActivityStarted", occurred.Id);
        runner.Begin(token, occurred);
        runner.Leave(token, occurred);
    }
}
