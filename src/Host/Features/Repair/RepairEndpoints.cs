using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Repair;

/// <summary>The administrators' repair tools (issue 16, item 4): modify an instance, edit a variable, bulk cancel and retry.</summary>
public static class RepairEndpoints
{
    public static RouteGroupBuilder MapRepair(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Instances").RequireAuthorization(Policies.Admin);
        instances.MapPost("/{id:guid}/modify", ModifyInstance.Handle).AddEndpointFilter<Idempotency>();
        instances.MapPut("/{id:guid}/variables/{name}", EditVariable.Handle).AddEndpointFilter<Idempotency>();
        instances.MapPost("/bulk/cancel", BulkCancel.Handle).AddEndpointFilter<Idempotency>();
        api.MapGroup("/incidents").WithTags("Incidents").RequireAuthorization(Policies.Admin)
            .MapPost("/bulk/retry", BulkRetry.Handle).AddEndpointFilter<Idempotency>();
        return api;
    }
}
