using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Auth;

/// <summary>POST /api/auth/login: a bearer token and the web console's cookie; lockout after five failures.</summary>
public static class Login
{
    public sealed record Request(string? Username, string? Password);

    public sealed record Response(string Token, DateTimeOffset ExpiresAt, Me.UserView User);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, UserManager<AnjuUser> users, TokenIssuer issuer)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return Problem.Of(context, StatusCodes.Status401Unauthorized, "loginFailed");
        }

        var user = await users.FindByNameAsync(request.Username.Trim());
        if (user is null)
        {
            return Problem.Of(context, StatusCodes.Status401Unauthorized, "loginFailed");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Problem.Of(context, StatusCodes.Status429TooManyRequests, "lockedOut");
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? Problem.Of(context, StatusCodes.Status429TooManyRequests, "lockedOut")
                : Problem.Of(context, StatusCodes.Status401Unauthorized, "loginFailed");
        }

        await users.ResetAccessFailedCountAsync(user);
        var (token, expiresAt, principal) = await issuer.IssueAsync(user);
        await TokenIssuer.SignInCookieAsync(context, principal);
        return TypedResults.Ok(new Response(token, expiresAt, Me.UserView.From(new CurrentUser(principal))));
    }
}
