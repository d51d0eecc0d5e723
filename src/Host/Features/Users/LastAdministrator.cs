using Anju.Host.Identity;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Users;

/// <summary>
/// Anju must keep one administrator: nobody else can create accounts or deploy procedures, and the built-in
/// admin is only created when the database is new.
/// </summary>
public static class LastAdministrator
{
    /// <summary>Whether <paramref name="userId"/> is an administrator and no other account is.</summary>
    public static async Task<bool> IsAsync(HostDbContext db, string userId)
    {
        var admins = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Take(2)
            .ToListAsync();
        return admins.Count == 1 && admins[0] == userId;
    }
}
