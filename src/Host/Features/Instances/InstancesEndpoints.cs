using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Instances;

public static class InstancesEndpoints
{
    public static RouteGroupBuilder MapInstances(this RouteGroupBuilder api)
    {
        api.MapPost("/definitions/{key}/instances", StartInstance.Handle).AddEndpointFilter<Idempotency>()
            .WithMetadata(new StartInstance.Recovery()).WithTags("Instances");
        var instances = api.MapGroup("/instances").WithTags("Instances");
        instances.MapGet("/", ListInstances.Handle);
        instances.MapGet("/counts", CountInstances.Handle);
        instances.MapGet("/{id:guid}", GetInstance.Handle);
        instances.MapGet("/{id:guid}/journal", GetJournal.Handle);
        instances.MapGet("/{id:guid}/attachments", InstanceAttachments.List);

        // Bearer-token API; the console's cookie is SameSite, so no antiforgery token is asked for uploads.
        instances.MapPost("/{id:guid}/attachments", InstanceAttachments.Upload).AddEndpointFilter<Idempotency>().DisableAntiforgery().WithAttachmentBodyLimit();
        instances.MapPost("/{id:guid}/cancel", CancelInstance.Handle).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        return api;
    }
}
