using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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

    /// <summary>
    /// The account an administrator is about to disable (delete, lock), or the answer refusing it: 404 when there is no
    /// such user, 409 for the caller's own account (<paramref name="selfCode"/>) and for the last administrator.
    /// </summary>
    public static async Task<(AnjuUser? User, ProblemHttpResult? Refusal)> FindDisablableAsync(
        HttpContext context, UserManager<AnjuUser> users, HostDbContext db, string username, string selfCode)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            return (null, Problem.NotFound(context));
        }

        if (string.Equals(user.UserName, CurrentUser.From(context).Username, StringComparison.Ordinal))
        {
            return (null, Problem.Of(context, StatusCodes.Status409Conflict, selfCode));
        }

        return await IsAsync(db, user.Id)
            ? (null, Problem.Of(context, StatusCodes.Status409Conflict, "lastAdmin"))
            : (user, null);
    }
}
