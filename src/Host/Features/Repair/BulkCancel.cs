using Anju.Host.Identity;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Repair;

/// <summary>
/// POST /api/instances/bulk/cancel (administrators): cancels several instances with one reason, each in its own
/// command (one failing does not stop the others); answers a result per instance.
/// </summary>
public static class BulkCancel
{
    public sealed record Request(IReadOnlyList<Guid>? InstanceIds, string? Reason);

    public static async Task<Results<Ok<BulkResponse>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, WorkflowEngine engine, Anju.Workflows.Persistence.WorkflowStorage storage, CancellationToken cancellationToken)
    {
        var reason = RepairReason.Read(context, request.Reason, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        if (RepairReason.CheckIds(context, "instanceIds", request.InstanceIds) is { } badIds)
        {
            return badIds;
        }

        var actor = CurrentUser.From(context).Username;
        var results = new List<BulkResult>();
        foreach (var id in request.InstanceIds!.Distinct())
        {
            if (await ModifyInstance.StatusAsync(storage, id, cancellationToken) is { } refused)
            {
                results.Add(BulkResult.Failed(context, id, refused == "repair.instanceNotActive" ? "instanceEnded" : refused));
                continue;
            }

            try
            {
                await engine.CancelAsync(id, reason!, actor, cancellationToken);
                results.Add(new BulkResult(id, true));
            }
            catch (WorkflowException error)
            {
                results.Add(BulkRetry.FromError(context, id, error));
            }
        }

        return TypedResults.Ok(new BulkResponse(results));
    }
}
