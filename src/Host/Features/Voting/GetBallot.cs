using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>GET /api/ballots/{id}: the questions (with their candidates), the documents, the counts, and the caller's own vote if they cast one.</summary>
public static class GetBallot
{
    public static async Task<IResult> Handle(Guid id, HttpContext context, HostDbContext db, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var reach = await BallotAccess.FindAsync(db, user, id, cancellationToken);
        if (reach is null)
        {
            return Problem.NotFound(context);
        }

        var me = user.Username;
        var mine = reach.IsElector
            ? await db.Set<BallotVote>().AsNoTracking().FirstOrDefaultAsync(v => v.BallotId == id && v.Owner == me, cancellationToken)
            : null;
        var turnout = await ListBallots.TurnoutAreaAsync(db, [id], cancellationToken);
        return TypedResults.Ok(BallotView.From(
            reach.Ballot, directory.Find(reach.Ballot.CompoundPath)?.Name, reach.IsElector, reach.IsAuditor, mine, turnout.GetValueOrDefault(id), withDocuments: true));
    }
}
