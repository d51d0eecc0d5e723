using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Seeding;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>
/// GET /api/definitions/{key}: every version with its deploy time, deployer, note, source (<c>file:&lt;name&gt;</c> or
/// <c>user:&lt;username&gt;</c>) and content hash, newest first. For administrators, <c>fileUpdate</c> is the
/// definitions file's newer content (with its XML, to diff) when start-up kept a person's later version over it.
/// </summary>
public static class GetDefinition
{
    public sealed record VersionView(int Version, string Id, DateTimeOffset DeployedAt, string? DeployedBy, string? Note, string? Source, string ContentHash);

    /// <summary>The definitions file's content on offer: adopt it (POST …/file-update/adopt) or ignore it (…/ignore).</summary>
    public sealed record FileUpdateView(string FileName, string ContentHash, int? LastFileVersion, string Xml);

    public sealed record Response(string Key, string? Name, IReadOnlyList<VersionView> Versions, FileUpdateView? FileUpdate);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string key, HttpContext context, WorkflowStorage storage, HostDbContext hostDb, DefinitionFiles files, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.Key == key)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.Version, d.Name, d.DeployedAt, d.DeployedBy, d.Note, d.Source, d.ContentHash })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return Problem.NotFound(context);
        }

        FileUpdateView? update = null;
        if (CurrentUser.From(context).IsAdmin)
        {
            var ignored = await FileUpdates.IgnoredAsync(hostDb, [key], cancellationToken);
            var facts = rows.Select(r => new FileUpdates.VersionFacts(r.Version, r.Source, r.ContentHash)).ToList();
            if (FileUpdates.Pending(files, key, facts, [.. ignored[key]]) is { } file)
            {
                update = new FileUpdateView(file.Name, file.ContentHash, rows.FirstOrDefault(r => r.Source == file.Source)?.Version, file.Xml);
            }
        }

        return TypedResults.Ok(new Response(key, rows[0].Name, [.. rows.Select(r => new VersionView(
            r.Version, r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.DeployedAt, DateTimeKind.Utc)), r.DeployedBy, r.Note, r.Source, r.ContentHash))], update));
    }
}
