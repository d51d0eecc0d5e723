using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET /api/ballots/{id}/votes: who voted what and when, for the street office, the housing bureau and
/// administrators within their jurisdiction (owners, community staff and owners' committees: 403 on a ballot they
/// reach, else 404). The read is
/// recorded first and listed with the earlier ones, so that every look at the votes leaves a trace.
/// </summary>
public static partial class AuditVotes
{
    public sealed record VoteRow(
        string Owner, string? DisplayName, decimal Area, int Units, IReadOnlyDictionary<string, string> Answers, DateTimeOffset CastAt,
        string Channel, string? EnteredBy, string? ProxyName, Guid? ScanId);

    public sealed record AuditRead(string Reader, DateTimeOffset At);

    public sealed record Response(Guid BallotId, string Status, IReadOnlyList<VoteRow> Votes, IReadOnlyList<AuditRead> Reads);

    public static async Task<IResult> Handle(Guid id, HttpContext context, HostDbContext db, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var reach = await BallotAccess.FindAsync(db, user, id, cancellationToken);
        if (reach is null)
        {
            return Problem.NotFound(context);
        }

        if (!reach.IsAuditor)
        {
            return Problem.Forbidden(context);
        }

        db.Set<BallotAuditRead>().Add(new BallotAuditRead { Id = Guid.NewGuid(), BallotId = id, Reader = user.Username, ReadAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        var logger = loggers.CreateLogger(typeof(AuditVotes).FullName!);
        LogAudited(logger, id, user.Username);

        var votes = await db.Set<BallotVote>().AsNoTracking().Where(v => v.BallotId == id).ToListAsync(cancellationToken);
        var electors = await db.Set<BallotElector>().AsNoTracking().Where(e => e.BallotId == id).ToDictionaryAsync(e => e.Owner, cancellationToken);
        var owners = votes.Select(v => v.Owner).ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        var rows = votes.OrderBy(v => v.CastAt).ThenBy(v => v.Owner, StringComparer.Ordinal)
            .Select(v =>
            {
                var elector = electors.GetValueOrDefault(v.Owner);
                var cast = BallotView.Vote(v);
                return new VoteRow(
                    v.Owner, elector?.Name ?? names.GetValueOrDefault(v.Owner), elector?.Area ?? 0, elector?.Units ?? 0, cast.Answers, cast.CastAt,
                    v.Channel, v.EnteredBy, v.ProxyName, v.ScanId);
            })
            .ToList();
        var reads = (await db.Set<BallotAuditRead>().AsNoTracking().Where(r => r.BallotId == id).ToListAsync(cancellationToken))
            .OrderBy(r => r.ReadAt).Select(r => new AuditRead(r.Reader, BallotView.Utc(r.ReadAt))).ToList();
        return TypedResults.Ok(new Response(id, reach.Ballot.Status, rows, reads));
    }

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Votes of ballot {BallotId} read by {Reader} (audit)")]
    private static partial void LogAudited(ILogger logger, Guid ballotId, string reader);
}
