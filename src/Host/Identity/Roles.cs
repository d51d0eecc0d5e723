using Anju.Host.Reference;

namespace Anju.Host.Identity;

/// <summary>The roles of docs/procedures.md. A task's candidate groups name these roles.</summary>
public static class Roles
{
    public const string Owner = "owner";
    public const string PropertyFirm = "property-firm";
    public const string OwnersCommittee = "owners-committee";
    public const string Community = "community";
    public const string StreetOffice = "street-office";
    public const string EnforcementStation = "enforcement-station";
    public const string Department = "department";
    public const string HousingBureau = "housing-bureau";
    public const string Admin = "admin";

    /// <summary>Outside systems that do external tasks (a firm's or a department's own software).</summary>
    public const string Worker = "worker";

    public static readonly IReadOnlyList<string> All =
        [Owner, PropertyFirm, OwnersCommittee, Community, StreetOffice, EnforcementStation, Department, HousingBureau, Admin, Worker];

    /// <summary>Roles that supervise: they may list and read instances in their jurisdiction.</summary>
    public static readonly IReadOnlyList<string> Supervisors = [Admin, StreetOffice, HousingBureau, Community, EnforcementStation, Department];
}
