using Anju.Host.Identity;

namespace Anju.Host.Features.Supervision;

/// <summary>The Supervision area: statistics for those who supervise (督办).</summary>
public static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        var supervision = api.MapGroup("/supervision").WithTags("Supervision").RequireAuthorization(Policies.Supervisors);
        supervision.MapGet("/overdue", OverdueStatistics.Handle);
        return api;
    }
}
