using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Jobs;

public static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListJobs.Handle).RequireAuthorization(Policies.Supervisors);
        jobs.MapPost("/{id:guid}/execute", ExecuteJob.Handle).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        return api;
    }
}
