using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An end event: none ends the path (its scope completes with its last token), terminate ends its whole scope, error
/// throws its code, escalation escalates and ends the path, signal broadcasts its signal and ends the path.
/// </summary>
internal static class EndEventBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, EndEvent end)
    {
        if (!token.AsyncAfterDone)
        {
            runner.End(token, end);
        }

        switch (end.Trigger)
        {
            case EventTrigger.Terminate:
                runner.MarkCompleted(end.Id);
                Terminate(runner, token);
                break;
            case EventTrigger.Error:
                runner.MarkCompleted(end.Id);
                runner.ThrowBpmnError(token, end.ErrorCode ?? "", $"Error end event '{end.Id}'");
                break;
            case EventTrigger.Escalation:
                runner.MarkCompleted(end.Id);
                if (runner.ThrowEscalation(token, end.EscalationCode, end.Id))
                {
                    runner.EndToken(token);
                }

                break;
            default:
                runner.MarkCompleted(end.Id);
                if (end is { Trigger: EventTrigger.Signal, SignalName: { } signal })
                {
                    runner.ThrowSignal(token, signal);
                }

                if (end.AsyncAfter && !token.AsyncAfterDone)
                {
                    // The path ends (and its scope completes) in a job of its own transaction.
                    runner.AddAsyncJob(token, end, after: true);
                    break;
                }

                runner.EndToken(token);
                break;
        }
    }

    /// <summary>A terminate end event ends every token of its scope; at process level, the instance.</summary>
    internal static void Terminate(InstanceRunner runner, TokenState token)
    {
        // Everything else in the scope is cancelled, with its listeners (Camunda 7 cancels the scope's executions
        // without skipping custom listeners); at process level the instance then completes.
        var scope = runner.State.Scope(token.ScopeId);
        foreach (var other in runner.State.Tokens.Where(t => t.ScopeId == scope.Id && t.Id != token.Id).ToList())
        {
            runner.CancelToken(other);
        }

        foreach (var child in runner.State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
        {
            runner.CancelScope(child);
        }

        if (scope.Kind == ScopeKind.Process)
        {
            runner.CompleteInstance(token.NodeId, new JsonObject { ["terminated"] = true });
            return;
        }

        runner.EndToken(token);
    }
}
