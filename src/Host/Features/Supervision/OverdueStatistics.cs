using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Reference;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Supervision;

/// <summary>
/// GET /api/supervision/overdue: the 督办看板 — open user tasks, overdue and due within a day, per area one level
/// below the caller's reach (the city's streets for the city and administrators, a street's communities for its
/// street office) and per department or role the tasks are offered to (<c>dept:&lt;id&gt;</c> groups named from the
/// registry). Supervisors only, and only tasks within their jurisdictions, whoever holds them.
/// </summary>
public static class OverdueStatistics
{
    public static readonly TimeSpan SoonWindow = TimeSpan.FromHours(24);

    /// <summary>Tasks that name no candidate group (assigned to a person, e.g. an owner's review).</summary>
    public const string PersonalGroup = "";

    public sealed record AreaRow(string Path, int Open, int Overdue, int DueSoon);

    public sealed record GroupRow(string Group, string? Name, int Open, int Overdue, int DueSoon);

    public sealed record Response(IReadOnlyList<AreaRow> ByArea, IReadOnlyList<GroupRow> ByGroup);

    public static async Task<Ok<Response>> Handle(
        HttpContext context, WorkflowStorage storage, HostDbContext hostDb, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var now = time.GetUtcNow().UtcDateTime;
        var soon = now + SoonWindow;
        await using var db = storage.CreateContext();
        var tasks = db.Tasks.AsNoTracking();
        if (!user.IsAdmin)
        {
            tasks = tasks.Within(t => t.Jurisdiction, user.Jurisdictions);
        }

        var groups = await tasks
            .GroupBy(t => new { t.Jurisdiction, t.CandidateGroups })
            .Select(g => new
            {
                g.Key.Jurisdiction,
                g.Key.CandidateGroups,
                Open = g.Count(),
                Overdue = g.Count(t => t.DueAt != null && t.DueAt < now),
                DueSoon = g.Count(t => t.DueAt != null && t.DueAt >= now && t.DueAt < soon),
            })
            .ToListAsync(cancellationToken);

        var depth = user.IsAdmin || user.Jurisdictions.Count == 0 ? 2 : user.Jurisdictions.Min(Depth) + 1;
        var byArea = groups
            .GroupBy(g => AreaOf(g.Jurisdiction, depth), StringComparer.Ordinal)
            .Select(a => new AreaRow(a.Key, a.Sum(g => g.Open), a.Sum(g => g.Overdue), a.Sum(g => g.DueSoon)))
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.Path, StringComparer.Ordinal)
            .ToList();

        var departments = await hostDb.Departments.AsNoTracking().ToDictionaryAsync(d => Department.GroupOf(d.Id), d => d.Name, cancellationToken);
        var byGroup = groups
            .SelectMany(g => Split(g.CandidateGroups).Select(group => (Group: group, g.Open, g.Overdue, g.DueSoon)))
            .GroupBy(g => g.Group, StringComparer.Ordinal)
            .Select(x => new GroupRow(x.Key, departments.GetValueOrDefault(x.Key), x.Sum(g => g.Open), x.Sum(g => g.Overdue), x.Sum(g => g.DueSoon)))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new Response(byArea, byGroup));
    }

    private static int Depth(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The path cut to <paramref name="depth"/> segments (a task at a shallower node stays where it is).</summary>
    public static string AreaOf(string? path, int depth)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', segments.Take(depth));
    }

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [PersonalGroup] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
