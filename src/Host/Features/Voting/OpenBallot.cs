using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Host.Jurisdictions;
using Anju.Host.Notices;
using Anju.Host.Procedures;
using Anju.Workflows;
using Anju.Workflows.Calendars;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Service task <c>${openBallot}</c>: opens an owners' vote in the instance's compound and sets
/// <c>ballotId</c>. Each parameter is the task's extension property (camunda:properties, so that the BPMN file
/// holds the numbers) or, when the task has none, a process variable: <c>title</c> / <c>ballotTitle</c>;
/// <c>questions</c> / <c>ballotQuestions</c> ([{ id, text, matter }], as JSON text in a property);
/// <c>days</c> / <c>ballotDays</c> (working days until it closes) or <c>closesAt</c> / <c>ballotClosesAt</c>
/// (ISO 8601); optionally <c>messageName</c> / <c>ballotMessageName</c> (default <c>ballot-closed</c>) and
/// <c>documents</c> / <c>ballotDocuments</c> ([{ title, text }] or [{ title, from: variable }], <see cref="BallotDocument"/>).
/// A question's candidates are <c>candidates</c> (names) or <c>candidatesFrom</c> (the variable holding them). The
/// process then waits for that message, which <see cref="BallotCloser"/> sends when the ballot closes.
/// </summary>
/// <remarks>
/// The ballot row is written on the engine command's own transaction (<see cref="EngineTransaction"/>), so it exists
/// exactly when the process's step past this task is committed: a command that rolls back takes the ballot with
/// it, and no orphan ballot is left to close. Should the task run again while the ballot it opened is still open
/// (a loop back that did not wait for the close), that ballot is reused rather than a second one opened.
/// A modelling mistake (no title, bad questions, no closing time, not a compound) is a technical failure, retried
/// and then an incident; a compound without registered owners is the BPMN error <c>noEligibleOwners</c>. A register
/// whose area or unit count differs from the registry's beyond the tolerance (<see cref="OwnersRegister"/>) is an
/// incident too: the ballot opens on its retry once the register is complete or the street office confirmed it.
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
        var title = HandlerValues.AsText(Parameter(context, "title", "ballotTitle"))?.Trim() is { Length: > 0 and <= 200 } t
            ? t
            : throw new InvalidOperationException("openBallot needs a title (property title or variable ballotTitle) of 1 to 200 characters.");
        var questions = BallotQuestion.Read(WithCandidates(context, Questions(Parameter(context, "questions", "ballotQuestions"))), out var problem)
            ?? throw new InvalidOperationException(problem);
        var documents = BallotDocument.Read(Questions(Parameter(context, "documents", "ballotDocuments")), context.GetVariable, out var documentProblem)
            ?? throw new InvalidOperationException("openBallot: " + documentProblem);
        var closesAt = ClosingTime(context);
        var messageName = HandlerValues.AsText(Parameter(context, "messageName", "ballotMessageName"))?.Trim() is { Length: > 0 } name
            ? name
            : DefaultMessageName;
        await using var db = await context.HostDbAsync(cancellationToken);
        var reopened = await db.Set<Ballot>().AsNoTracking()
            .Where(b => b.InstanceId == context.InstanceId && b.ActivityId == context.ActivityId && b.Status == Ballot.Open)
            .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (reopened is { } existing)
        {
            context.SetVariable("ballotId", existing.ToString());
            return;
        }

        var units = await db.Set<OwnedUnit>().AsNoTracking().Where(u => u.CompoundPath == compound)
            .Select(u => new { u.Owner, u.Area, u.OwnerKind, u.OwnerName }).ToListAsync(cancellationToken);
        var electors = units.GroupBy(u => u.Owner, StringComparer.Ordinal)
            .Select(g => new BallotElector { Owner = g.Key, Area = g.Sum(u => u.Area), Units = g.Count(), Kind = g.First().OwnerKind, Name = g.First().OwnerName })
            .ToList();
        if (electors.Count == 0)
        {
            throw new BpmnErrorException(NoEligibleOwners, $"No owner is registered in {compound}: nobody could vote.");
        }

        // The base of the 2/3 is the whole compound: a register that misses units beyond the tolerance the street
        // office confirmed would count turnout on too small a base.
        var totals = await OwnersRegister.ComputeAsync(
            db, compound, OwnersRegister.DefaultTolerance(services.GetRequiredService<IConfiguration>()), cancellationToken);
        if (!totals.Agrees)
        {
            var register = string.Create(CultureInfo.InvariantCulture, $"{totals.RegisterArea} m², {totals.RegisterUnits} units");
            var registry = string.Create(CultureInfo.InvariantCulture, $"{totals.RegisteredArea} m², {totals.RegisteredUnits} units");
            var differences = string.Create(
                CultureInfo.InvariantCulture,
                $"{totals.AreaDifference:P2} of the area and {totals.UnitDifference:P2} of the units, more than the tolerance {totals.Tolerance:P2}");
            throw new InvalidOperationException(
                $"The owners' register of {compound} ({register}) differs from the registry ({registry}) by {differences}: complete the register, "
                + "or have the street office confirm it (POST /api/compounds/{compound}/register/confirmation), then retry.");
        }

        var ballot = new Ballot
        {
            Id = Guid.CreateVersion7(context.Now),
            CompoundPath = compound,
            Title = title,
            Questions = BallotQuestion.Serialize(questions),
            Documents = BallotDocument.Serialize(documents),
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

        db.Set<Ballot>().Add(ballot);
        db.Set<BallotElector>().AddRange(electors);
        await db.SaveChangesAsync(cancellationToken);
        await ElectorNotices.ToElectorsAsync(
            db, ballot.Id, OwnerNotifications.BallotOpened, $"业主投票已开始：{title}",
            $"请在 {OwnerNotifications.BeijingTime(ballot.ClosesAt)} 前投票。", context.InstanceId, ballot.OpensAt, cancellationToken);
        context.SetVariable("ballotId", ballot.Id.ToString());
    }

    /// <summary>The task's extension property when it has one, else the process variable.</summary>
    private static JsonNode? Parameter(ServiceTaskContext context, string property, string variable) =>
        context.GetProperty(property) ?? context.GetVariable(variable);

    /// <summary>Questions as an array, or as the JSON text of one (how an extension property holds them).</summary>
    private static JsonNode? Questions(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Questions whose candidatesFrom names a variable get that variable's value as their candidates.</summary>
    private static JsonNode? WithCandidates(ServiceTaskContext context, JsonNode? questions)
    {
        if (questions is not JsonArray array || !array.Any(q => q is JsonObject o && o.ContainsKey("candidatesFrom")))
        {
            return questions;
        }

        var copy = array.DeepClone().AsArray();
        foreach (var question in copy.OfType<JsonObject>())
        {
            if (question["candidatesFrom"] is JsonValue from && from.TryGetValue<string>(out var name))
            {
                question.Remove("candidatesFrom");
                question["candidates"] = context.GetVariable(name)?.DeepClone()
                    ?? throw new InvalidOperationException($"openBallot: the candidates of question '{question["id"]}' are read from the variable '{name}', which is not set.");
            }
        }

        return copy;
    }

    /// <summary>days working days from now (China time, the working-day calendar), else closesAt.</summary>
    private DateTimeOffset ClosingTime(ServiceTaskContext context)
    {
        if (Parameter(context, "days", "ballotDays") is { } days)
        {
            var count = HandlerValues.ToNumber(days) is { } n && n == decimal.Truncate(n) && n is >= 1 and <= 365
                ? (int)n
                : throw new InvalidOperationException($"openBallot: days must be a whole number of working days from 1 to 365; it is {days.ToJsonString()}.");
            var calendar = services.GetRequiredService<WorkflowEngine>().Calendar;
            return calendar.AddWorkingDays(context.Now, count, WorkingCalendar.ChinaStandardTime);
        }

        if (HandlerValues.AsText(Parameter(context, "closesAt", "ballotClosesAt")) is { } iso
            && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var closesAt))
        {
            return closesAt > context.Now
                ? closesAt
                : throw new InvalidOperationException($"openBallot: closesAt {iso} is not in the future.");
        }

        throw new InvalidOperationException("openBallot needs days (working days until closing) or closesAt (ISO 8601), as a property or as the variable ballotDays / ballotClosesAt.");
    }
}
