using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Migrations;

/// <summary>GET /api/migrations/{batchId} (administrators): a batch's progress and the result per instance so far.</summary>
public static class GetMigration
{
    public sealed record Result(Guid InstanceId, bool Ok, string? Code, string? Message, IReadOnlyList<MigrationProblemView> Problems);

    public sealed record Response(
        Guid BatchId,
        string Status,
        string SourceDefinitionId,
        string TargetDefinitionId,
        string StartedBy,
        DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt,
        string Reason,
        int Total,
        int Done,
        int Succeeded,
        int Failed,
        IReadOnlyList<Result> Results);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Guid batchId, HttpContext context, MigrationBatches batches, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (batches.Find(batchId) is not { } batch)
        {
            return Problem.NotFound(context);
        }

        var completed = batch.Completed; // read before the results, so that "completed" never shows fewer than all
        var results = batch.Results();
        var source = (await engine.GetDefinitionAsync(batch.Plan.SourceDefinitionId, cancellationToken))?.Process;
        var target = (await engine.GetDefinitionAsync(batch.Plan.TargetDefinitionId, cancellationToken))?.Process;
        var english = Messages.IsEnglish(context);
        Result View(MigrationResult r)
        {
            var problems = r.Problems.Select(p => MigrationProblems.View(english, p, source, target)).ToList();
            var message = r.Ok ? null
                : problems.Count > 0 ? string.Join(" ", problems.Select(p => p.Message))
                : r.Code is "invalidState" ? Messages.Text(english, "invalidState", r.Detail)
                : Messages.Text(english, r.Code == "stopped" ? "migration.stopped" : r.Code ?? "internal");
            return new Result(r.InstanceId, r.Ok, r.Code, message, problems);
        }

        return TypedResults.Ok(new Response(
            batch.Id,
            completed ? "completed" : "running",
            batch.Plan.SourceDefinitionId,
            batch.Plan.TargetDefinitionId,
            batch.StartedBy,
            batch.StartedAt,
            batch.EndedAt,
            batch.Reason,
            batch.InstanceIds.Count,
            results.Count,
            results.Count(r => r.Ok),
            results.Count(r => !r.Ok),
            [.. results.Select(View)]));
    }
}
