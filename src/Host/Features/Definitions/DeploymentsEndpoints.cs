using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Definitions;

public static class DeploymentsEndpoints
{
    public static RouteGroupBuilder MapDeployments(this RouteGroupBuilder api)
    {
        // No Idempotency filter: a deployment is idempotent by content already (identical files → 200, no new
        // version), and the filter could not tell two different uploads under one key apart.
        api.MapPost("/deployments", Deploy.Handle)
            .RequireAuthorization(Policies.Admin)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Deploy.MaxBytes))
            .DisableAntiforgery()
            .WithTags("Deployments");
        return api;
    }
}
