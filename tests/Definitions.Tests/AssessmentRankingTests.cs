using Anju.Host.Features.Assessments;

namespace Anju.Definitions.Tests;

/// <summary>The arithmetic of the quarterly assessment: list sizes for small cities, ties, the composite formula, quarters.</summary>
public sealed class AssessmentRankingTests
{
    [Theory]
    [InlineData(0, "0.1", 0)]
    [InlineData(1, "0.1", 0)]   // a single compound is neither red nor black
    [InlineData(2, "0.1", 1)]   // 0.2 → 0, raised to the minimum of 1
    [InlineData(4, "0.1", 1)]   // 0.4 → 0 → 1
    [InlineData(5, "0.1", 1)]   // 0.5 rounds half up → 1
    [InlineData(14, "0.1", 1)]  // 1.4 → 1
    [InlineData(15, "0.1", 2)]  // 1.5 → 2
    [InlineData(25, "0.1", 3)]  // 2.5 → 3
    [InlineData(100, "0.1", 10)]
    [InlineData(3, "0.5", 1)]   // 1.5 → 2, capped at ⌊3/2⌋ = 1 so the lists cannot meet
    [InlineData(10, "0", 0)]    // share 0: no list
    public void List_size_rounds_half_up_with_a_minimum_of_one_and_at_most_half(int count, string share, int expected) =>
        Assert.Equal(expected, Ranking.ListSize(count, decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Ties_share_a_rank_and_are_all_listed_at_the_cut()
    {
        var ranked = Ranking.Rank(
            [new("e", 70m, 0), new("a", 90m, 2), new("b", 90m, 0), new("c", 80m, 0), new("d", 70m, 1)], 0.1m, 0.1m);
        // Order: score descending, then fewer complaints, then path.
        Assert.Equal(["b", "a", "c", "e", "d"], ranked.Select(r => r.Entry.Compound));
        Assert.Equal([1, 1, 3, 4, 4], ranked.Select(r => r.Rank));
        // 5 × 10 % = 0.5 → 1 compound, but both tied at the cut are on the list.
        Assert.Equal(["b", "a"], ranked.Where(r => r.List == AssessmentLists.Red).Select(r => r.Entry.Compound));
        Assert.Equal(["e", "d"], ranked.Where(r => r.List == AssessmentLists.Black).Select(r => r.Entry.Compound));
        Assert.Null(ranked.Single(r => r.Entry.Compound == "c").List);
    }

    [Fact]
    public void A_compound_that_would_be_on_both_lists_is_on_neither()
    {
        var ranked = Ranking.Rank([new("a", 80m, 0), new("b", 80m, 0)], 0.1m, 0.1m);
        Assert.All(ranked, r => Assert.Null(r.List));
        var three = Ranking.Rank([new("a", 90m, 0), new("b", 80m, 0), new("c", 70m, 0)], 0.1m, 0.1m);
        Assert.Equal([AssessmentLists.Red, null, AssessmentLists.Black], three.Select(r => r.List));
    }

    [Fact]
    public void Without_a_committee_the_other_weights_are_scaled_up_in_proportion()
    {
        var weights = new ScoreFormula.Weights(30, 25, 15, 15, 15);
        var result = ScoreFormula.Compute(new(70, null, 75, 72, 74), weights, 0, 2, 20, 0);
        // 30/75, 15/75 ×3 = 0.4, 0.2, 0.2, 0.2: 28 + 15 + 14.4 + 14.8 = 72.2
        Assert.Equal(0.4m, result.Used.Owners);
        Assert.Equal(0m, result.Used.Committee);
        Assert.Equal(0.2m, result.Used.Bureau);
        Assert.Equal(72.2m, result.Weighted);

        // Percentages or fractions: the same weights.
        var fractions = ScoreFormula.Compute(new(70, null, 75, 72, 74), new(0.30m, 0.25m, 0.15m, 0.15m, 0.15m), 0, 2, 20, 0);
        Assert.Equal(result.Composite, fractions.Composite);
    }

    [Fact]
    public void Complaints_deduct_up_to_the_cap_and_the_composite_stays_within_0_and_100()
    {
        var inputs = new ScoreFormula.Inputs(80, 80, 80, 80, 80);
        var weights = new ScoreFormula.Weights(30, 25, 15, 15, 15);
        Assert.Equal(74m, ScoreFormula.Compute(inputs, weights, 3, 2, 20, 0).Composite);      // 80 − 3×2
        var capped = ScoreFormula.Compute(inputs, weights, 50, 2, 20, 0);                       // 100 points, capped at 20
        Assert.Equal(20m, capped.Deduction);
        Assert.Equal(60m, capped.Composite);
        Assert.Equal(100m, ScoreFormula.Compute(new(100, 100, 100, 100, 100), weights, 0, 2, 20, 5).Composite);
        Assert.Equal(0m, ScoreFormula.Compute(new(5, 5, 5, 5, 5), weights, 10, 2, 20, -10).Composite);
        Assert.Throws<ArgumentException>(() => ScoreFormula.Compute(inputs, new(-1, 25, 15, 15, 15), 0, 2, 20, 0));
    }

    [Theory]
    [InlineData(false, null, null, null, true, "0")]                      // filed, not accepted (yet): does not count
    [InlineData(false, "rejected", "none", null, true, "0")]              // 不予受理 (not property-related, duplicate)
    [InlineData(false, "referred", "none", null, true, "0")]              // 移送执法
    [InlineData(true, null, null, null, true, "1")]                       // accepted, still open
    [InlineData(true, null, null, null, false, "1.5")]                    // open, the firm already late
    [InlineData(true, "resolved", "satisfied", null, true, "0.5")]        // 满意 (also 默认满意)
    [InlineData(true, "resolved", "basically-satisfied", null, true, "1")]
    [InlineData(true, "resolved", "satisfied", null, false, "0.75")]      // satisfied, but handled late
    [InlineData(true, "ruled", "dissatisfied", "firm-failed", true, "1.5")]
    [InlineData(true, "ruled", "dissatisfied", "firm-fulfilled", true, "1")] // the street found the firm did its duty
    [InlineData(true, "unresolved", "none", null, false, "2.25")]
    public void A_complaint_weighs_by_acceptance_satisfaction_and_timeliness(bool accepted, string? outcome, string? satisfaction, string? ruling, bool onTime, string expected)
    {
        var weights = new ComplaintWeights(Satisfied: 0.5m, BasicallySatisfied: 1m, Dissatisfied: 1.5m, Open: 1m, LateFactor: 1.5m);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), weights.Of(new(accepted, outcome, satisfaction, ruling, onTime)));
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00+08:00", "2026Q1", "2025Q4")]
    [InlineData("2025-12-31T23:59:59+08:00", "2025Q4", "2025Q3")]
    [InlineData("2026-03-31T16:30:00+00:00", "2026Q2", "2026Q1")] // 2026-04-01 00:30 in Jiangyin
    [InlineData("2026-10-08T09:00:00+08:00", "2026Q4", "2026Q3")]
    public void Quarters_are_counted_in_China_Standard_Time(string moment, string quarter, string previous)
    {
        var q = Quarter.Of(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(quarter, q.ToString());
        Assert.Equal(previous, q.Previous.ToString());
        Assert.Equal(new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc), Quarter.Parse("2026Q1").StartUtc);
        Assert.Equal(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), Quarter.Parse("2026Q1").EndUtc);
        Assert.False(Quarter.TryParse("2026Q5", out _));
    }
}
