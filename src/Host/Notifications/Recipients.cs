using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Notifications;

/// <summary>Who holds a candidate group (a role, or dept:&lt;id&gt;) with a jurisdiction covering a place.</summary>
public static class Recipients
{
    public static async Task<List<string>> OfGroupAsync(HostDbContext db, string candidateGroup, string? jurisdiction, CancellationToken cancellationToken)
    {
        List<(string Id, string Name)> users;
        if (candidateGroup.StartsWith("dept:", StringComparison.Ordinal))
        {
            var department = candidateGroup["dept:".Length..];
            users = [.. (await db.Users.AsNoTracking().Where(u => u.DepartmentId == department)
                .Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.UserName!))];
        }
        else
        {
            users = [.. (await (from u in db.Users.AsNoTracking()
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where r.Name == candidateGroup
                                select new { u.Id, u.UserName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.UserName!))];
        }

        if (users.Count == 0)
        {
            return [];
        }

        var ids = users.Select(u => u.Id).ToList();
        var held = await db.UserJurisdictions.AsNoTracking().Where(j => ids.Contains(j.UserId)).ToListAsync(cancellationToken);
        var byUser = held.ToLookup(j => j.UserId, j => j.Path);
        return [.. users.Where(u => jurisdiction is null || Jurisdiction.CoversAny(byUser[u.Id], jurisdiction)).Select(u => u.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>The user of that name, if the account exists and its jurisdiction covers the place.</summary>
    public static async Task<List<string>> OfUserAsync(HostDbContext db, string username, string? jurisdiction, CancellationToken cancellationToken)
    {
        var id = await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return [];
        }

        var held = await db.UserJurisdictions.AsNoTracking().Where(j => j.UserId == id).Select(j => j.Path).ToListAsync(cancellationToken);
        return jurisdiction is null || Jurisdiction.CoversAny(held, jurisdiction) ? [username] : [];
    }
}
