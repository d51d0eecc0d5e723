using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>
/// POST /api/users/{username}/password: an administrator sets a new password (the user forgot theirs).
/// Every token and cookie the user had ends (a new security stamp).
/// </summary>
public static class ResetPassword
{
    public sealed record Request(string? Password);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        string username, Request request, HttpContext context, UserManager<AnjuUser> users, HostDbContext db, Identity.CredentialCheck credentials)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            return Problem.NotFound(context);
        }

        var fields = new UserFields(context);
        await fields.Password(request.Password, users, user);
        if (fields.HasErrors)
        {
            return fields.Problem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, request.Password!);
        if (!added.Succeeded)
        {
            return Problem.BadRequest(context, string.Join("; ", added.Errors.Select(e => e.Description)));
        }

        await credentials.RevokeAsync(users, user);
        await transaction.CommitAsync();
        credentials.Forget(user.Id);
        return TypedResults.NoContent();
    }
}
