using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET /api/ballots?status=open|closed: an owner's ballots (those they may vote on), and for staff — auditors
/// (<see cref="BallotAccess.AuditorRoles"/>) and followers (community staff, owners' committees) — the ballots of the
/// compounds in their jurisdiction, open and closed. Newest first, at most 200, each with its turnout so far (persons
/// and area).
/// </summary>
public static class ListBallots
{
    public const int MaxRows = 200;

    public static async Task<IResult> Handle(string? status, HttpContext context, HostDbContext db, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var me = user.Username;
        var asElector = user.HasRole(Roles.Owner)
            ? await db.Set<BallotElector>().AsNoTracking().Where(e => e.Owner == me).Select(e => e.BallotId).ToListAsync(cancellationToken)
            : [];
        var query = db.Set<Ballot>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(b => b.Status == status);
        }

        var staffQuery = BallotAccess.IsStaff(user)
            ? (user.IsAdmin ? query : query.Within(b => b.CompoundPath, user.Jurisdictions))
            : query.Where(_ => false);
        var followed = await staffQuery.OrderByDescending(b => b.OpensAt).Take(MaxRows).ToListAsync(cancellationToken);
        var voted = asElector.Count == 0 ? [] : await query.Where(b => asElector.Contains(b.Id)).OrderByDescending(b => b.OpensAt).Take(MaxRows).ToListAsync(cancellationToken);
        var mine = asElector.Count == 0
            ? []
            : await db.Set<BallotVote>().AsNoTracking().Where(v => v.Owner == me && asElector.Contains(v.BallotId)).ToListAsync(cancellationToken);

        var electorIds = asElector.ToHashSet();
        var ballots = followed.Concat(voted).DistinctBy(b => b.Id).OrderByDescending(b => b.OpensAt).Take(MaxRows).ToList();
        var turnout = await TurnoutAreaAsync(db, [.. ballots.Select(b => b.Id)], cancellationToken);
        var views = ballots
            .Select(b => BallotView.From(
                b,
                directory.Find(b.CompoundPath)?.Name,
                electorIds.Contains(b.Id),
                BallotAccess.MayAudit(user, b.CompoundPath),
                mine.Find(v => v.BallotId == b.Id),
                turnout.GetValueOrDefault(b.Id)))
            .ToList();
        return TypedResults.Ok(views);
    }

    /// <summary>The exclusive area of the owners who have voted so far, per ballot (one grouped query).</summary>
    public static async Task<Dictionary<Guid, decimal>> TurnoutAreaAsync(HostDbContext db, IReadOnlyList<Guid> ballotIds, CancellationToken cancellationToken)
    {
        if (ballotIds.Count == 0)
        {
            return [];
        }

        var rows = await (from v in db.Set<BallotVote>().AsNoTracking()
                          join e in db.Set<BallotElector>().AsNoTracking() on new { v.BallotId, v.Owner } equals new { e.BallotId, e.Owner }
                          where ballotIds.Contains(v.BallotId)
                          select new { v.BallotId, e.Area })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.BallotId).ToDictionary(g => g.Key, g => g.Sum(r => r.Area));
    }
}
