using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>GET /api/definitions: one row per key, named by its latest version.</summary>
public static class ListDefinitions
{
    public sealed record Item(string Key, string? Name, int LatestVersion);

    public static async Task<IReadOnlyList<Item>> Handle(WorkflowStorage storage, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.Key, d.Version, d.Name })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new Item(d.Key, d.Name, d.Version))];
    }
}
