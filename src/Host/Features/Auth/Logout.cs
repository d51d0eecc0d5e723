using Anju.Host.Identity;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Auth;

/// <summary>
/// POST /api/auth/logout: ends the caller's sign-in everywhere: the cookie is removed, and a new security stamp ends
/// every token and cookie of the account (a copied cookie or token replayed afterwards is refused). Anonymous
/// callers just lose the cookie.
/// </summary>
public static class Logout
{
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.NoContent> Handle(
        HttpContext context, UserManager<AnjuUser> users, CredentialCheck credentials, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
        {
            await credentials.RevokeAsync(users, user);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
