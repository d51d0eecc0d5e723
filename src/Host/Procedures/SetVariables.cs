using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>setVariables</c>: sets one variable per extension property of the task, to the property's value evaluated
/// now (a literal or an expression). The BPMN stand-in for a script task: a deadline fixed when a case is
/// registered (<c>feedbackDue = ${workingDays(5)}</c>), an amount derived from a ratio written in the model
/// (<c>prepayment = ${approvedBudget * prepaymentRatio}</c>), a flag.
/// </summary>
public sealed class SetVariables : IServiceTaskHandler
{
    public const string Name = "setVariables";

    public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        foreach (var name in context.PropertyNames)
        {
            context.SetVariable(name, context.GetProperty(name));
        }

        return ValueTask.CompletedTask;
    }
}
