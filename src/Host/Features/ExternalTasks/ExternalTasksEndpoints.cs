using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.ExternalTasks;

/// <summary>Camunda-style external tasks for outside systems (role worker; administrators too).</summary>
public static class ExternalTasksEndpoints
{
    public static RouteGroupBuilder MapExternalTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/external-tasks")
            .RequireAuthorization(Policies.Workers)
            .WithTags("External tasks");
        tasks.MapPost("/fetch-and-lock", FetchAndLock.Handle);
        tasks.MapPost("/{id:guid}/complete", CompleteExternalTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapPost("/{id:guid}/failure", FailExternalTask.Handle).AddEndpointFilter<Idempotency>();
        tasks.MapPost("/{id:guid}/bpmn-error", BpmnErrorExternalTask.Handle).AddEndpointFilter<Idempotency>();
        return api;
    }
}
