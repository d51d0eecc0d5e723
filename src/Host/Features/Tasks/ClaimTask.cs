using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>POST /api/tasks/{id}/claim: the caller takes the task (认领); a task someone else holds is 409.</summary>
public static class ClaimTask
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, CancellationToken cancellationToken)
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

        try
        {
            await engine.ClaimTaskAsync(id, user.Username, cancellationToken);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}
