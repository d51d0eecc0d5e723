using Anju.Host.Calendars;
using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>GET /api/tasks/{id}: one task with its form (defaults filled in), the case's variables, and its 退回 mark when a return created it.</summary>
public static class GetTask
{
    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Handle(
        Guid id, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, CalendarStore calendar, HostDbContext db, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (await TaskLookup.VisibleAsync(storage, user, id, cancellationToken) is null
            || await engine.GetTaskDetailsAsync(id, cancellationToken) is not { } details)
        {
            return Problem.NotFound(context);
        }

        var returned = await ReturnMark.ForTaskAsync(storage, db, user, id, details.Instance.Id, details.Task.ActivityId, details.Definition, cancellationToken);
        return TypedResults.Ok(TaskView.FromDetails(details.Task, details.Definition, details.Instance, calendar.Current, returned));
    }
}
