namespace Anju.Host.Features.Instances;

public static class InstancesEndpoints
{
    public static RouteGroupBuilder MapInstances(this RouteGroupBuilder api)
    {
        api.MapPost("/definitions/{key}/instances", StartInstance.Handle).AddEndpointFilter<Idempotency>().WithTags("Instances");
        var instances = api.MapGroup("/instances").WithTags("Instances");
        instances.MapGet("/", ListInstances.Handle);
        instances.MapGet("/{id:guid}", GetInstance.Handle);
        instances.MapGet("/{id:guid}/journal", GetJournal.Handle);
        instances.MapPost("/{id:guid}/cancel", CancelInstance.Handle).RequireAuthorization("admin").AddEndpointFilter<Idempotency>();
        return api;
    }
}
