using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Jobs;

/// <summary>
/// GET /api/jobs?instanceId=: pending timers, retries and async continuations, soonest first. Supervisors see
/// the jobs of instances in their jurisdiction; timer start events (no instance yet) only administrators.
/// </summary>
public static class ListJobs
{
    public sealed record Item(Guid Id, string Type, string ActivityId, DateTimeOffset DueAt, int Retries, Guid? InstanceId, string DefinitionId, string? LastError);

    public static async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> Handle(
        HttpContext context, WorkflowStorage storage, CancellationToken cancellationToken, Guid? instanceId = null)
    {
        var user = CurrentUser.From(context);
        if (instanceId is { } id && !await InstanceAccess.CanSeeAsync(storage, user, id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        await using var db = storage.CreateContext();
        var jobs = db.Jobs.AsNoTracking();
        if (instanceId is not null)
        {
            jobs = jobs.Where(j => j.InstanceId == instanceId);
        }
        else if (!user.IsAdmin)
        {
            var visible = db.Instances.AsNoTracking().VisibleTo(user).Select(i => (Guid?)i.Id);
            jobs = jobs.Where(j => visible.Contains(j.InstanceId));
        }

        var rows = await jobs.OrderBy(j => j.DueAt).Take(500).ToListAsync(cancellationToken);
        IReadOnlyList<Item> items = [.. rows.Select(j => new Item(
            j.Id, j.Kind.ToLowerInvariant(), j.ActivityId, new DateTimeOffset(DateTime.SpecifyKind(j.DueAt, DateTimeKind.Utc)), j.Retries, j.InstanceId, j.DefinitionId, j.LastError))];
        return TypedResults.Ok(items);
    }
}
