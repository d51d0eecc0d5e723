using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Migrations;

/// <summary>
/// POST /api/migrations (administrators): migrates the given instances under the plan in the background; 202 with
/// the batch id to follow at GET /api/migrations/{batchId}. A plan with problems of its own (unknown or incompatible
/// instructions) is refused at once (400 migrationPlanInvalid); an instance the plan does not fit is reported in its
/// result and left as it was.
/// </summary>
public static class StartMigration
{
    public sealed record Response(Guid BatchId);

    public static async Task<Results<Accepted<Response>, ProblemHttpResult>> Handle(
        MigrationRequest request, HttpContext context, WorkflowEngine engine, MigrationBatches batches, CancellationToken cancellationToken)
    {
        if (request.Validate(context, forBatch: true) is { } invalid)
        {
            return invalid;
        }

        var source = await engine.GetDefinitionAsync(request.SourceDefinitionId!, cancellationToken);
        var target = await engine.GetDefinitionAsync(request.TargetDefinitionId!, cancellationToken);
        if (source is null || target is null)
        {
            return Problem.NotFound(context);
        }

        var (plan, problems) = await engine.PlanMigrationAsync(source.Id, target.Id, request.EngineInstructions(), cancellationToken);
        if (problems.Count > 0)
        {
            var details = Problem.Details(context, StatusCodes.Status400BadRequest, "migrationPlanInvalid");
            var english = Messages.IsEnglish(context);
            details.Extensions["problems"] = problems.Select(p => MigrationProblems.View(english, p, source.Process, target.Process)).ToList();
            return TypedResults.Problem(details);
        }

        var batch = batches.Start(plan, request.InstanceIds!, request.Reason!.Trim(), CurrentUser.From(context).Username);
        return TypedResults.Accepted($"/api/migrations/{batch.Id}", new Response(batch.Id));
    }
}
