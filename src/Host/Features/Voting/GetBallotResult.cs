using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET /api/ballots/{id}/result: once closed, the tally the process was resumed with (turnout by area and
/// headcount, quorum, and per question the agree/disagree/abstain area and headcount), with the ballot's title,
/// compound and closing time and each question's text and art. 278 item, for everyone who reaches the ballot
/// (its electors, the compound's owners and the staff following it). 409 while open.
/// </summary>
public static class GetBallotResult
{
    public static async Task<IResult> Handle(Guid id, HttpContext context, HostDbContext db, JurisdictionDirectory directory, CancellationToken cancellationToken)
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
        body["compoundName"] = directory.Find(reach.Ballot.CompoundPath)?.Name;
        body["closedAt"] = reach.Ballot.ClosedAt is { } closed ? BallotView.Utc(closed) : null;
        var questions = BallotQuestion.Deserialize(reach.Ballot.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
        foreach (var question in (body["questions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (question["id"]?.GetValue<string>() is { } questionId && questions.TryGetValue(questionId, out var asked))
            {
                question["text"] = asked.Text;
                question["item"] = asked.Item;
                question["candidates"] = new JsonArray([.. (asked.Candidates ?? []).Select(c => (JsonNode)JsonValue.Create(c))]);
            }
        }

        return TypedResults.Ok(body);
    }
}
