using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Anju.Host.Features.Auth;

/// <summary>POST /api/auth/logout: ends the web console's cookie session.</summary>
public static class Logout
{
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.NoContent> Handle(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
