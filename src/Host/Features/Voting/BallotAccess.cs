using Anju.Host.Identity;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Who reaches a ballot: the owners entitled to vote on it, and the officials who may audit it (administrators,
/// the street office and the housing bureau, within their jurisdiction). Everyone else gets 404. Owners never see
/// each other's votes; auditors see them all, and each such read is recorded.
/// </summary>
public static class BallotAccess
{
    public static readonly IReadOnlyList<string> AuditorRoles = [Roles.Admin, Roles.StreetOffice, Roles.HousingBureau];

    public sealed record Reach(Ballot Ballot, bool IsElector, bool IsAuditor);

    public static bool MayAudit(CurrentUser user, string compoundPath) =>
        AuditorRoles.Any(user.HasRole) && user.Reaches(compoundPath);

    /// <summary>The ballot and how the user reaches it; null when it does not exist or is out of reach.</summary>
    public static async Task<Reach?> FindAsync(HostDbContext db, CurrentUser user, Guid ballotId, CancellationToken cancellationToken)
    {
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
        if (ballot is null)
        {
            return null;
        }

        var me = user.Username;
        var isElector = user.HasRole(Roles.Owner)
            && await db.BallotElectors.AnyAsync(e => e.BallotId == ballotId && e.Owner == me, cancellationToken);
        var isAuditor = MayAudit(user, ballot.CompoundPath);
        return isElector || isAuditor ? new Reach(ballot, isElector, isAuditor) : null;
    }
}
