using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>
/// DELETE /api/users/{username}: removes the account with its roles and jurisdictions. Refused (409) for the
/// caller's own account and for the last administrator. The user's existing tokens and cookies stop working at once.
/// </summary>
public static class DeleteUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        string username, HttpContext context, UserManager<AnjuUser> users, HostDbContext db, CredentialCheck credentials)
    {
        var (user, refusal) = await LastAdministrator.FindDisablableAsync(context, users, db, username, "cannotDeleteSelf");
        if (user is null)
        {
            return refusal!;
        }

        var deleted = await users.DeleteAsync(user);
        credentials.Forget(user.Id); // its tokens name a user that no longer exists
        return deleted.Succeeded
            ? TypedResults.NoContent()
            : Problem.Of(context, StatusCodes.Status409Conflict, "conflict");
    }
}
