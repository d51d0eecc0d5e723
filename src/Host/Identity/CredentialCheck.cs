using System.Security.Claims;
using Anju.Host.Persistence;
using Anju.Host.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Anju.Host.Identity;

/// <summary>
/// Makes tokens and cookies revocable. Every token carries the user's security stamp; on every request the caller's
/// stamp, roles, jurisdictions and department are compared with the database (read at most every
/// <see cref="CacheFor"/> per user and node, and at once after a change made on this node). A deleted user, a
/// changed stamp (password reset, lock, logout, role or jurisdiction change) or claims that no longer match make
/// the request anonymous: a 401 where signing in is needed, and the console's cookie is removed.
/// </summary>
public sealed class CredentialCheck(IMemoryCache cache)
{
    public const string StampClaim = "anju:stamp";

    /// <summary>How long one node may trust what it read of a user (another node's change reaches it within this time).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(string Stamp, string[] Roles, string[] Jurisdictions, string? Department);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, HostDbContext db, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || principal.FindFirstValue(StampClaim) is not { Length: > 0 } stamp)
        {
            return false;
        }

        var snapshot = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await LoadAsync(db, userId, cancellationToken);
        });
        if (snapshot is null || !string.Equals(snapshot.Stamp, stamp, StringComparison.Ordinal))
        {
            return false;
        }

        return SameSet(snapshot.Roles, principal.FindAll(ClaimTypes.Role).Select(c => c.Value))
            && SameSet(snapshot.Jurisdictions, principal.FindAll(CurrentUser.JurisdictionClaim).Select(c => c.Value))
            && string.Equals(snapshot.Department, principal.FindFirstValue(CurrentUser.DepartmentClaim), StringComparison.Ordinal);
    }

    /// <summary>Ends every token and cookie of <paramref name="user"/>: a new security stamp, and this node forgets what it read.</summary>
    public async Task RevokeAsync(UserManager<AnjuUser> users, AnjuUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        Forget(user.Id);
    }

    /// <summary>This node reads the user again at the next request (after a deletion, or a change that already rotated the stamp).</summary>
    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "anju:credential:" + userId;

    private static bool SameSet(string[] expected, IEnumerable<string> actual)
    {
        var set = actual.ToHashSet(StringComparer.Ordinal);
        return set.Count == expected.Length && expected.All(set.Contains);
    }

    private static async Task<Snapshot?> LoadAsync(HostDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DepartmentId }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).Distinct().ToArrayAsync(cancellationToken);
        var jurisdictions = await db.UserJurisdictions.AsNoTracking().Where(j => j.UserId == userId)
            .Select(j => j.Path).Distinct().ToArrayAsync(cancellationToken);
        return new Snapshot(user.SecurityStamp ?? "", roles, jurisdictions, user.DepartmentId);
    }

}

/// <summary>Runs <see cref="CredentialCheck"/> on every signed-in request, right after authentication.</summary>
public static class CredentialCheckMiddleware
{
    public static IApplicationBuilder UseCredentialCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var check = context.RequestServices.GetRequiredService<CredentialCheck>();
            var db = context.RequestServices.GetRequiredService<HostDbContext>();
            if (!await check.IsCurrentAsync(context.User, db, context.RequestAborted))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Cookies.ContainsKey(IdentitySetup.CookieName))
                {
                    context.Response.Cookies.Delete(IdentitySetup.CookieName);
                }
            }
        }

        await next(context);
    });
}
