namespace Anju.Host.Reference;

/// <summary>
/// A residential compound (住宅小区) as the registry knows it. Its path is also its node in the jurisdiction
/// tree (city/street/community/compound); the processes about it run in that jurisdiction.
/// </summary>
public sealed class Compound
{
    public required string Path { get; set; }
    public required string Name { get; set; }

    /// <summary>The community (社区) above it, and the town/street/zone above that.</summary>
    public required string CommunityPath { get; set; }

    public required string StreetPath { get; set; }

    /// <summary>物业服务企业; null when the compound has no property firm (self-managed).</summary>
    public string? PropertyFirm { get; set; }

    /// <summary>项目经理 of the firm for this compound.</summary>
    public string? ProjectManager { get; set; }

    /// <summary>none, owners-committee (业主委员会) or management-committee (物业管理委员会).</summary>
    public string CommitteeStatus { get; set; } = CommitteeStatuses.None;

    /// <summary>Total exclusive floor area, m².</summary>
    public decimal FloorArea { get; set; }

    public int Units { get; set; }

    /// <summary>Share of the floor area delivered to owners (0..1), for committee formation conditions.</summary>
    public decimal DeliveredShare { get; set; } = 1m;

    /// <summary>First delivery to owners, for the "2 years since first delivery" condition.</summary>
    public DateOnly? FirstDeliveredOn { get; set; }
}

public static class CommitteeStatuses
{
    public const string None = "none";
    public const string OwnersCommittee = "owners-committee";
    public const string ManagementCommittee = "management-committee";

    public static readonly IReadOnlyList<string> All = [None, OwnersCommittee, ManagementCommittee];
}

/// <summary>A city department (执法部门 and others) from org.json. Its tasks go to the group dept:&lt;id&gt;.</summary>
public sealed class Department
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }

    public static string GroupOf(string departmentId) => "dept:" + departmentId;
}

/// <summary>One change of reference data: who changed what, from what, to what (JSON snapshots).</summary>
public sealed class RegistryChange
{
    public long Id { get; set; }

    /// <summary>compound, department or violation-category.</summary>
    public required string Entity { get; set; }

    public required string Key { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}
