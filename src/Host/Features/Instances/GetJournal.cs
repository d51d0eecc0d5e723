using System.Text.Json.Nodes;
using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Instances;

/// <summary>
/// GET /api/instances/{id}/journal: every state change in order, with the result of checking the hash chain
/// (a removed or altered entry shows as not intact, with the first broken entry).
/// </summary>
public static class GetJournal
{
    public sealed record Entry(long Seq, DateTimeOffset At, string Type, string? ActivityId, string? Actor, JsonNode? Details);

    public sealed record Verification(bool Intact, long? FirstBrokenSeq, string Message);

    public sealed record Response(IReadOnlyList<Entry> Entries, Verification Verification);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Guid id, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        if (!await InstanceAccess.CanSeeAsync(storage, CurrentUser.From(context), id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        var (rows, verification) = await engine.ReadJournalAsync(id, cancellationToken);
        var entries = rows.Select(r => new Entry(
            r.Seq,
            new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)),
            r.Type,
            r.ActivityId,
            r.Actor,
            r.Details is null ? null : JsonNode.Parse(r.Details))).ToList();
        return TypedResults.Ok(new Response(entries, new Verification(verification.Intact, verification.FirstBrokenSeq, verification.Message)));
    }
}
