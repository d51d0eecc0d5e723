using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>GET /api/definitions/{key}: every version with its deploy time, deployer and note, newest first.</summary>
public static class GetDefinition
{
    public sealed record VersionView(int Version, string Id, DateTimeOffset DeployedAt, string? DeployedBy, string? Note);

    public sealed record Response(string Key, string? Name, IReadOnlyList<VersionView> Versions);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string key, HttpContext context, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.Key == key)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.Version, d.Name, d.DeployedAt, d.DeployedBy, d.Note })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return Problem.NotFound(context);
        }

        return TypedResults.Ok(new Response(key, rows[0].Name, [.. rows.Select(r => new VersionView(
            r.Version, r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.DeployedAt, DateTimeKind.Utc)), r.DeployedBy, r.Note))]));
    }
}
