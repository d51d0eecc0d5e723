using System.Text.Json.Nodes;
using Anju.Host.Features.Assessments;
using Anju.Host.Persistence;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Anju.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// <c>computeAssessmentScore</c>: a compound's composite score for the quarter (<see cref="ScoreFormula"/>) from
/// the scores its tasks entered, the weights and complaint deduction given as extension properties, and the
/// <c>complaint-handling</c> instances started in that compound during the quarter (engine table, read in the same
/// transaction), each weighed by <see cref="ComplaintWeights"/> (extension properties <c>cSatisfied</c>,
/// <c>cBasicallySatisfied</c>, <c>cDissatisfied</c>, <c>cOpen</c>, <c>cLateFactor</c>; 1 when absent): only accepted
/// complaints count. Writes (or rewrites) the score row; sets <c>compositeScore</c>, <c>complaintCount</c> (accepted
/// complaints), <c>complaintWeight</c> (their summed weight), <c>complaintDeduction</c>, <c>weightedScore</c>.
/// </summary>
public sealed class ComputeAssessmentScore : IServiceTaskHandler
{
    public const string Name = "computeAssessmentScore";

    /// <summary>The procedure whose instances count as complaints (P1).</summary>
    public const string ComplaintKey = "complaint-handling";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var compound = context.VariableText("compound") ?? context.Jurisdiction
            ?? throw new InvalidOperationException("computeAssessmentScore needs the variable 'compound'.");
        var quarter = Quarter.Parse(context.VariableText("quarter") ?? throw new InvalidOperationException("computeAssessmentScore needs the variable 'quarter'."));
        // lookupCompound sets hasCommittee; without it, a committee score present counts.
        var hasCommittee = context.GetVariable("hasCommittee") is { } flag
            ? flag.GetValueKind() == System.Text.Json.JsonValueKind.True
            : context.GetVariable("committeeScore") is not null;
        var inputs = new ScoreFormula.Inputs(
            Required(context, "ownersScore"),
            hasCommittee ? Required(context, "committeeScore") : null,
            Required(context, "communityScore"),
            Required(context, "streetScore"),
            Required(context, "bureauScore"));
        var weights = new ScoreFormula.Weights(
            context.Number("wOwners"), context.Number("wCommittee"), context.Number("wCommunity"), context.Number("wStreet"), context.Number("wBureau"));
        var perComplaint = context.Number("perComplaint");
        var maxDeduction = context.Number("maxDeduction");
        var adjustment = HandlerValues.ToNumber(context.GetVariable("adjustment")) ?? 0m;
        var reason = context.VariableText("adjustmentReason")?.Trim();
        if (adjustment != 0 && string.IsNullOrEmpty(reason))
        {
            throw new BpmnErrorException("adjustment-reason-missing", "An adjustment of the score needs a reason (调整须说明理由).");
        }

        var complaintWeights = new ComplaintWeights(
            context.Number("cSatisfied", 1m), context.Number("cBasicallySatisfied", 1m), context.Number("cDissatisfied", 1m),
            context.Number("cOpen", 1m), context.Number("cLateFactor", 1m));
        var (complaints, complaintWeight) = await WeighComplaintsAsync(context, compound, quarter, complaintWeights, cancellationToken);
        var result = ScoreFormula.Compute(inputs, weights, complaintWeight, perComplaint, maxDeduction, adjustment);

