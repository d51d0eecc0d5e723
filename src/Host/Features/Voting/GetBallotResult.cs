using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET /api/ballots/{id}/result: once closed, the tally the process was resumed with (turnout by area and
/// headcount, quorum, and per question the agree/disagree/abstain area and headcount). 409 while open.
/// </summary>
public static class GetBallotResult
{
    public static async Task<IResult> Handle(Guid id, HttpContext context, HostDbContext db, CancellationToken cancellationToken)
    {
        var reach = await BallotAccess.FindAsync(db, CurrentUser.From(context), id, cancellationToken);
        if (reach is null)
        {
            return Problem.NotFound(context);
        }

        if (reach.Ballot is not { Status: Ballot.Closed, Result: { } result })
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "ballot.notClosed");
        }

        var body = JsonNode.Parse(result)!.AsObject();
        body["title"] = reach.Ballot.Title;
        body["closedAt"] = reach.Ballot.ClosedAt is { } closed ? BallotView.Utc(closed) : null;
        return TypedResults.Ok(body);
    }
}
