using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>POST /api/users/{username}/unlock: ends a lockout after failed sign-ins and clears the failure count.</summary>
public static class UnlockUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(string username, HttpContext context, UserManager<AnjuUser> users, LoginThrottle throttle)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            return Problem.NotFound(context);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        throttle.Reset(users.NormalizeName(user.UserName!)); // every client's failures at this account
        return TypedResults.NoContent();
    }
}
