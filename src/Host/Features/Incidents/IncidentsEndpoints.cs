using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Incidents;

public static class IncidentsEndpoints
{
    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListIncidents.Handle).RequireAuthorization(Policies.Supervisors);
        incidents.MapPost("/{id:guid}/retry", RetryIncident.Handle).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        return api;
    }
}
