using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>A task or manual task: the engine does nothing there, so the token passes straight through (BPMN 2.0 §10.3.3).</summary>
internal static class PassThroughTaskBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, PassThroughTask task) => runner.Leave(token, task);
}
