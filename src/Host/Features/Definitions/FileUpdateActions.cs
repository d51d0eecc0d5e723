using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Seeding;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.Definitions;

/// <summary>
/// What an administrator does with a definitions file's newer content (<see cref="FileUpdates"/>), naming the content
/// by the hash they saw (GET /api/definitions/{key} → fileUpdate.contentHash):
/// POST /api/definitions/{key}/file-update/adopt deploys the file as a new version (source file:&lt;name&gt;, deployed by
/// the administrator, the note says it was adopted), so later start-ups track the file again;
/// POST /api/definitions/{key}/file-update/ignore remembers that this content is not wanted, so it is not offered again.
/// 409 fileUpdateChanged when there is no such offer (any more), or the file changed since it was shown.
/// </summary>
public static class FileUpdateActions
{
    /// <summary>A SHA-256 content hash in hex.</summary>
    public const int HashLength = 64;

    public sealed record Request(string? ContentHash, string? Note);

    public static async Task<Results<Created<Deploy.Response>, ProblemHttpResult>> Adopt(
        string key, Request request, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, HostDbContext hostDb, DefinitionFiles files, CancellationToken cancellationToken)
    {
        if (Invalid(context, request) is { } invalid)
        {
            return invalid;
        }

        var file = await OfferAsync(key, request.ContentHash!, storage, hostDb, files, cancellationToken);
        if (file is null)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "fileUpdateChanged");
        }

        var user = CurrentUser.From(context);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var result = await engine.DeployAsync(new DeploymentRequest
        {
            Files = [new DeploymentFile(file.Name, file.Xml)],
            DeployedBy = user.Username,
            Source = file.Source,
            Note = $"采用定义文件 definitions/{file.Name}（{user.Username}）" + (note is null ? "" : "：" + note),
        }, cancellationToken);
        if (!result.Succeeded)
        {
            var details = Problem.Details(context, StatusCodes.Status400BadRequest, "deploymentInvalid");
            details.Extensions["errors"] = result.Problems.Select(p => new Deploy.ProblemView(p.ElementId, p.Line, p.Message)).ToList();
            return TypedResults.Problem(details);
        }

        var response = new Deploy.Response(result.DeploymentId, [.. result.Definitions.Select(d => new Deploy.DefinitionView(d.Key, d.Version, d.Name, d.Id))]);
        return TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(key)}", response);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Ignore(
        string key, Request request, HttpContext context, WorkflowStorage storage, HostDbContext hostDb, DefinitionFiles files, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Invalid(context, request) is { } invalid)
        {
            return invalid;
        }

        if (await OfferAsync(key, request.ContentHash!, storage, hostDb, files, cancellationToken) is null)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "fileUpdateChanged");
        }

        hostDb.Set<DefinitionFileIgnore>().Add(new DefinitionFileIgnore
        {
            Key = key,
            ContentHash = request.ContentHash!,
            IgnoredBy = CurrentUser.From(context).Username,
            IgnoredAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await hostDb.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Ignored at the same moment by another administrator: the same outcome.
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? Invalid(HttpContext context, Request request)
    {
        if (string.IsNullOrWhiteSpace(request.ContentHash))
        {
            return FieldErrors.One(context, "contentHash", "field.required");
        }

        return TextBounds.Check(context,
            ("contentHash", request.ContentHash, HashLength),
            ("note", request.Note, RequestLimits.From(context).MaxNoteLength));
    }

    /// <summary>The file on offer for the key, when its content is the one named.</summary>
    private static async Task<DefinitionFile?> OfferAsync(
        string key, string contentHash, WorkflowStorage storage, HostDbContext hostDb, DefinitionFiles files, CancellationToken cancellationToken)
    {
        List<FileUpdates.VersionFacts> versions;
        await using (var db = storage.CreateContext())
        {
            versions = await db.Definitions.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version)
                .Select(d => new FileUpdates.VersionFacts(d.Version, d.Source, d.ContentHash)).ToListAsync(cancellationToken);
        }

        var ignored = await FileUpdates.IgnoredAsync(hostDb, [key], cancellationToken);
        var file = FileUpdates.Pending(files, key, versions, [.. ignored[key]]);
        return file is not null && string.Equals(file.ContentHash, contentHash.Trim(), StringComparison.OrdinalIgnoreCase) ? file : null;
    }
}
