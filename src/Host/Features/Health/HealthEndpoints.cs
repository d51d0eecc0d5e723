using Anju.Host.Calendars;
using Anju.Host.Persistence;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Health;

/// <summary>
/// /health/live (the process answers) and /health/ready: database reachable with migrations applied, accepting a
/// write (one row inserted in a transaction that is rolled back), and the data folder's disk holding at least
/// Anju:Health:MinFreeMegabytes (default 200). A failing check answers 503 naming it in "failed". A warning keeps
/// 200 with status "degraded" and names it in "warnings": <c>calendar</c> when the working-day calendar lacks next
/// year from Anju:Calendar:DegradedFrom (default 1 December, Beijing) — deadlines crossing New Year would be counted
/// Monday–Friday; the node still serves, so load balancers keep it.
/// </summary>
public static class HealthEndpoints
{
    public const long DefaultMinFreeMegabytes = 200;

    /// <summary>The answer of /health/live: <c>{"status":"live"}</c>.</summary>
    public sealed record LiveStatus(string Status);

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new LiveStatus("live"))).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/ready", async (WorkflowStorage storage, HostDbContext hostDb, DataDirectory data, IConfiguration configuration, CalendarStore calendar, CancellationToken ct) =>
        {
            await using var engineDb = storage.CreateContext();
            var pendingEngine = (await engineDb.Database.GetPendingMigrationsAsync(ct)).ToList();
            var pendingHost = (await hostDb.Database.GetPendingMigrationsAsync(ct)).ToList();
            var failed = new List<string>();
            if (!await engineDb.Database.CanConnectAsync(ct) || pendingEngine.Count > 0 || pendingHost.Count > 0)
            {
                failed.Add("migrations");
            }

            if (!await AcceptsWriteAsync(hostDb, ct))
            {
                failed.Add("database");
            }

            var minFree = configuration.GetValue("Anju:Health:MinFreeMegabytes", DefaultMinFreeMegabytes);
            if (FreeMegabytes(data.Path) is not { } free || free < minFree)
            {
                failed.Add("disk");
            }

            var warnings = new List<string>();
            if (calendar.Status().Degraded)
            {
                warnings.Add("calendar");
            }

            var status = failed.Count > 0 ? "not ready" : warnings.Count > 0 ? "degraded" : "ready";
            var body = new { status, failed, warnings, pendingMigrations = pendingEngine.Concat(pendingHost) };
            return failed.Count == 0 ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");
        return app;
    }

    /// <summary>Inserts a throw-away row and rolls it back: proves the database is writable and not locked.</summary>
    private static async Task<bool> AcceptsWriteAsync(HostDbContext db, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var probe = "health-" + Guid.NewGuid().ToString("N");
            db.Roles.Add(new IdentityRole { Id = probe, Name = probe, NormalizedName = probe.ToUpperInvariant() });
            await db.SaveChangesAsync(ct);
            await transaction.RollbackAsync(ct);
            return true;
        }
        catch (Exception error) when (error is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static long? FreeMegabytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
