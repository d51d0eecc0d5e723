using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET /api/ballots?status=open|closed: an owner's ballots (those they may vote on), and for auditors the ballots
/// of the compounds in their jurisdiction. Newest first, at most 200.
/// </summary>
public static class ListBallots
{
    public static async Task<IResult> Handle(string? status, HttpContext context, HostDbContext db, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var me = user.Username;
        var asElector = user.HasRole(Roles.Owner)
            ? await db.BallotElectors.AsNoTracking().Where(e => e.Owner == me).Select(e => e.BallotId).ToListAsync(cancellationToken)
            : [];
        var query = db.Ballots.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(b => b.Status == status);
        }

        var auditorQuery = BallotAccess.AuditorRoles.Any(user.HasRole)
            ? (user.IsAdmin ? query : query.Within(b => b.CompoundPath, user.Jurisdictions))
            : query.Where(_ => false);
        var audited = await auditorQuery.OrderByDescending(b => b.OpensAt).Take(200).ToListAsync(cancellationToken);
        var voted = asElector.Count == 0 ? [] : await query.Where(b => asElector.Contains(b.Id)).OrderByDescending(b => b.OpensAt).Take(200).ToListAsync(cancellationToken);
        var mine = asElector.Count == 0
            ? []
            : await db.BallotVotes.AsNoTracking().Where(v => v.Owner == me && asElector.Contains(v.BallotId)).ToListAsync(cancellationToken);

        var electorIds = asElector.ToHashSet();
        var views = audited.Concat(voted).DistinctBy(b => b.Id).OrderByDescending(b => b.OpensAt).Take(200)
            .Select(b => BallotView.From(
                b,
                directory.Find(b.CompoundPath)?.Name,
                electorIds.Contains(b.Id),
                BallotAccess.MayAudit(user, b.CompoundPath),
                mine.Find(v => v.BallotId == b.Id)))
            .ToList();
        return TypedResults.Ok(views);
    }
}
