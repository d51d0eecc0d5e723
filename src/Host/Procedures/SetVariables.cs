using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>setVariables</c>: every extension property of the task becomes a variable of the same name, its value
/// evaluated now (<c>${now()}</c>, <c>${returns + 1}</c>, <c>${urgent ? hours(24) : workingDays(3)}</c>). The
/// engine has no script tasks; this is how a procedure records timestamps, counters and outcomes in BPMN.
/// </summary>
public sealed class SetVariables : IServiceTaskHandler
{
    public const string Name = "setVariables";

    public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        // Evaluate all first, then write, so that properties read the variables as they were before the task.
        var values = context.PropertyNames.Distinct(StringComparer.Ordinal).Select(name => (name, value: context.GetProperty(name))).ToList();
        foreach (var (name, value) in values)
        {
            context.SetVariable(name, value);
        }

        return ValueTask.CompletedTask;
    }
}
