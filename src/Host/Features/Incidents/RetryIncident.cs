using Anju.Host.Identity;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Incidents;

/// <summary>POST /api/incidents/{id}/retry (administrators): runs the failed element again; unknown or resolved → 404.</summary>
public static class RetryIncident
{
    public static async Task<NoContent> Handle(Guid id, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await engine.RetryIncidentAsync(id, CurrentUser.From(context).Username, cancellationToken);
        return TypedResults.NoContent();
    }
}
