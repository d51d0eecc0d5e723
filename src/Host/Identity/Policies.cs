using Microsoft.AspNetCore.Authorization;

namespace Anju.Host.Identity;

/// <summary>
/// The named authorization policies the endpoints require, one per set of roles, so that who may call a route is read
/// in one place (docs/security.md's matrix; tests/Host.Tests/Authorization checks every route against it).
/// </summary>
public static class Policies
{
    /// <summary>Administrators only.</summary>
    public const string Admin = "admin";

    /// <summary><see cref="Roles.Supervisors"/>: the offices that watch cases in their jurisdiction.</summary>
    public const string Supervisors = "supervisors";

    /// <summary>Systems' accounts and administrators (external tasks, message correlation).</summary>
    public const string Workers = "workers";

    /// <summary>Who may read assessment scores: supervisors in their jurisdiction, firms for their own compounds.</summary>
    public const string AssessmentScoreReaders = "assessment-score-readers";

    /// <summary>Who may read property firms' credit records: administrators and the housing bureau.</summary>
    public const string CreditRecordReaders = "credit-record-readers";

    /// <summary>Who may read a compound's owners' register: administrators, street offices, communities.</summary>
    public const string RegisterReaders = "register-readers";

    /// <summary>Who keeps a compound's owners' register (adds, changes, removes units): administrators and street offices.</summary>
    public const string RegisterKeepers = "register-keepers";

    /// <summary>Street offices only (confirming a register that differs from the registry).</summary>
    public const string StreetOffice = "street-office";

    /// <summary>The staff who enter paper votes and proxies: communities and street offices.</summary>
    public const string PaperVoteStaff = "paper-vote-staff";

    /// <summary>Every policy above with its roles.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Admin] = [Roles.Admin],
        [Supervisors] = Roles.Supervisors,
        [Workers] = [Roles.Admin, Roles.Worker],
        [AssessmentScoreReaders] = [Roles.Admin, Roles.HousingBureau, Roles.StreetOffice, Roles.Community, Roles.PropertyFirm],
        [CreditRecordReaders] = [Roles.Admin, Roles.HousingBureau],
        [RegisterReaders] = [Roles.Admin, Roles.StreetOffice, Roles.Community],
        [RegisterKeepers] = [Roles.Admin, Roles.StreetOffice],
        [StreetOffice] = [Roles.StreetOffice],
        [PaperVoteStaff] = [Roles.Community, Roles.StreetOffice],
    };

    /// <summary>Registers every policy: a signed-in user with one of its roles.</summary>
    public static AuthorizationBuilder AddAnjuPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (name, roles) in RolesOf)
        {
            builder.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }
}
