using Anju.Host.Persistence;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Health;

/// <summary>/health/live (the process answers) and /health/ready (database reachable, migrations applied).</summary>
public static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).AllowAnonymous().WithTags("Health");
        app.MapGet("/health/ready", async (WorkflowStorage storage, HostDbContext hostDb, CancellationToken ct) =>
        {
            await using var engineDb = storage.CreateContext();
            var pendingEngine = (await engineDb.Database.GetPendingMigrationsAsync(ct)).ToList();
            var pendingHost = (await hostDb.Database.GetPendingMigrationsAsync(ct)).ToList();
            var ready = await engineDb.Database.CanConnectAsync(ct) && pendingEngine.Count == 0 && pendingHost.Count == 0;
            var body = new { status = ready ? "ready" : "not ready", pendingMigrations = pendingEngine.Concat(pendingHost) };
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");
        return app;
    }
}
