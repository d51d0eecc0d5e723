using System.Security.Claims;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anju.Host.Identity;

/// <summary>Turns a verified user into claims, a bearer token and the web console's cookie.</summary>
public sealed class TokenIssuer(
    UserManager<AnjuUser> users,
    HostDbContext db,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider time)
{
    public async Task<(string Token, DateTimeOffset ExpiresAt, ClaimsPrincipal Principal)> IssueAsync(AnjuUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var jurisdictions = await db.UserJurisdictions.AsNoTracking().Where(j => j.UserId == user.Id).Select(j => j.Path).ToListAsync();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName!),
            new(CurrentUser.DisplayNameClaim, user.DisplayName),
            new(CredentialCheck.StampClaim, user.SecurityStamp ?? await EnsureStampAsync(user)),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(jurisdictions.Select(j => new Claim(CurrentUser.JurisdictionClaim, j)));
        if (user.DepartmentId is { Length: > 0 } department)
        {
            claims.Add(new Claim(CurrentUser.DepartmentClaim, department));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, BearerTokenDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

        var options = bearerOptions.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = time.GetUtcNow();
        var expires = now + options.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, BearerTokenDefaults.AuthenticationScheme));
        return (token, expires, principal);
    }

    private async Task<string> EnsureStampAsync(AnjuUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        return user.SecurityStamp!;
    }

    public static Task SignInCookieAsync(HttpContext context, ClaimsPrincipal principal) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role)));
}
