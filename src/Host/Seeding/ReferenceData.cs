using System.Text.Json;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Seeding;

/// <summary>The city and its 16 towns/streets and 2 zones, from Reference/org.json (idempotent).</summary>
public static class ReferenceData
{
    public static async Task LoadAsync(HostDbContext db, string orgFile)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(orgFile));
        var root = document.RootElement;
        var existing = (await db.JurisdictionNodes.Select(n => n.Path).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var city = root.GetProperty("city");
        Add(db, existing, new JurisdictionNode { Path = Jurisdiction.City, Id = city.GetProperty("id").GetString()!, Name = city.GetProperty("name").GetString()!, Kind = "city" });
        foreach (var town in root.GetProperty("towns").EnumerateArray())
        {
            var id = town.GetProperty("id").GetString()!;
            Add(db, existing, new JurisdictionNode
            {
                Path = $"{Jurisdiction.City}/{id}",
                Id = id,
                Name = town.GetProperty("name").GetString()!,
                Kind = town.GetProperty("kind").GetString()!,
                ParentPath = Jurisdiction.City,
            });
        }

        await db.SaveChangesAsync();
    }

    internal static void Add(HostDbContext db, HashSet<string> existing, JurisdictionNode node)
    {
        if (existing.Add(node.Path))
        {
            db.JurisdictionNodes.Add(node);
        }
    }
}
