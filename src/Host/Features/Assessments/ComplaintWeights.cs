namespace Anju.Host.Features.Assessments;

/// <summary>
/// How much one complaint of the quarter weighs in a compound's deduction (definitions/README.md,
/// quarterly-assessment): only complaints the community accepted count (not rejected, duplicate or referred to
/// enforcement); a closed one weighs by the complainant's satisfaction — satisfied (also 默认满意), basically satisfied,
/// dissatisfied (also closed unresolved) — a street ruling that the firm fulfilled its duty counts as basically
/// satisfied; one still open weighs <see cref="Open"/>; and any of them is multiplied by <see cref="LateFactor"/> when
/// the firm reported after its time limit (P1's <c>handledOnTime</c>). The numbers are extension properties of the BPMN
/// service task, never C#.
/// </summary>
public sealed record ComplaintWeights(decimal Satisfied, decimal BasicallySatisfied, decimal Dissatisfied, decimal Open, decimal LateFactor)
{
    /// <summary>What P1 left on one complaint instance (its process variables), as far as the weight needs it.</summary>
    public sealed record Complaint(bool Accepted, string? Outcome, string? Satisfaction, string? StreetRuling, bool HandledOnTime);

    /// <summary>Neutral weights (every accepted complaint 1): a definition deployed before the weights existed.</summary>
    public static readonly ComplaintWeights Neutral = new(1, 1, 1, 1, 1);

    /// <summary>The weight of one complaint; 0 when it does not count.</summary>
    public decimal Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (!complaint.Accepted || complaint.Outcome is "rejected" or "referred")
        {
            return 0m;
        }

        var weight = complaint.Outcome switch
        {
            null => Open,
            "unresolved" => Dissatisfied,
            "ruled" when complaint.StreetRuling == "firm-fulfilled" => BasicallySatisfied,
            _ => complaint.Satisfaction switch
            {
                "satisfied" => Satisfied,
                "basically-satisfied" => BasicallySatisfied,
                "dissatisfied" => Dissatisfied,
                _ => Open,
            },
        };
        return complaint.HandledOnTime ? weight : weight * LateFactor;
    }
}
