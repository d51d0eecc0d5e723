using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// What the task page offers to choose from, so that an official picks instead of typing:
/// GET /api/tasks/{id}/return-targets (the earlier steps 退回 can go back to, the step done last first) and
/// GET /api/tasks/{id}/delegates?q= (the colleagues 转办 accepts: candidates of the task by name, role or
/// department whose jurisdiction covers the task's).
/// </summary>
public static class TaskChoices
{
    public const int MaxDelegates = 50;

    public sealed record ReturnTargetView(string ActivityId, string? Name);

    public sealed record DelegateView(string Username, string DisplayName);

    public static async Task<Results<Ok<List<ReturnTargetView>>, ProblemHttpResult>> ReturnTargets(
        Guid id, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (await TaskLookup.InAudienceAsync(storage, user, id, cancellationToken) is null)
        {
            return Problem.NotFound(context);
        }

        var targets = await engine.GetReturnTargetsAsync(id, cancellationToken);
        return targets is null
            ? Problem.NotFound(context)
            : TypedResults.Ok(targets.Select(t => new ReturnTargetView(t.ActivityId, t.Name)).ToList());
    }

    public static async Task<Results<Ok<List<DelegateView>>, ProblemHttpResult>> Delegates(
        Guid id, string? q, HttpContext context, WorkflowStorage storage, HostDbContext db, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var task = await TaskLookup.InAudienceAsync(storage, user, id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in Split(task.CandidateGroups))
        {
            names.UnionWith(await Recipients.OfGroupAsync(db, group, task.Jurisdiction, cancellationToken));
        }

        foreach (var candidate in Split(task.CandidateUsers))
        {
            names.UnionWith(await Recipients.OfUserAsync(db, candidate, task.Jurisdiction, cancellationToken));
        }

        names.Remove(user.Username);
        var filter = q?.Trim() ?? "";
        var list = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!))
            .Select(u => new DelegateView(u.UserName!, u.DisplayName))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list
            .Where(u => filter.Length == 0
                || u.Username.Contains(filter, StringComparison.OrdinalIgnoreCase)
                || u.DisplayName.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Username, StringComparer.Ordinal)
            .Take(MaxDelegates)
            .ToList());
    }

    internal static HashSet<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
