using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Auth;

/// <summary>
/// POST /api/auth/login: a bearer token and the web console's cookie. Guarded by <see cref="LoginProtection"/> (per-client
/// limit, body cap) and <see cref="LoginThrottle"/>: per-account limit, one attempt at a time per account, and after five
/// failures from one client that client is locked out of that account for 15 minutes (others are not).
/// </summary>
public static class Login
{
    public sealed record Request(string? Username, string? Password);

    public sealed record Response(string Token, DateTimeOffset ExpiresAt, Me.UserView User);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, UserManager<AnjuUser> users, TokenIssuer issuer, LoginThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return Problem.Of(context, StatusCodes.Status401Unauthorized, "loginFailed");
        }

        var username = request.Username.Trim();
        var account = users.NormalizeName(username);
        var client = LoginProtection.ClientKey(context);
        using (var lease = throttle.AcquireAccount(account))
        {
            if (!lease.IsAcquired)
            {
                return LoginProtection.RateLimited(context, lease);
            }
        }

        using var gate = await throttle.EnterAsync(account, context.RequestAborted);
        if (throttle.LockedUntil(account, client) is { } locked)
        {
            return LockedOut(context, locked);
        }

        var user = await users.FindByNameAsync(username);
        bool verified;
        if (user is null)
        {
            throttle.VerifyDummy(users.PasswordHasher, request.Password);
            verified = false;
        }
        else
        {
            verified = await users.CheckPasswordAsync(user, request.Password);
        }

        if (!verified)
        {
            if (throttle.RecordFailure(account, client) is not { } lockedUntil)
            {
                return Problem.Of(context, StatusCodes.Status401Unauthorized, "loginFailed");
            }

            if (user is not null && (user.LockoutEnd is null || user.LockoutEnd < lockedUntil))
            {
                // What administrators see (GET /api/users: lockedOut) and end (unlock): some client is locked out.
                // Sign-in itself goes by the throttle, per client, not by this account-wide field.
                await users.SetLockoutEndDateAsync(user, lockedUntil);
            }

            return LockedOut(context, lockedUntil);
        }

        throttle.RecordSuccess(account, client);
        if (AdministratorLock.IsLockedByAdministrator(user!))
        {
            // Told only to someone who knows the password: anonymous clients learn nothing about the account.
            return Problem.Of(context, StatusCodes.Status403Forbidden, "accountLocked");
        }

        var (token, expiresAt, principal) = await issuer.IssueAsync(user!);
        await TokenIssuer.SignInCookieAsync(context, principal);
        return TypedResults.Ok(new Response(token, expiresAt, Me.UserView.From(new CurrentUser(principal))));
    }

    private static ProblemHttpResult LockedOut(HttpContext context, DateTimeOffset until)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem.Of(context, StatusCodes.Status429TooManyRequests, "lockedOut");
    }
}
