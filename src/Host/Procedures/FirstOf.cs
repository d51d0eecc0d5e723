using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>firstOf</c>: sets the variable named by <c>variable</c> to the value of the first non-empty one of the variables named
/// in <c>from</c> (comma list, in order), or leaves it unset when none has a value. Expressions cannot do this
/// (an undefined variable is an error), and a procedure started by another one (enforcement referral from a
/// complaint) receives the person concerned under different names: <c>reporter</c>, <c>owner</c>, <c>initiator</c>.
/// </summary>
public sealed class FirstOf : IServiceTaskHandler
{
    public const string Name = "firstOf";

    public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var target = context.RequiredText("variable");
        foreach (var name in HandlerValues.List(context.GetProperty("from")))
        {
            if (context.GetVariable(name) is { } value && HandlerValues.AsText(value) is { Length: > 0 } text && text != "null")
            {
                context.SetVariable(target, value);
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
