using Anju.Host.Identity;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Who reaches a ballot: the owners entitled to vote on it; the officials who may audit it (administrators, the
/// street office and the housing bureau, within their jurisdiction); and, to follow it and read its result, the
/// community staff and the owners' committee of the compound and the compound's owners (<see cref="Reach.IsReader"/>).
/// Everyone else gets 404. Owners never see each other's votes; auditors see them all, and each such read is recorded.
/// </summary>
public static class BallotAccess
{
    public static readonly IReadOnlyList<string> AuditorRoles = [Roles.Admin, Roles.StreetOffice, Roles.HousingBureau];

    /// <summary>Staff who list and follow the ballots of the compounds in their jurisdiction without auditing the votes.</summary>
    public static readonly IReadOnlyList<string> FollowerRoles = [Roles.Community, Roles.OwnersCommittee];

    /// <summary>
    /// How a user reaches a ballot. IsReader: may read the ballot, its counts and its result — an auditor, a follower
    /// (<see cref="FollowerRoles"/>) or an owner whose jurisdiction covers the compound (every owner of the compound is
    /// told the result, whether on the register or not).
    /// </summary>
    public sealed record Reach(Ballot Ballot, bool IsElector, bool IsAuditor, bool IsReader);

    public static bool MayAudit(CurrentUser user, string compoundPath) =>
        AuditorRoles.Any(user.HasRole) && user.Reaches(compoundPath);

    /// <summary>Auditors and followers: the staff who list a compound's ballots.</summary>
    public static bool MayFollow(CurrentUser user, string compoundPath) =>
        (AuditorRoles.Any(user.HasRole) || FollowerRoles.Any(user.HasRole)) && user.Reaches(compoundPath);

    /// <summary>Whether the user lists ballots as staff (auditor or follower), whatever the compound.</summary>
    public static bool IsStaff(CurrentUser user) => AuditorRoles.Any(user.HasRole) || FollowerRoles.Any(user.HasRole);

    /// <summary>The ballot and how the user reaches it; null when it does not exist or is out of reach.</summary>
    public static async Task<Reach?> FindAsync(HostDbContext db, CurrentUser user, Guid ballotId, CancellationToken cancellationToken)
    {
        var ballot = await db.Set<Ballot>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
        if (ballot is null)
        {
            return null;
        }

        var me = user.Username;
        var isElector = user.HasRole(Roles.Owner)
            && await db.Set<BallotElector>().AnyAsync(e => e.BallotId == ballotId && e.Owner == me, cancellationToken);
        var isAuditor = MayAudit(user, ballot.CompoundPath);
        var isReader = isAuditor || MayFollow(user, ballot.CompoundPath) || (user.HasRole(Roles.Owner) && user.Reaches(ballot.CompoundPath));
        return isElector || isReader ? new Reach(ballot, isElector, isAuditor, isReader) : null;
    }
}
