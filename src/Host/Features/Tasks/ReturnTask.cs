using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/return: 退回 — sends the case back to an earlier step (the given one, or the step done
/// last), with a reason the engine journals under the caller's name.
/// </summary>
public static class ReturnTask
{
    public const int MaxReasonLength = 500;

    public sealed record Request(string? ToActivityId, string? Reason);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var task = await TaskLookup.InAudienceAsync(storage, user, id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        if (TaskLookup.HeldByOther(task, user))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "task.claimedByOther", task.Assignee);
        }

        var errors = new FieldErrors();
        var reason = errors.RequireText("reason", request.Reason, MaxReasonLength);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        try
        {
            var target = string.IsNullOrWhiteSpace(request.ToActivityId) ? null : request.ToActivityId.Trim();
            await engine.ReturnTaskAsync(id, target, reason!, user.Username, cancellationToken);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}
