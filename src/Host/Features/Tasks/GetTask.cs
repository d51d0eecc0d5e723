using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>GET /api/tasks/{id}: one task with its form (defaults filled in) and the case's variables.</summary>
public static class GetTask
{
    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Handle(
        Guid id, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, Calendar.CalendarStore calendar, CancellationToken cancellationToken)
    {
        if (await TaskLookup.VisibleAsync(storage, CurrentUser.From(context), id, cancellationToken) is null
            || await engine.GetTaskDetailsAsync(id, cancellationToken) is not { } details)
        {
            return Problem.NotFound(context);
        }

        return TypedResults.Ok(TaskView.FromDetails(details.Task, details.Definition, details.Instance, calendar.Current));
    }
}
