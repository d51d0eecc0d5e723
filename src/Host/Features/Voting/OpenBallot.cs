using System.Globalization;
using System.Text.Json.Nodes;
using Anju.Host.Jurisdictions;
using Anju.Host.Procedures;
using Anju.Workflows;
using Anju.Workflows.Calendars;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Service task <c>${openBallot}</c>: opens an owners' vote in the instance's compound and sets
/// <c>ballotId</c>. In: <c>ballotTitle</c>, <c>ballotQuestions</c> ([{ id, text, matter }]),
/// <c>ballotDays</c> (working days until it closes) or <c>ballotClosesAt</c> (ISO 8601), optionally
/// <c>ballotMessageName</c> (default <c>ballot-closed</c>). The process then waits for that message, which
/// <see cref="BallotCloser"/> sends when the ballot closes.
/// </summary>
/// <remarks>
/// The ballot row is written on the engine command's own transaction (<see cref="EngineTransaction"/>), so it exists
/// exactly when the process's step past this task is committed: a command that rolls back takes the ballot with
/// it, and no orphan ballot is left to close. Should the task run again while the ballot it opened is still open
/// (a loop back that did not wait for the close), that ballot is reused rather than a second one opened.
/// A modelling mistake (no title, bad questions, no closing time, not a compound) is a technical failure, retried
/// and then an incident; a compound without registered owners is the BPMN error <c>noEligibleOwners</c>.
/// </remarks>
public sealed class OpenBallot(IServiceProvider services) : IServiceTaskHandler
{
    public const string Name = "openBallot";
    public const string DefaultMessageName = "ballot-closed";
    public const string NoEligibleOwners = "noEligibleOwners";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var compound = context.Jurisdiction is { } path && services.GetRequiredService<JurisdictionDirectory>().Find(path) is { Kind: "compound" }
            ? path
            : throw new InvalidOperationException($"openBallot needs an instance whose jurisdiction is a residential compound; it is '{context.Jurisdiction}'.");
        var title = context.GetVariable("ballotTitle") is JsonValue t && t.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= 200
            ? s.Trim()
            : throw new InvalidOperationException("openBallot needs the variable ballotTitle (text of 1 to 200 characters).");
        var questions = BallotQuestion.Read(context.GetVariable("ballotQuestions"), out var problem)
            ?? throw new InvalidOperationException(problem);
        var closesAt = ClosingTime(context);
        var messageName = context.GetVariable("ballotMessageName") is JsonValue m && m.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name)
            ? name.Trim()
            : DefaultMessageName;
        await using var db = await context.HostDbAsync(cancellationToken);
        var reopened = await db.Ballots.AsNoTracking()
            .Where(b => b.InstanceId == context.InstanceId && b.ActivityId == context.ActivityId && b.Status == Ballot.Open)
            .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (reopened is { } existing)
        {
            context.SetVariable("ballotId", existing.ToString());
            return;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.CompoundPath == compound)
            .Select(u => new { u.Owner, u.Area }).ToListAsync(cancellationToken);
        var electors = units.GroupBy(u => u.Owner, StringComparer.Ordinal)
            .Select(g => new BallotElector { Owner = g.Key, Area = g.Sum(u => u.Area), Units = g.Count() })
            .ToList();
        if (electors.Count == 0)
        {
            throw new BpmnErrorException(NoEligibleOwners, $"No owner is registered in {compound}: nobody could vote.");
        }

        var ballot = new Ballot
        {
            Id = Guid.CreateVersion7(context.Now),
            CompoundPath = compound,
            Title = title,
            Questions = BallotQuestion.Serialize(questions),
            OpensAt = context.Now.UtcDateTime,
            ClosesAt = closesAt.UtcDateTime,
            Status = Ballot.Open,
            InstanceId = context.InstanceId,
            ActivityId = context.ActivityId,
            MessageName = messageName,
            EligibleHeadcount = electors.Count,
            EligibleArea = electors.Sum(e => e.Area),
        };
        foreach (var elector in electors)
        {
            elector.BallotId = ballot.Id;
        }

        db.Ballots.Add(ballot);
        db.BallotElectors.AddRange(electors);
        await db.SaveChangesAsync(cancellationToken);
        context.SetVariable("ballotId", ballot.Id.ToString());
    }

    /// <summary>ballotDays working days from now (China time, the working-day calendar), else ballotClosesAt.</summary>
    private DateTimeOffset ClosingTime(ServiceTaskContext context)
    {
        if (context.GetVariable("ballotDays") is JsonValue days)
        {
            var count = days.TryGetValue<int>(out var n) ? n
                : days.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : 0;
            if (count is < 1 or > 365)
            {
                throw new InvalidOperationException($"ballotDays must be a whole number of working days from 1 to 365; it is {days.ToJsonString()}.");
            }

            var calendar = services.GetRequiredService<WorkflowEngine>().Calendar;
            return calendar.AddWorkingDays(context.Now, count, WorkingCalendar.ChinaStandardTime);
        }

        if (context.GetVariable("ballotClosesAt") is JsonValue at && at.TryGetValue<string>(out var iso)
            && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var closesAt))
        {
            return closesAt > context.Now
                ? closesAt
                : throw new InvalidOperationException($"ballotClosesAt {iso} is not in the future.");
        }

        throw new InvalidOperationException("openBallot needs ballotDays (working days until closing) or ballotClosesAt (ISO 8601 date and time).");
    }
}
