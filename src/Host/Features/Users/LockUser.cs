using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>
/// POST /api/users/{username}/lock: an administrator locks an account until it is unlocked (a staff member left, an
/// account is misused). The user cannot sign in, and every token and cookie they had ends at once.
/// </summary>
public static class LockUser
{
    /// <summary>The lockout end an administrator's lock sets (<see cref="AdministratorLock.Until"/>).</summary>
    public static DateTimeOffset Until => AdministratorLock.Until;

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        string username, HttpContext context, UserManager<AnjuUser> users, HostDbContext db, CredentialCheck credentials)
    {
        var (user, refusal) = await LastAdministrator.FindDisablableAsync(context, users, db, username, "cannotLockSelf");
        if (user is null)
        {
            return refusal!;
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, Until);
        await credentials.RevokeAsync(users, user);
        return TypedResults.NoContent();
    }
}
