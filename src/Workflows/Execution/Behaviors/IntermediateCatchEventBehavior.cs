using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An intermediate catch event: a link catch passes at once (its throw sent the token here); a message, signal or timer
/// catch waits, and the message's delivery, the signal's broadcast or the timer's job leaves it.
/// </summary>
internal static class IntermediateCatchEventBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, IntermediateCatchEvent catchEvent)
    {
        if (catchEvent.Trigger == EventTrigger.Link)
        {
            runner.Leave(token, catchEvent);
            return;
        }

        Wait(runner, token, catchEvent);
    }

    internal static void Wait(InstanceRunner runner, TokenState token, IntermediateCatchEvent catchEvent)
    {
        token.Phase = TokenPhase.Waiting;
        if (catchEvent.Trigger == EventTrigger.Message)
        {
            runner.Subscribe(token, catchEvent.Id, catchEvent.MessageName!);
        }
        else if (catchEvent.Trigger == EventTrigger.Conditional)
        {
            // A condition that already holds lets the token pass at once; otherwise it waits for a variable change.
            if (runner.ConditionHolds(runner.VariableScopeOf(token), catchEvent.Conditional!))
            {
                runner.Leave(token, catchEvent);
            }
        }
        else if (catchEvent.Trigger == EventTrigger.Signal)
        {
            runner.Subscribe(token, catchEvent.Id, runner.SignalWait(token, catchEvent.Id, catchEvent.SignalName!));
        }
        else
        {
            runner.AddTimer(token, catchEvent.Id, catchEvent.Timer!);
        }
    }
}