        await using var db = await context.HostDbAsync(cancellationToken);
        var registry = await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.Path == compound, cancellationToken)
            ?? throw new BpmnErrorException("unknown-compound", $"'{compound}' is not a registered compound.");
        var key = quarter.ToString();
        var row = await db.Set<AssessmentScore>().FirstOrDefaultAsync(s => s.Quarter == key && s.CompoundPath == compound, cancellationToken);
        if (row is null)
        {
            row = new AssessmentScore { Quarter = key, CompoundPath = compound, CompoundName = registry.Name, StreetPath = registry.StreetPath };
            db.Set<AssessmentScore>().Add(row);
        }

        row.CompoundName = registry.Name;
        row.PropertyFirm = registry.PropertyFirm;
        row.StreetPath = registry.StreetPath;
        (row.OwnersScore, row.CommitteeScore, row.CommunityScore, row.StreetScore, row.BureauScore) =
            (inputs.Owners, inputs.Committee, inputs.Community, inputs.Street, inputs.Bureau);
        (row.OwnersWeight, row.CommitteeWeight, row.CommunityWeight, row.StreetWeight, row.BureauWeight) =
            (Weight(result.Used.Owners), Weight(result.Used.Committee), Weight(result.Used.Community), Weight(result.Used.Street), Weight(result.Used.Bureau));
        row.WeightedScore = result.Weighted;
        row.ComplaintCount = complaints;
        row.PerComplaint = perComplaint;
        row.MaxDeduction = maxDeduction;
        row.ComplaintDeduction = result.Deduction;
        row.Adjustment = adjustment;
        row.AdjustmentReason = adjustment == 0 ? null : reason;
        row.AdjustedBy = adjustment == 0 ? null : await ReviewerAsync(context, cancellationToken);
        row.CompositeScore = result.Composite;
        row.InstanceId = context.InstanceId;
        row.ComputedAt = context.Now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        context.SetVariable("weightedScore", result.Weighted);
        context.SetVariable("complaintCount", complaints);
        context.SetVariable("complaintWeight", complaintWeight);
        context.SetVariable("complaintDeduction", result.Deduction);
        context.SetVariable("compositeScore", result.Composite);
    }

    private static decimal Weight(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    private static decimal Required(ServiceTaskContext context, string variable) =>
        HandlerValues.ToNumber(context.GetVariable(variable))
        ?? throw new InvalidOperationException($"computeAssessmentScore needs the numeric variable '{variable}'.");

    /// <summary>
    /// The quarter's complaints in the compound: how many count (accepted) and their summed weight. Each instance's
    /// process variables are read from its stored document (the root scope), as P1 left them.
    /// </summary>
    private static async Task<(int Count, decimal Weight)> WeighComplaintsAsync(
        ServiceTaskContext context, string compound, Quarter quarter, ComplaintWeights weights, CancellationToken cancellationToken)
    {
        await using var db = await WorkflowDbAsync(context, cancellationToken);
        DateTime from = DateTime.SpecifyKind(quarter.StartUtc, DateTimeKind.Utc), to = DateTime.SpecifyKind(quarter.EndUtc, DateTimeKind.Utc);
        var documents = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionKey == ComplaintKey && i.Jurisdiction == compound && i.StartedAt >= from && i.StartedAt < to)
            .Select(i => i.Document)
            .ToListAsync(cancellationToken);
        var count = 0;
        var total = 0m;
        foreach (var document in documents)
        {
            var weight = weights.Of(ComplaintOf(document));
            if (weight > 0)
            {
                count++;
                total += weight;
            }
        }

        return (count, total);
    }

    /// <summary>P1's variables of one complaint instance, from the root scope of its document.</summary>
    internal static ComplaintWeights.Complaint ComplaintOf(string document)
    {
        var variables = JsonNode.Parse(document)?["scopes"]?[0]?["variables"] as JsonObject;
        string? Text(string name) => HandlerValues.AsText(variables?[name]) is { Length: > 0 } text ? text : null;
        var onTime = variables?["handledOnTime"] is not JsonValue flag || flag.GetValueKind() != System.Text.Json.JsonValueKind.False;
        return new ComplaintWeights.Complaint(Text("acceptedAt") is not null, Text("outcome"), Text("satisfaction"), Text("streetRuling"), onTime);
    }

    /// <summary>
    /// Who completed the review task (the property <c>reviewActivity</c> names it): the engine's journal records
    /// the actor of each completion. The service task is asynchronous (asyncBefore), so that completion is
    /// already committed when this runs.
    /// </summary>
    private static async Task<string?> ReviewerAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (context.Text("reviewActivity") is not { Length: > 0 } activity)
        {
            return null;
        }

        await using var db = await WorkflowDbAsync(context, cancellationToken);
        return await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == context.InstanceId && j.Type == "TaskCompleted" && j.ActivityId == activity)
            .OrderByDescending(j => j.Seq)
            .Select(j => j.Actor)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The engine's tables on the command's own connection and transaction.</summary>
    internal static async Task<WorkflowDbContext> WorkflowDbAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var transaction = context.Transaction
            ?? throw new InvalidOperationException("The engine command has no open transaction.");
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The engine's transaction has no connection.");
        WorkflowDbContext db = connection is SqliteConnection sqlite
            ? new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite(sqlite).Options)
            : new PostgresWorkflowDbContext(new DbContextOptionsBuilder<PostgresWorkflowDbContext>().UseNpgsql(connection).Options);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return db;
    }
}
