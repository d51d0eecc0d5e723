using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/unclaim: gives a claimed task back to its candidates. Only its holder or an
/// administrator may; unclaiming an unclaimed task changes nothing (204).
/// </summary>
public static class UnclaimTask
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

        if (task.Assignee is null)
        {
            return TypedResults.NoContent();
        }

        if (TaskLookup.HeldByOther(task, user) && !user.IsAdmin)
        {
            return Problem.Forbidden(context);
        }

        try
        {
            await engine.UnclaimTaskAsync(id, user.Username, cancellationToken);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}
