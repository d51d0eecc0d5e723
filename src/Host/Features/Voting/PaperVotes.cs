using System.Text.Json.Nodes;
using System.Text.Json;
using Anju.Host.Attachments;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Votes that do not arrive online (docs/procedures.md, Voting): community and street office staff, within their
/// jurisdiction, upload the scanned paper (POST /api/ballots/{id}/scans, a file kept with the ballot's process) and
/// enter the owner's answers from it (POST /api/ballots/{id}/paper-votes { owner, channel: paper|proxy, proxyName,
/// scanId, answers }). The vote records who entered it, the channel, the proxy and the scan; an owner's vote counts
/// once whichever channel, so a paper for an owner who has voted (online, on paper or by proxy) is 409 ballot.ownerVoted
/// (an online vote after a paper, 409 ballot.duplicateVote). GET /api/ballots/{id}/electors lists the owners entitled
/// to vote, their units as the register lists them now, and whether (and how) each has voted, never what.
/// </summary>
public static partial class PaperVotes
{
    public const int MaxProxyName = 100;

    /// <summary>Who may enter paper and proxy votes.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = Policies.RolesOf[Policies.PaperVoteStaff];

    public sealed record Request(string? Owner, string? Channel, string? ProxyName, Guid? ScanId, JsonObject? Answers);

    public sealed record Response(Guid BallotId, string Owner, string Channel, string? ProxyName, Guid ScanId, string EnteredBy, IReadOnlyDictionary<string, string> Answers, DateTimeOffset CastAt);

    public sealed record ElectorRow(string Owner, string? Name, string Kind, int Units, decimal Area, bool Voted, string? Channel, IReadOnlyList<string> UnitNumbers);

    public static async Task<Results<Created<TaskAttachments.AttachmentView>, ProblemHttpResult>> UploadScan(
        Guid id, IFormFile? file, HttpContext context, HostDbContext db, DataDirectory data, IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (await StaffBallotAsync(db, user, id, cancellationToken) is not { } ballot)
        {
            return Problem.NotFound(context);
        }

        return await TaskAttachments.StoreAsync(context, file, ballot.InstanceId, null, user.Username, db, data, configuration, time, cancellationToken);
    }

    public static async Task<IResult> Enter(
        Guid id, Request request, HttpContext context, HostDbContext db, BallotCloser closer, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (await StaffBallotAsync(db, user, id, cancellationToken) is not { } ballot)
        {
            return Problem.NotFound(context);
        }

        var errors = new FieldErrors();
        var owner = errors.RequireText("owner", request.Owner, 256);
        if (owner is not null && !await db.Set<BallotElector>().AnyAsync(e => e.BallotId == id && e.Owner == owner, cancellationToken))
        {
            errors.Add("owner", "field.vote.notElector");
        }

        var channel = request.Channel?.Trim();
        if (channel is not (VoteChannels.Paper or VoteChannels.Proxy))
        {
            errors.Add("channel", "field.vote.channel");
        }

        string? proxyName = null;
        if (channel == VoteChannels.Proxy)
        {
            proxyName = errors.RequireText("proxyName", request.ProxyName, MaxProxyName);
        }

        if (request.ScanId is not { } scanId)
        {
            errors.Add("scanId", "field.required");
        }
        else if (!await db.Attachments.AnyAsync(a => a.Id == scanId && a.InstanceId == ballot.InstanceId, cancellationToken))
        {
            errors.Add("scanId", "field.vote.scan");
        }

        var questions = BallotQuestion.Deserialize(ballot.Questions);
        var answers = CastVote.Read(request.Answers, questions, errors);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var now = time.GetUtcNow();
        if (ballot.Status != Ballot.Open || now.UtcDateTime >= ballot.ClosesAt)
        {
            if (ballot.Status == Ballot.Open)
            {
                await closer.CloseAsync(id, BallotCloser.BecauseDeadline, now, cancellationToken);
            }

            return Problem.Of(context, StatusCodes.Status409Conflict, "ballot.closed");
        }

        var vote = new BallotVote
        {
            Id = Guid.CreateVersion7(now),
            BallotId = id,
            Owner = owner!,
            Answers = JsonSerializer.Serialize(answers, BallotQuestion.Json),
            CastAt = now.UtcDateTime,
            Channel = channel!,
            EnteredBy = user.Username,
            ProxyName = proxyName,
            ScanId = request.ScanId,
        };
        if (await CastVote.RecordAsync(context, db, closer, time, vote, cancellationToken, duplicateCode: "ballot.ownerVoted") is { } refused)
        {
            return refused;
        }

        var logger = loggers.CreateLogger(typeof(PaperVotes).FullName!);
        LogEntered(logger, vote.Channel, id, vote.Owner, user.Username);
        var view = BallotView.Vote(vote);
        return TypedResults.Created(
            $"/api/ballots/{id}",
            new Response(id, vote.Owner, vote.Channel, vote.ProxyName, vote.ScanId!.Value, user.Username, view.Answers, view.CastAt));
    }

    /// <summary>The electors and whether each voted (and by which channel), for staff entering papers and for auditors.</summary>
    public static async Task<IResult> Electors(Guid id, HttpContext context, HostDbContext db, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var ballot = await StaffBallotAsync(db, user, id, cancellationToken)
            ?? (await BallotAccess.FindAsync(db, user, id, cancellationToken) is { IsAuditor: true } reach ? reach.Ballot : null);
        if (ballot is null)
        {
            return Problem.NotFound(context);
        }

        var electors = await db.Set<BallotElector>().AsNoTracking().Where(e => e.BallotId == id).ToListAsync(cancellationToken);
        var channels = await db.Set<BallotVote>().AsNoTracking().Where(v => v.BallotId == id)
            .ToDictionaryAsync(v => v.Owner, v => v.Channel, cancellationToken);
        var accounts = electors.Where(e => e.Kind == OwnerKinds.Account).Select(e => e.Owner).ToList();
        var names = await db.Users.AsNoTracking().Where(u => accounts.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        var numbers = (await db.Set<OwnedUnit>().AsNoTracking().Where(u => u.CompoundPath == ballot.CompoundPath)
                .Select(u => new { u.Owner, u.Number }).ToListAsync(cancellationToken))
            .GroupBy(u => u.Owner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(u => u.Number).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        var rows = electors
            .Select(e => new ElectorRow(
                e.Owner, e.Name ?? names.GetValueOrDefault(e.Owner), e.Kind, e.Units, e.Area, channels.ContainsKey(e.Owner), channels.GetValueOrDefault(e.Owner),
                numbers.GetValueOrDefault(e.Owner) ?? []))
            .OrderBy(r => r.Name ?? r.Owner, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(rows);
    }

    /// <summary>The ballot, when the user is community or street office staff reaching its compound; else null.</summary>
    private static async Task<Ballot?> StaffBallotAsync(HostDbContext db, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (!StaffRoles.Any(user.HasRole))
        {
            return null;
        }

        var ballot = await db.Set<Ballot>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        return ballot is not null && user.Reaches(ballot.CompoundPath) ? ballot : null;
    }

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "A {Channel} vote on ballot {BallotId} for {Owner} entered by {EnteredBy}")]
    private static partial void LogEntered(ILogger logger, string channel, Guid ballotId, string owner, string enteredBy);
}
