using Anju.Host.Features.Assessments;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Reference;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// GET /api/assessments/{quarter}/lists: the published red and black lists of a quarter (public information:
/// anyone signed in), with the full ranking. 404 until the quarter is published.
/// </summary>
public static class GetAssessmentLists
{
    public sealed record Item(int Rank, string Compound, string CompoundName, string? Firm, string StreetPath, decimal Score, string? List);

    public sealed record Response(string Quarter, DateTimeOffset PublishedAt, int Ranked, IReadOnlyList<Item> Red, IReadOnlyList<Item> Black, IReadOnlyList<Item> Ranking);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        HttpContext context, HostDbContext db, string quarter, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(quarter, out var parsed))
        {
            return Problem.BadRequest(context, "quarter: 2026Q2");
        }

        var key = parsed.ToString();
        var rows = await db.Set<AssessmentListEntry>().AsNoTracking().Where(e => e.Quarter == key).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return Problem.NotFound(context);
        }

        var items = rows.OrderBy(r => r.Rank).ThenBy(r => r.CompoundPath, StringComparer.Ordinal)
            .Select(r => new Item(r.Rank, r.CompoundPath, r.CompoundName, r.PropertyFirm, r.StreetPath, r.CompositeScore, r.List))
            .ToList();
        var published = new DateTimeOffset(DateTime.SpecifyKind(rows.Max(r => r.PublishedAt), DateTimeKind.Utc));
        return TypedResults.Ok(new Response(
            key, published, items.Count,
            [.. items.Where(i => i.List == AssessmentLists.Red)],
            [.. items.Where(i => i.List == AssessmentLists.Black).OrderByDescending(i => i.Rank)],
            items));
    }
}
