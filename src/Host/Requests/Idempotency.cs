using System.Security.Cryptography;
using System.Text;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Requests;

/// <summary>
/// Idempotency-Key on state-changing calls: exactly one effect per user and key, and the same answer to every
/// request that carries it, for 24 hours.
/// </summary>
/// <remarks>
/// The key is <b>claimed first</b>: a pending row (status 0) is inserted under the table's primary key (user, key)
/// before the call runs, so of any number of concurrent requests with the same key exactly one runs; the others
/// wait for its stored answer (at most <see cref="WaitFor"/>, then 409 with Retry-After). The answer (2xx or 4xx) is
/// stored when the call finishes; a 5xx or an exception removes the claim, so a retry runs the call again. A claim
/// still pending after <see cref="StaleAfter"/> belongs to a request whose process died: the route's
/// <see cref="IIdempotentRecovery"/> (when it has one) tells from the database whether that request's effect committed
/// and answers as it would have (a start's instance id is derived from the key, so it is found); otherwise the call
/// runs again. A key reused with a different request is refused (422).
/// </remarks>
public sealed class Idempotency(TimeProvider time, IConfiguration configuration, IHostEnvironment environment, ILogger<Idempotency> logger) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public static readonly TimeSpan WaitFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    private const int Pending = 0;

    /// <summary>The key of the request being handled (set while the call runs), for routes that derive ids from it.</summary>
    public static string? KeyOf(HttpContext context) => context.Items[typeof(Idempotency)] as string;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return await next(context);
        }

        if (key.Length > 200)
        {
            return Problem.BadRequest(http, "Idempotency-Key is longer than 200 characters.");
        }

        var user = CurrentUser.From(http).Username;
        var hash = RequestHash(context);
        var db = http.RequestServices.GetRequiredService<HostDbContext>();
        var waiting = System.Diagnostics.Stopwatch.StartNew(); // not the TimeProvider: a test's clock may stand still
        while (true)
        {
            var claimed = await TryClaimAsync(db, user, key, hash);
            if (claimed)
            {
                return await RunAsync(context, next, db, user, key);
            }

            var stored = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserName == user && r.Key == key);
            if (stored is null)
            {
                continue; // released (the call failed) or expired meanwhile: claim it again
            }

            if (stored.RequestHash != hash)
            {
                return Problem.Of(http, StatusCodes.Status422UnprocessableEntity, "idempotencyMismatch");
            }

            if (stored.StatusCode != Pending)
            {
                return Replay(http, stored);
            }

            if (Utc(stored.CreatedAt) < time.GetUtcNow() - StaleAfter)
            {
                return await RecoverAsync(context, next, db, stored);
            }

            if (waiting.Elapsed > WaitFor)
            {
                http.Response.Headers.RetryAfter = "2";
                return Problem.Of(http, StatusCodes.Status409Conflict, "idempotencyInProgress");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), http.RequestAborted);
        }
    }

    /// <summary>How old a pending claim must be to count as left by a request that died (Anju:Idempotency:StaleAfterSeconds).</summary>
    private TimeSpan StaleAfter => configuration.GetValue<int?>("Anju:Idempotency:StaleAfterSeconds") is { } seconds and > 0
        ? TimeSpan.FromSeconds(seconds)
        : DefaultStaleAfter;

    /// <summary>Inserts the pending claim; false when the user already has a row for the key (an expired one is removed first).</summary>
    private async Task<bool> TryClaimAsync(HostDbContext db, string user, string key, string hash)
    {
        var expired = (time.GetUtcNow() - KeptFor).UtcDateTime;
        await db.IdempotencyRecords.Where(r => r.UserName == user && r.Key == key && r.CreatedAt < expired).ExecuteDeleteAsync();
        db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, UserName = user, RequestHash = hash, StatusCode = Pending, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, HostDbContext db, string user, string key)
    {
        var http = context.HttpContext;
        http.Items[typeof(Idempotency)] = key;
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(db, user, key);
            throw;
        }

        await HoldAfterCommitAsync(key, http.RequestAborted);
        if (result is not IResult asResult)
        {
            await ReleaseAsync(db, user, key);
            return result;
        }

        var (status, contentType, body) = await Capture(http, asResult);
        if (status >= 500)
        {
            await ReleaseAsync(db, user, key);
        }
        else
        {
            await db.IdempotencyRecords.Where(r => r.UserName == user && r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Body, body));
        }

        return Results.Text(body, contentType, Encoding.UTF8, status);
    }

    /// <summary>A claim left by a request that died: the route tells whether its effect is there; if not, the call runs again.</summary>
    private async Task<object?> RecoverAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, HostDbContext db, IdempotencyRecord stale)
    {
        var http = context.HttpContext;
        var taken = await db.IdempotencyRecords
            .Where(r => r.UserName == stale.UserName && r.Key == stale.Key && r.StatusCode == Pending && r.CreatedAt == stale.CreatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, time.GetUtcNow().UtcDateTime));
        if (taken == 0)
        {
            return await InvokeAsync(context, next); // another retry took it over first: wait for its answer
        }

        var recovery = http.GetEndpoint()?.Metadata.GetMetadata<IIdempotentRecovery>();
        if (recovery is not null && await recovery.RecoverAsync(context, stale.Key) is { } recovered)
        {
            var (status, contentType, body) = await Capture(http, recovered);
            await db.IdempotencyRecords.Where(r => r.UserName == stale.UserName && r.Key == stale.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Body, body));
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Text(body, contentType, Encoding.UTF8, status);
        }

        return await RunAsync(context, next, db, stale.UserName, stale.Key);
    }

    /// <summary>
    /// Fault injection for the crash test, Development only: with Anju:FaultInjection:HoldAfterCommitKey set, a request
    /// with that key stops after its effect committed and before its answer is stored, and waits there for ever (the
    /// test kills the process at that moment).
    /// </summary>
    private async Task HoldAfterCommitAsync(string key, CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment() && configuration["Anju:FaultInjection:HoldAfterCommitKey"] is { Length: > 0 } held && held == key)
        {
            logger.LogWarning("fault-injection: holding request with Idempotency-Key {Key} after its commit", key);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private static async Task ReleaseAsync(HostDbContext db, string user, string key) =>
        await db.IdempotencyRecords.Where(r => r.UserName == user && r.Key == key && r.StatusCode == Pending).ExecuteDeleteAsync(CancellationToken.None);

    private static IResult Replay(HttpContext http, IdempotencyRecord stored)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Text(stored.Body ?? "", stored.ContentType, Encoding.UTF8, stored.StatusCode);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Runs the result against a buffer to learn its status and body.</summary>
    private static async Task<(int Status, string? ContentType, string Body)> Capture(HttpContext http, IResult result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        var contentType = http.Response.ContentType;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = null;
        return (status, contentType, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The request's identity: method, path, query and the bound arguments (the body's DTO, ids).</summary>
    private static string RequestHash(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var text = new StringBuilder(http.Request.Method).Append(' ').Append(http.Request.Path).Append(http.Request.QueryString);
        foreach (var argument in context.Arguments)
        {
            var part = argument switch
            {
                null => "null",
                string or Guid or int or long or bool => argument.ToString(),
                IFormFile file => $"{file.FileName}:{file.Length}",
                _ when argument.GetType().Namespace?.StartsWith("Anju.Host.Features", StringComparison.Ordinal) == true =>
                    System.Text.Json.JsonSerializer.Serialize(argument, argument.GetType()),
                _ => null,
            };
            if (part is not null)
            {
                text.Append('|').Append(part);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// Endpoint metadata: how a route answers a retry whose first request died after claiming its key. Returns the
/// answer the first request would have given when its effect committed, or null when it did not (the call then runs).
/// </summary>
public interface IIdempotentRecovery
{
    ValueTask<IResult?> RecoverAsync(EndpointFilterInvocationContext context, string key);
}
