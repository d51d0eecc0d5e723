using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Notices;

/// <summary>Who holds a candidate group (a role, or dept:&lt;id&gt;) with a jurisdiction covering a place.</summary>
public static class Recipients
{
    public static async Task<List<string>> OfGroupAsync(HostDbContext db, string candidateGroup, string? jurisdiction, CancellationToken cancellationToken)
    {
        // One query that joins the holders to their jurisdictions: no list of user ids as parameters, which a
        // role held by thousands of accounts (owners) would turn into thousands of SQL variables.
        IQueryable<AnjuUser> holders;
        if (candidateGroup.StartsWith("dept:", StringComparison.Ordinal))
        {
            var department = candidateGroup["dept:".Length..];
            holders = db.Users.AsNoTracking().Where(u => u.DepartmentId == department);
        }
        else
        {
            holders = from u in db.Users.AsNoTracking()
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == candidateGroup
                      select u;
        }

        var held = await (from u in holders
                          join j in db.UserJurisdictions.AsNoTracking() on u.Id equals j.UserId into paths
                          from j in paths.DefaultIfEmpty()
                          select new { u.UserName, Path = (string?)j.Path }).ToListAsync(cancellationToken);
        return [.. held.GroupBy(h => h.UserName!, StringComparer.Ordinal)
            .Where(user => jurisdiction is null || Jurisdiction.CoversAny(user.Where(h => h.Path is not null).Select(h => h.Path!), jurisdiction))
            .Select(user => user.Key)
            .Order(StringComparer.Ordinal)];
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
