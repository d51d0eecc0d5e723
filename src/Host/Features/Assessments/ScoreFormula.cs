namespace Anju.Host.Features.Assessments;

/// <summary>
/// The composite score of a compound for a quarter (definitions/README.md, quarterly-assessment):
/// <list type="number">
/// <item>the weights (extension properties of the BPMN service task, default 30/25/15/15/15) are divided by the
/// sum of the weights of the inputs present, so they may be written as percentages or fractions; a compound
/// without a committee has no committee input and the other four weights are scaled up in proportion
/// (30/15/15/15 of 75 → 40/20/20/20 %);</item>
/// <item>weighted = Σ weight × input, rounded to two decimals (half away from zero);</item>
/// <item>deduction = min(complaints × perComplaint, maxDeduction), complaints being the weighted count of the
/// quarter's accepted complaints (<see cref="ComplaintWeights"/>);</item>
/// <item>composite = weighted − deduction + the bureau's adjustment, kept within 0..100.</item>
/// </list>
/// </summary>
public static class ScoreFormula
{
    public sealed record Inputs(decimal Owners, decimal? Committee, decimal Community, decimal Street, decimal Bureau);

    public sealed record Weights(decimal Owners, decimal Committee, decimal Community, decimal Street, decimal Bureau);

    public sealed record Result(Weights Used, decimal Weighted, decimal Deduction, decimal Composite);

    public static Result Compute(Inputs inputs, Weights weights, decimal complaints, decimal perComplaint, decimal maxDeduction, decimal adjustment)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        if (new[] { weights.Owners, weights.Committee, weights.Community, weights.Street, weights.Bureau }.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        var committee = inputs.Committee is null ? 0m : weights.Committee;
        var total = weights.Owners + committee + weights.Community + weights.Street + weights.Bureau;
        if (total <= 0)
        {
            throw new ArgumentException("The weights of the inputs present add up to zero.", nameof(weights));
        }

        var used = new Weights(weights.Owners / total, committee / total, weights.Community / total, weights.Street / total, weights.Bureau / total);
        var weighted = Round((used.Owners * inputs.Owners)
            + (used.Committee * (inputs.Committee ?? 0m))
            + (used.Community * inputs.Community)
            + (used.Street * inputs.Street)
            + (used.Bureau * inputs.Bureau));
        var deduction = Round(Math.Min(Math.Max(complaints, 0m) * perComplaint, maxDeduction));
        var composite = Math.Clamp(Round(weighted - deduction + adjustment), 0m, 100m);
        return new Result(used, weighted, deduction, composite);
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
