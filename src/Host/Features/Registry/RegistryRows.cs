namespace Anju.Host.Features.Registry;

/// <summary>
/// A violation category (违法行为类别) and the department leading its handling, with any supporting ones
/// (procedures.md, §9 and §23). Reference data that administrators edit; the referral process reads it at run time.
/// </summary>
public sealed class ViolationCategory
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string LeadingDepartment { get; set; }

    /// <summary>Other departments dispatched in parallel, comma-separated ids; empty when none.</summary>
    public string SupportingDepartments { get; set; } = "";

    /// <summary>Urgent categories need officers on site within hours, not a working day.</summary>
    public bool Urgent { get; set; }

    public IReadOnlyList<string> Supporting =>
        SupportingDepartments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
