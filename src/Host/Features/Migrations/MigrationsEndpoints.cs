using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Migrations;

/// <summary>Process instance migration between versions (administrators only): check a plan, run a batch, follow it.</summary>
public static class MigrationsEndpoints
{
    public static RouteGroupBuilder MapMigrations(this RouteGroupBuilder api)
    {
        var migrations = api.MapGroup("/migrations").WithTags("Migrations").RequireAuthorization(Policies.Admin);
        migrations.MapPost("/check", CheckMigration.Handle);
        migrations.MapPost("/", StartMigration.Handle).AddEndpointFilter<Idempotency>();
        migrations.MapGet("/{batchId:guid}", GetMigration.Handle);
        return api;
    }
}
