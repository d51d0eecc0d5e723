using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Repair;

/// <summary>
/// POST /api/incidents/bulk/retry (administrators): retries the given incidents, or every open incident of the given
/// instances, with one reason; each retry is its own command. Answers a result per given id: not ok with
/// "repair.failedAgain" and the new message when the element failed again.
/// </summary>
public static class BulkRetry
{
    public sealed record Request(IReadOnlyList<Guid>? IncidentIds, IReadOnlyList<Guid>? InstanceIds, string? Reason);

    public static async Task<Results<Ok<BulkResponse>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        var reason = RepairReason.Read(context, request.Reason, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        var byInstance = request.IncidentIds is not { Count: > 0 };
        var field = byInstance ? "instanceIds" : "incidentIds";
        if (RepairReason.CheckIds(context, field, byInstance ? request.InstanceIds : request.IncidentIds) is { } badIds)
        {
            return badIds;
        }

        var actor = CurrentUser.From(context).Username;
        var results = new List<BulkResult>();
        foreach (var id in (byInstance ? request.InstanceIds! : request.IncidentIds!).Distinct())
        {
            List<Guid> incidents;
            await using (var db = storage.CreateContext())
            {
                incidents = byInstance
                    ? await db.Incidents.AsNoTracking().Where(i => i.InstanceId == id).OrderBy(i => i.CreatedAt).Select(i => i.Id).ToListAsync(cancellationToken)
                    : [id];
            }

            if (incidents.Count == 0)
            {
                results.Add(BulkResult.Failed(context, id, await ExistsAsync(storage, id, cancellationToken) ? "repair.noIncident" : "notFound"));
                continue;
            }

            BulkResult? failure = null;
            foreach (var incident in incidents)
            {
                failure ??= await RetryAsync(context, engine, storage, id, incident, reason!, actor, cancellationToken);
            }

            results.Add(failure ?? new BulkResult(id, true));
        }

        return TypedResults.Ok(new BulkResponse(results));
    }

    /// <summary>Retries one incident; null when it went on, else the result for <paramref name="resultId"/>.</summary>
    private static async Task<BulkResult?> RetryAsync(
        HttpContext context, WorkflowEngine engine, WorkflowStorage storage, Guid resultId, Guid incidentId, string reason, string actor, CancellationToken cancellationToken)
    {
        IncidentRow? before;
        await using (var db = storage.CreateContext())
        {
            before = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        }

        if (before is null)
        {
            return BulkResult.Failed(context, resultId, "notFound");
        }

        try
        {
            await engine.RetryIncidentAsync(incidentId, actor, reason, cancellationToken);
        }
        catch (WorkflowException error)
        {
            return FromError(context, resultId, error);
        }

        await using var after = storage.CreateContext();
        var again = await after.Incidents.AsNoTracking()
            .Where(i => i.InstanceId == before.InstanceId && i.ActivityId == before.ActivityId)
            .Select(i => i.Message).FirstOrDefaultAsync(cancellationToken);
        return again is null ? null : BulkResult.Failed(context, resultId, "repair.failedAgain", again);
    }

    private static async Task<bool> ExistsAsync(WorkflowStorage storage, Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        return await db.Instances.AsNoTracking().AnyAsync(i => i.Id == instanceId, cancellationToken);
    }

    /// <summary>An engine refusal as one bulk result (code as the single routes would answer).</summary>
    internal static BulkResult FromError(HttpContext context, Guid id, WorkflowException error) =>
        BulkResult.Failed(context, id, EngineErrors.Of(error).Code, EngineErrors.Arguments(error));
}
