using System.Text.Json;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Reference;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Seeding;

/// <summary>
/// The city, its 16 towns/streets and 2 zones and its departments (Reference/org.json); the registry feature adds the
/// violation categories. Idempotent: only what is missing is added, so administrators' edits survive a restart.
/// </summary>
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

        var departments = (await db.Departments.Select(d => d.Id).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var department in root.GetProperty("departments").EnumerateArray())
        {
            var id = department.GetProperty("id").GetString()!;
            if (departments.Add(id))
            {
                db.Departments.Add(new Department { Id = id, Name = department.GetProperty("name").GetString()!, ShortName = department.GetProperty("short").GetString()! });
            }
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
