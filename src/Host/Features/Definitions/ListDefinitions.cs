using Anju.Host.Features.Instances;
using Anju.Host.Identity;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>
/// GET /api/definitions: one row per key, named by its latest version, with whether the caller may start that version
/// through the API (<see cref="StartAuthorization"/>; false when it starts only by timer or message).
/// <c>?startable=true</c> lists only those the caller may start.
/// </summary>
public static class ListDefinitions
{
    public sealed record Item(string Key, string? Name, int LatestVersion, bool CanStart);

    public static async Task<IReadOnlyList<Item>> Handle(HttpContext context, WorkflowStorage storage, WorkflowEngine engine, bool? startable, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        await using var db = storage.CreateContext();
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.Id, d.Key, d.Version, d.Name })
            .ToListAsync(cancellationToken);
        var items = new List<Item>();
        foreach (var latest in rows.GroupBy(d => d.Key, StringComparer.Ordinal).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var process = (await engine.Definitions.GetAsync(latest.Id, cancellationToken)).Process;
            var canStart = process.NoneStartEvent is not null && StartAuthorization.MayStart(user, process);
            if (startable != true || canStart)
            {
                items.Add(new Item(latest.Key, latest.Name, latest.Version, canStart));
            }
        }

        return items;
    }
}
