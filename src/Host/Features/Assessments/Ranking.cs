using Anju.Host.Reference;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// Ranks a quarter's compounds city-wide and cuts the red and black lists (definitions/README.md):
/// <list type="bullet">
/// <item>order: composite score descending; ties share a rank (1, 2, 2, 4) and are listed by fewer complaints,
/// then by compound path;</item>
/// <item>list size k = n × share rounded half up, at least 1 when there are 2 or more compounds and the share is
/// above 0, at most ⌊n/2⌋ (so no compound can be needed on both lists); fewer than 2 compounds: no lists;</item>
/// <item>red: every compound whose rank is ≤ k; black: every compound with at most k−1 compounds scoring strictly
/// lower — ties at the cut are all included (equal scores, equal treatment), so a list can be longer than k;</item>
/// <item>a compound that would be on both (only possible when ties span the field) is on neither.</item>
/// </list>
/// </summary>
public static class Ranking
{
    public sealed record Entry(string Compound, decimal Score, int Complaints);

    public sealed record Ranked(Entry Entry, int Rank, string? List);

    public static int ListSize(int count, decimal share)
    {
        if (count < 2 || share <= 0)
        {
            return 0;
        }

        var k = (int)Math.Floor((count * share) + 0.5m);
        return Math.Clamp(k, 1, count / 2);
    }

    public static IReadOnlyList<Ranked> Rank(IReadOnlyList<Entry> entries, decimal redShare, decimal blackShare)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = entries
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Complaints)
            .ThenBy(e => e.Compound, StringComparer.Ordinal)
            .ToList();
        var red = ListSize(ordered.Count, redShare);
        var black = ListSize(ordered.Count, blackShare);
        var result = new List<Ranked>(ordered.Count);
        foreach (var entry in ordered)
        {
            var rank = 1 + ordered.Count(e => e.Score > entry.Score);
            var fromBottom = 1 + ordered.Count(e => e.Score < entry.Score);
            var isRed = rank <= red;
            var isBlack = fromBottom <= black;
            var list = isRed && isBlack ? null : isRed ? AssessmentLists.Red : isBlack ? AssessmentLists.Black : null;
            result.Add(new Ranked(entry, rank, list));
        }

        return result;
    }
}
