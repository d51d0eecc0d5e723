using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Closes ballots and resumes the processes waiting for them. Closing is one conditional update (open → closed)
/// in the same transaction as the tally, so that of two hosts, or of the deadline scan and the last vote, exactly
/// one closes a ballot; votes raise the ballot's counter with the same kind of update, so a vote either lands
/// before the close (and is counted) or is refused. Resuming happens after that commit and is repeated by the scan
/// until it is done, so a crash in between only delays it.
/// </summary>
public sealed partial class BallotCloser(IServiceScopeFactory scopes, WorkflowEngine engine, ILogger<BallotCloser> logger)
{
    public const string BecauseDeadline = "deadline";
    public const string BecauseAllVoted = "allVoted";

    /// <summary>How long after closing the scan takes over a resume that has not been recorded.</summary>
    public static readonly TimeSpan ResumeGrace = TimeSpan.FromSeconds(30);

    /// <summary>Closes every open ballot due at <paramref name="now"/> and retries resumes left undone; returns how many it closed.</summary>
    public async Task<int> CloseDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = now.UtcDateTime;
        List<Guid> due, pending;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            due = await db.Set<Ballot>().AsNoTracking().Where(b => b.Status == Ballot.Open && b.ClosesAt <= at)
                .OrderBy(b => b.ClosesAt).Select(b => b.Id).Take(100).ToListAsync(cancellationToken);
            var settled = at - ResumeGrace;
            pending = await db.Set<Ballot>().AsNoTracking().Where(b => b.Status == Ballot.Closed && b.ResumedAt == null && b.ClosedAt <= settled)
                .OrderBy(b => b.ClosedAt).Select(b => b.Id).Take(100).ToListAsync(cancellationToken);
        }

        var closed = 0;
        foreach (var id in due)
        {
            if (await CloseAsync(id, BecauseDeadline, now, cancellationToken))
            {
                closed++;
            }
        }

        foreach (var id in pending)
        {
            await ResumeAsync(id, now, cancellationToken);
        }

        return closed;
    }

    /// <summary>Closes the ballot if it is still open, then resumes its process; false when it was not open.</summary>
    public async Task<bool> CloseAsync(Guid ballotId, string because, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = now.UtcDateTime;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<Ballot>().Where(b => b.Id == ballotId && b.Status == Ballot.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, Ballot.Closed)
                    .SetProperty(b => b.ClosedAt, (DateTime?)at)
                    .SetProperty(b => b.ClosedBecause, because), cancellationToken);
            if (claimed == 0)
            {
                return false;
            }

            var tally = await TallyAsync(db, ballotId, because, cancellationToken);
            var result = tally.ToJsonString();
            await db.Set<Ballot>().Where(b => b.Id == ballotId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Result, result), cancellationToken);

            // Told in the closing transaction, which exactly one closer commits: a result is announced once.
            var ballot = await db.Set<Ballot>().AsNoTracking().Where(b => b.Id == ballotId).Select(b => new { b.Title, b.InstanceId }).FirstAsync(cancellationToken);
            await ElectorNotices.ToElectorsAsync(
                db, ballotId, OwnerNotifications.BallotResult, $"投票结果已公布：{ballot.Title}", ResultText(tally), ballot.InstanceId, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogClosed(logger, ballotId, because);
        await ResumeAsync(ballotId, now, cancellationToken);
        return true;
    }

    /// <summary>
    /// Delivers the result to the waiting instance (message to that instance only) and records it. An instance
    /// that ended, or moved on to another ballot, is not resumed; one that already has this ballot's result was
    /// resumed by another host.
    /// </summary>
    public async Task ResumeAsync(Guid ballotId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var ballot = await db.Set<Ballot>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
        if (ballot is not { Status: Ballot.Closed, ResumedAt: null, Result: not null })
        {
            return;
        }

        var result = JsonNode.Parse(ballot.Result)!.AsObject();
        var instance = await engine.GetInstanceAsync(ballot.InstanceId, cancellationToken);
        string? note = null;
        if (instance is null || instance.Status is not ("active" or "incident"))
        {
            note = "instance not active";
        }
        else if (!IsCurrentBallot(instance.Variables, "ballotId", ballotId))
        {
            note = "instance waits for another ballot";
        }
        else
        {
            try
            {
                await engine.CorrelateMessageAsync(new CorrelateMessage
                {
                    MessageName = ballot.MessageName,
                    InstanceId = ballot.InstanceId,
                    Variables = new Dictionary<string, JsonNode?>
                    {
                        ["ballotResult"] = result.DeepClone(),
                        ["ballotApproved"] = result["approved"]!.GetValue<bool>(),
                        ["ballotQuorum"] = result["quorum"]!.GetValue<bool>(),
                    },
                    Actor = "voting",
                }, cancellationToken);
                note = "resumed";
            }
            catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
            {
                var again = await engine.GetInstanceAsync(ballot.InstanceId, cancellationToken);
                if (again?.Variables["ballotResult"]?["ballotId"]?.GetValue<string>() == ballotId.ToString())
                {
                    note = "resumed by another host";
                }
                else
                {
                    LogNotWaiting(logger, ballotId, ballot.InstanceId, ballot.MessageName);
                    return;
                }
            }
            catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.Conflict)
            {
                return; // another command changed the instance meanwhile; the scan tries again
            }
        }

        await db.Set<Ballot>().Where(b => b.Id == ballotId && b.ResumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ResumedAt, (DateTime?)now.UtcDateTime).SetProperty(b => b.ResumeNote, note), cancellationToken);
    }

    /// <summary>The result in one plain sentence for the owners.</summary>
    private static string ResultText(JsonObject tally) =>
        !tally["quorum"]!.GetValue<bool>() ? "参与投票的业主未达到法定人数，表决未通过。"
        : tally["approved"]!.GetValue<bool>() ? "表决通过。"
        : "表决未通过。";

    private static bool IsCurrentBallot(JsonObject variables, string name, Guid ballotId) =>
        variables[name] is JsonValue value && value.TryGetValue<string>(out var id) && id == ballotId.ToString();

    /// <summary>The result as the process receives it in ballotResult.</summary>
    private static async Task<JsonObject> TallyAsync(HostDbContext db, Guid ballotId, string because, CancellationToken cancellationToken)
    {
        var ballot = await db.Set<Ballot>().AsNoTracking().FirstAsync(b => b.Id == ballotId, cancellationToken);
        var questions = BallotQuestion.Deserialize(ballot.Questions);
        var electors = await db.Set<BallotElector>().AsNoTracking().Where(e => e.BallotId == ballotId)
            .Select(e => new BallotTally.Elector(e.Owner, e.Area)).ToListAsync(cancellationToken);
        var votes = (await db.Set<BallotVote>().AsNoTracking().Where(v => v.BallotId == ballotId).ToListAsync(cancellationToken))
            .Select(v => new BallotTally.Vote(v.Owner, JsonSerializer.Deserialize<Dictionary<string, Answer>>(v.Answers, BallotQuestion.Json)!))
            .ToList();
        var tally = BallotTally.Count(electors, [.. questions.Select(q => new BallotTally.Question(q.Id, q.Matter))], votes);
        return new JsonObject
        {
            ["ballotId"] = ballotId.ToString(),
            ["closedBecause"] = because,
            ["eligibleArea"] = tally.EligibleArea,
            ["eligibleHeadcount"] = tally.EligibleHeadcount,
            ["turnoutArea"] = tally.TurnoutArea,
            ["turnoutHeadcount"] = tally.TurnoutHeadcount,
            ["quorum"] = tally.Quorum,
            ["approved"] = tally.Approved,
            ["questions"] = new JsonArray([.. tally.Questions.Select(q => (JsonNode)new JsonObject
            {
                ["id"] = q.Id,
                ["matter"] = q.Matter == Matter.Major ? "major" : "ordinary",
                ["approved"] = q.Approved,
                ["agreeArea"] = q.AgreeArea,
                ["agreeHeadcount"] = q.AgreeHeadcount,
                ["disagreeArea"] = q.DisagreeArea,
                ["disagreeHeadcount"] = q.DisagreeHeadcount,
                ["abstainArea"] = q.AbstainArea,
                ["abstainHeadcount"] = q.AbstainHeadcount,
            })]),
        };
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Ballot {BallotId} closed ({Because})")]
    private static partial void LogClosed(ILogger logger, Guid ballotId, string because);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Ballot {BallotId} is closed but instance {InstanceId} does not wait for message {MessageName}; retrying later")]
    private static partial void LogNotWaiting(ILogger logger, Guid ballotId, Guid instanceId, string messageName);
}
