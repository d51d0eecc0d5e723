using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Seeding;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>
/// GET /api/definitions: one row per key, named by its latest version, with whether the caller may start that version
/// through the API (<see cref="StartAuthorization"/>; false when it starts only by timer or message).
/// <c>?startable=true</c> lists only those the caller may start. For administrators, <c>fileUpdate</c> tells that the
/// definitions file has newer content than the person's version kept at start-up (<see cref="FileUpdates"/>).
/// </summary>
public static class ListDefinitions
{
    public sealed record Item(string Key, string? Name, int LatestVersion, bool CanStart, bool FileUpdate);

    public static async Task<IReadOnlyList<Item>> Handle(
        HttpContext context, WorkflowStorage storage, WorkflowEngine engine, HostDbContext hostDb, DefinitionFiles files, bool? startable, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        await using var db = storage.CreateContext();
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.Id, d.Key, d.Version, d.Name, d.Source, d.ContentHash })
            .ToListAsync(cancellationToken);
        var keys = rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        var ignored = user.IsAdmin ? await FileUpdates.IgnoredAsync(hostDb, keys, cancellationToken) : null;
        var items = new List<Item>();
        foreach (var versions in rows.GroupBy(d => d.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = versions.MaxBy(d => d.Version)!;
            var process = (await engine.Definitions.GetAsync(latest.Id, cancellationToken)).Process;
            var canStart = process.NoneStartEvent is not null && StartAuthorization.MayStart(user, process);
            var fileUpdate = ignored is not null && FileUpdates.Pending(files, versions.Key,
                [.. versions.OrderByDescending(v => v.Version).Select(v => new FileUpdates.VersionFacts(v.Version, v.Source, v.ContentHash))],
                [.. ignored[versions.Key]]) is not null;
            if (startable != true || canStart)
            {
                items.Add(new Item(latest.Key, latest.Name, latest.Version, canStart, fileUpdate));
            }
        }

        return items;
    }
}
