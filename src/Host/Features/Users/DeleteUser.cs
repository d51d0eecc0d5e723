using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>
/// DELETE /api/users/{username}: removes the account with its roles and jurisdictions. Refused (409) for the
/// caller's own account and for the last administrator. Known limitation: the user's existing tokens stay
/// valid until they expire.
/// </summary>
public static class DeleteUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        string username, HttpContext context, UserManager<AnjuUser> users, HostDbContext db, CredentialCheck credentials)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            return Problem.NotFound(context);
        }

        if (string.Equals(user.UserName, CurrentUser.From(context).Username, StringComparison.Ordinal))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "cannotDeleteSelf");
        }

        if (await LastAdministrator.IsAsync(db, user.Id))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "lastAdmin");
        }

        var deleted = await users.DeleteAsync(user);
        credentials.Forget(user.Id); // its tokens name a user that no longer exists
        return deleted.Succeeded
            ? TypedResults.NoContent()
            : Problem.Of(context, StatusCodes.Status409Conflict, "conflict");
    }
}
