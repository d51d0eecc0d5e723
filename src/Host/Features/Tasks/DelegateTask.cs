using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Reference;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/delegate: 转办 — hands the task to a colleague who could have taken it anyway: an
/// existing user who is a candidate (by name or by role) and whose jurisdiction covers the task's.
/// </summary>
public static class DelegateTask
{
    public const int MaxReasonLength = 500;

    public sealed record Request(string? Username, string? Reason);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext context, WorkflowStorage storage, WorkflowEngine engine,
        UserManager<AnjuUser> users, HostDbContext db, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var task = await TaskLookup.InAudienceAsync(storage, user, id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        if (TaskLookup.HeldByOther(task, user) && !user.IsAdmin)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "task.claimedByOther", task.Assignee);
        }

        var errors = new FieldErrors();
        var username = errors.RequireText("username", request.Username, 256);
        var reason = errors.RequireText("reason", request.Reason, MaxReasonLength);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        if (username == user.Username)
        {
            errors.Add("username", "task.delegateToSelf");
            return errors.ToProblem(context);
        }

        var target = await users.FindByNameAsync(username!);
        if (target is null)
        {
            errors.Add("username", "task.delegateUnknownUser", username);
            return errors.ToProblem(context);
        }

        var roles = await users.GetRolesAsync(target);
        var groups = target.DepartmentId is { } department ? [.. roles, Department.GroupOf(department)] : roles.ToList();
        var candidateUsers = TaskChoices.Split(task.CandidateUsers);
        var candidateGroups = TaskChoices.Split(task.CandidateGroups);
        if (!candidateUsers.Contains(target.UserName!) && !groups.Any(candidateGroups.Contains))
        {
            errors.Add("username", "task.delegateNotCandidate", username);
            return errors.ToProblem(context);
        }

        var reach = await db.UserJurisdictions.Where(j => j.UserId == target.Id).Select(j => j.Path).ToListAsync(cancellationToken);
        if (!roles.Contains(Roles.Admin) && !Jurisdiction.CoversAny(reach, task.Jurisdiction))
        {
            errors.Add("username", "task.delegateOutOfReach", username);
            return errors.ToProblem(context);
        }

        try
        {
            await engine.DelegateTaskAsync(id, target.UserName!, reason!, user.Username, cancellationToken);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}
