using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// A start event the token is on (the instance's, or an embedded subprocess's): it passes at once. Message and timer
/// starts create the instance elsewhere (<c>WorkflowEngine</c>) and put the token here; the start form was checked then.
/// </summary>
internal static class StartEventBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, StartEvent start) => runner.Leave(token, start);
}
