using System.Text.Json.Nodes;
using System.Text.Json;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// POST /api/ballots/{id}/votes { answers: { questionId: agree|disagree|abstain } }: an owner's one ballot paper,
/// with an answer to every question. 201; a second paper by the same owner → 409; after closing → 409; an
/// unanswered or unknown question or an unknown option → 400 with field errors. The last owner's vote closes the
/// ballot at once and resumes the process.
/// </summary>
public static class CastVote
{
    public sealed record Request(JsonObject? Answers);

    public sealed record Response(Guid BallotId, string Owner, IReadOnlyDictionary<string, string> Answers, DateTimeOffset CastAt);

    public static async Task<IResult> Handle(
        Guid id, Request request, HttpContext context, HostDbContext db, BallotCloser closer, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var reach = await BallotAccess.FindAsync(db, user, id, cancellationToken);
        if (reach is null)
        {
            return Problem.NotFound(context);
        }

        if (!reach.IsElector)
        {
            return Problem.Of(context, StatusCodes.Status403Forbidden, "ballot.notElector");
        }

        var questions = BallotQuestion.Deserialize(reach.Ballot.Questions);
        var errors = new FieldErrors();
        var answers = Read(request.Answers, questions, errors);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var now = time.GetUtcNow();
        if (reach.Ballot.Status != Ballot.Open || now.UtcDateTime >= reach.Ballot.ClosesAt)
        {
            if (reach.Ballot.Status == Ballot.Open)
            {
                await closer.CloseAsync(id, BallotCloser.BecauseDeadline, now, cancellationToken);
            }

            return Problem.Of(context, StatusCodes.Status409Conflict, "ballot.closed");
        }

        var me = user.Username;
        var vote = new BallotVote
        {
            Id = Guid.CreateVersion7(now),
            BallotId = id,
            Owner = me,
            Answers = JsonSerializer.Serialize(answers, BallotQuestion.Json),
            CastAt = now.UtcDateTime,
        };
        if (await RecordAsync(context, db, closer, time, vote, cancellationToken) is { } refused)
        {
            return refused;
        }

        var view = BallotView.Vote(vote);
        return TypedResults.Created($"/api/ballots/{id}", new Response(id, me, view.Answers, view.CastAt));
    }

    /// <summary>
    /// Stores one owner's vote, whichever channel it came by: null when counted, else the 409 problem (closed, or
    /// this owner has voted already: <paramref name="duplicateCode"/>). Closes the ballot once every elector has voted.
    /// </summary>
    internal static async Task<IResult?> RecordAsync(
        HttpContext context, HostDbContext db, BallotCloser closer, TimeProvider time, BallotVote vote, CancellationToken cancellationToken,
        string duplicateCode = "ballot.duplicateVote")
    {
        var id = vote.BallotId;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Counting the vote on the ballot row only while it is open orders this vote against the close: it is
            // either in before the close (and tallied) or refused.
            var counted = await db.Set<Ballot>().Where(b => b.Id == id && b.Status == Ballot.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.VotesCast, b => b.VotesCast + 1), cancellationToken);
            if (counted == 0)
            {
                return Problem.Of(context, StatusCodes.Status409Conflict, "ballot.closed");
            }

            if (await db.Set<BallotVote>().AnyAsync(v => v.BallotId == id && v.Owner == vote.Owner, cancellationToken))
            {
                return Problem.Of(context, StatusCodes.Status409Conflict, duplicateCode);
            }

            db.Set<BallotVote>().Add(vote);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique (ballot, owner) index: the same owner's paper arrived twice at the same moment.
                return Problem.Of(context, StatusCodes.Status409Conflict, duplicateCode);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var progress = await db.Set<Ballot>().AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.VotesCast, b.EligibleHeadcount }).FirstAsync(cancellationToken);
        if (progress.VotesCast >= progress.EligibleHeadcount)
        {
            await closer.CloseAsync(id, BallotCloser.BecauseAllVoted, time.GetUtcNow(), cancellationToken);
        }

        return null;
    }

    /// <summary>Every question answered with a known option, and nothing else.</summary>
    internal static Dictionary<string, Answer> Read(JsonObject? given, IReadOnlyList<BallotQuestion> questions, FieldErrors errors)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (given is null)
        {
            errors.Add("answers", "field.required");
            return answers;
        }

        foreach (var (questionId, value) in given)
        {
            if (!questions.Any(q => q.Id == questionId))
            {
                errors.Add($"answers.{questionId}", "field.vote.unknownQuestion");
            }
        }

        foreach (var question in questions)
        {
            var field = $"answers.{question.Id}";
            if (!given.TryGetPropertyValue(question.Id, out var value) || value is null)
            {
                errors.Add(field, "field.required");
                continue;
            }

            Answer? answer = value is JsonValue v && v.TryGetValue<string>(out var text) ? text switch
            {
                "agree" => Answer.Agree,
                "disagree" => Answer.Disagree,
                "abstain" => Answer.Abstain,
                _ => null,
            } : null;
            if (answer is null)
            {
                errors.Add(field, "field.vote.option");
                continue;
            }

            answers[question.Id] = answer.Value;
        }

        return answers;
    }
}
