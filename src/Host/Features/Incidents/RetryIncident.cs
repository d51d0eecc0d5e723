using Anju.Host.Features.Repair;
using Anju.Host.Identity;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Incidents;

/// <summary>
/// POST /api/incidents/{id}/retry (administrators): runs the failed element again, with a reason journaled under the
/// administrator's name (IncidentRetried); unknown or resolved → 404.
/// </summary>
public static class RetryIncident
{
    public sealed record Request(string? Reason);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, Request? request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var reason = RepairReason.Read(context, request?.Reason, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        await engine.RetryIncidentAsync(id, CurrentUser.From(context).Username, reason, cancellationToken);
        return TypedResults.NoContent();
    }
}
