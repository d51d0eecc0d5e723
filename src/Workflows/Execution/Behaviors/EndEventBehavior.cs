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
                if (end.AsyncAfter && !token.AsyncAfterDone)
                {
                    // Camunda 7 cancels the rest of the scope as a terminate end event starts (it is a cancel-scope
                    // activity) and ends the scope as the event ends, which asyncAfter defers (PvmAtomicOperationActivityEnd).
                    CancelTheRest(runner, token);
                    runner.AddAsyncJob(token, end, after: true);
                    break;
                }

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
                    // The path goes on (nothing caught it, or a non-interrupting catch did): it ends, after a job with asyncAfter.
                    EndOrDefer(runner, token, end);
                }

                break;
            default:
                runner.MarkCompleted(end.Id);
                if (end is { Trigger: EventTrigger.Signal, SignalName: { } signal })
                {
                    runner.ThrowSignal(token, signal);
                }

                EndOrDefer(runner, token, end);
                break;
        }
    }

    /// <summary>The path ends, or with asyncAfter it ends (and its scope completes) in a job of its own transaction.</summary>
    private static void EndOrDefer(InstanceRunner runner, TokenState token, EndEvent end)
    {
        if (end.AsyncAfter && !token.AsyncAfterDone)
        {
            runner.AddAsyncJob(token, end, after: true);
            return;
        }

        runner.EndToken(token);
    }

    /// <summary>The asyncAfter job of an end event ran: the path ends; after a terminate end event, its scope.</summary>
    internal static void EndAfterJob(InstanceRunner runner, TokenState token, EndEvent end)
    {
        if (end.Trigger == EventTrigger.Terminate)
        {
            Terminate(runner, token);
            return;
        }

        runner.EndToken(token);
    }

    /// <summary>A terminate end event ends every token of its scope; at process level, the instance.</summary>
    internal static void Terminate(InstanceRunner runner, TokenState token)
    {
        CancelTheRest(runner, token);
        if (runner.State.Scope(token.ScopeId).Kind == ScopeKind.Process)
        {
            runner.CompleteInstance(token.NodeId, new JsonObject { ["terminated"] = true });
            return;
        }

        runner.EndToken(token);
    }

    /// <summary>
    /// Cancels every other token of the terminating token's scope and every scope inside it, with their listeners
    /// (Camunda 7 cancels the scope's executions without skipping custom listeners).
    /// </summary>
    private static void CancelTheRest(InstanceRunner runner, TokenState token)
    {
        foreach (var other in runner.State.Tokens.Where(t => t.ScopeId == token.ScopeId && t.Id != token.Id).ToList())
        {
            runner.CancelToken(other);
        }

        foreach (var child in runner.State.Scopes.Where(s => s.ParentId == token.ScopeId).ToList())
        {
            runner.CancelScope(child);
        }
    }
}
