using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>
/// GET /api/definitions/{key}/statistics?version=: per step of a procedure, over the instances the caller may
/// see — how many cases wait there now (open user tasks, external tasks, message waits), how many times it was
/// completed (the journal), and its open incidents. The monitor overlays these numbers on the diagram.
/// Supervisors only; 404 when no version of the key exists.
/// </summary>
public static class ActivityStatistics
{
    public sealed record ActivityCount(string ActivityId, int Active, int Completed, int Incidents);

    public static async Task<Results<Ok<List<ActivityCount>>, ProblemHttpResult>> Handle(
        string key, HttpContext context, WorkflowStorage storage, CancellationToken cancellationToken, int? version = null)
    {
        await using var db = storage.CreateContext();
        if (!await db.Definitions.AsNoTracking().AnyAsync(d => d.Key == key && (version == null || d.Version == version), cancellationToken))
        {
            return Problem.NotFound(context);
        }

        var instances = db.Instances.AsNoTracking().VisibleTo(CurrentUser.From(context)).Where(i => i.DefinitionKey == key);
        if (version is { } wanted)
        {
            instances = instances.Where(i => i.DefinitionVersion == wanted);
        }

        var ids = instances.Select(i => i.Id);
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId))
            .GroupBy(t => t.ActivityId).Select(g => new { ActivityId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var external = await db.ExternalTasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId))
            .GroupBy(t => t.ActivityId).Select(g => new { ActivityId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var waits = await db.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.InstanceId))
            .GroupBy(s => s.ActivityId).Select(g => new { ActivityId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var completed = await db.Journal.AsNoTracking().Where(j => (j.Type == "ActivityCompleted" || j.Type == "TaskCompleted") && j.ActivityId != null && ids.Contains(j.InstanceId))
            .GroupBy(j => j.ActivityId!).Select(g => new { ActivityId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.InstanceId))
            .GroupBy(i => i.ActivityId).Select(g => new { ActivityId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var counts = new Dictionary<string, (int Active, int Completed, int Incidents)>(StringComparer.Ordinal);
        void Add(string activityId, int active = 0, int done = 0, int failed = 0)
        {
            var (a, c, i) = counts.GetValueOrDefault(activityId);
            counts[activityId] = (a + active, c + done, i + failed);
        }

        foreach (var row in tasks.Concat(external).Concat(waits))
        {
            Add(row.ActivityId, active: row.Count);
        }

        foreach (var row in completed)
        {
            Add(row.ActivityId, done: row.Count);
        }

        foreach (var row in incidents)
        {
            Add(row.ActivityId, failed: row.Count);
        }

        return TypedResults.Ok(counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ActivityCount(c.Key, c.Value.Active, c.Value.Completed, c.Value.Incidents)).ToList());
    }
}
