using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Users;

/// <summary>A user as administrators see it: who, which roles, which jurisdictions, whether locked out.</summary>
public sealed record UserView(string Username, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Jurisdictions, bool LockedOut, string? DepartmentId = null)
{
    /// <summary>The views of <paramref name="users"/>, in their order, with roles and jurisdictions in two more queries.</summary>
    public static async Task<IReadOnlyList<UserView>> LoadAsync(HostDbContext db, IReadOnlyList<AnjuUser> users, DateTimeOffset now)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var jurisdictions = await db.UserJurisdictions.AsNoTracking().Where(j => ids.Contains(j.UserId)).ToListAsync();
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name!);
        var pathsOf = jurisdictions.ToLookup(j => j.UserId, j => j.Path);
        return
        [
            .. users.Select(u => new UserView(
                u.UserName!,
                u.DisplayName,
                [.. rolesOf[u.Id].Order(StringComparer.Ordinal)],
                [.. pathsOf[u.Id].Order(StringComparer.Ordinal)],
                u.LockoutEnd is { } end && end > now,
                u.DepartmentId)),
        ];
    }

    public static async Task<UserView> LoadAsync(HostDbContext db, AnjuUser user, DateTimeOffset now) =>
        (await LoadAsync(db, [user], now))[0];
}
