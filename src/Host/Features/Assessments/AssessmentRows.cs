namespace Anju.Host.Features.Assessments;

/// <summary>
/// One compound's score for one quarter (物业服务项目季度考核得分): the inputs as entered, the weights actually
/// used (after renormalisation when the compound has no committee), the quarter's complaints and their
/// deduction, the housing bureau's adjustment with its reason and who made it, and the composite.
/// </summary>
public sealed class AssessmentScore
{
    /// <summary>"2026Q2".</summary>
    public required string Quarter { get; set; }

    public required string CompoundPath { get; set; }
    public required string CompoundName { get; set; }
    public string? PropertyFirm { get; set; }
    public required string StreetPath { get; set; }

    public decimal OwnersScore { get; set; }

    /// <summary>Null when the compound has no owners' or management committee.</summary>
    public decimal? CommitteeScore { get; set; }

    public decimal CommunityScore { get; set; }
    public decimal StreetScore { get; set; }
    public decimal BureauScore { get; set; }

    /// <summary>Weights used (they sum to 1); the committee's is 0 when it has no score.</summary>
    public decimal OwnersWeight { get; set; }

    public decimal CommitteeWeight { get; set; }
    public decimal CommunityWeight { get; set; }
    public decimal StreetWeight { get; set; }
    public decimal BureauWeight { get; set; }

    /// <summary>Weighted sum of the inputs, before deduction and adjustment.</summary>
    public decimal WeightedScore { get; set; }

    public int ComplaintCount { get; set; }
    public decimal PerComplaint { get; set; }
    public decimal MaxDeduction { get; set; }
    public decimal ComplaintDeduction { get; set; }

    /// <summary>The housing bureau's adjustment (复核调整), points added (negative: taken off).</summary>
    public decimal Adjustment { get; set; }

    public string? AdjustmentReason { get; set; }
    public string? AdjustedBy { get; set; }

    /// <summary>Weighted − deduction + adjustment, kept within 0..100, two decimals.</summary>
    public decimal CompositeScore { get; set; }

    public Guid InstanceId { get; set; }
    public DateTime ComputedAt { get; set; }
}

/// <summary>A compound's place in a published quarterly ranking, and the list it is on (red, black or none).</summary>
public sealed class AssessmentListEntry
{
    public required string Quarter { get; set; }
    public required string CompoundPath { get; set; }
    public required string CompoundName { get; set; }
    public string? PropertyFirm { get; set; }
    public required string StreetPath { get; set; }

    /// <summary>1 = best; tied scores share a rank (1, 2, 2, 4).</summary>
    public int Rank { get; set; }

    public decimal CompositeScore { get; set; }

    /// <summary>red (红榜), black (黑榜) or null (ranked, on neither list).</summary>
    public string? List { get; set; }

    public Guid InstanceId { get; set; }
    public DateTime PublishedAt { get; set; }
}

public static class AssessmentLists
{
    public const string Red = "red";
    public const string Black = "black";
}

/// <summary>A credit record (信用记录, §15) of a property firm, e.g. black-listed in two quarters in a row.</summary>
public sealed class CreditRecord
{
    public Guid Id { get; set; }
    public required string Firm { get; set; }

    /// <summary>black-list-repeated (black-list-twice in records written before the rolling window).</summary>
    public required string Kind { get; set; }

    public required string Quarter { get; set; }
    public required string CompoundPath { get; set; }
    public required string StreetPath { get; set; }
    public required string Reason { get; set; }
    public Guid InstanceId { get; set; }
    public DateTime RecordedAt { get; set; }
}

public static class CreditRecordKinds
{
    /// <summary>Black-listed twice in a row: the rule before issue 17; kept for the records written under it.</summary>
    public const string BlackListTwice = "black-list-twice";

    /// <summary>Black-listed <c>repeatTimes</c> times within <c>repeatWindow</c> quarters (多次列入黑榜).</summary>
    public const string BlackListRepeated = "black-list-repeated";
}
