using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>A receive task waits for its message; the message's delivery (<c>DeliverMessage</c>) leaves it.</summary>
internal static class ReceiveTaskBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, ReceiveTask receive)
    {
        runner.Subscribe(token, receive.Id, receive.MessageName);
        token.Phase = TokenPhase.Waiting;
    }
}
