using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An embedded subprocess: a scope of its own whose start event gets a token; the subprocess ends with its scope.
/// </summary>
internal static class SubProcessBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, SubProcess subProcess)
    {
        token.Phase = TokenPhase.Waiting;
        var scope = runner.NewScope(ScopeKind.SubProcess, runner.VariableScopeOf(token), token, subProcess.Id);
        runner.ArmEventSubProcesses(scope, subProcess.Id);
        runner.Schedule(runner.NewToken(scope.Id, subProcess.StartEventId));
    }
}
