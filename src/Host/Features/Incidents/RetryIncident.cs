using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Incidents;

/// <summary>
/// POST /api/incidents/{id}/retry (administrators): runs the failed element again, with a reason journaled under the
/// administrator's name (IncidentRetried); unknown or resolved → 404.
/// </summary>
public static class RetryIncident
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        // A retry without a body (as before the reason was required) reaches this handler and is told the reason is
        // missing (400), instead of matching no endpoint (404).
        var (_, given, invalid) = await RepairReason.ReadBodyAsync(context, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var reason = RepairReason.Read(context, given, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        await engine.RetryIncidentAsync(id, CurrentUser.From(context).Username, reason, cancellationToken);
        return TypedResults.NoContent();
    }
}
