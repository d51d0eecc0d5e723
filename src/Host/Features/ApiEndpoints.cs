using Anju.Host.Features.Auth;
using Anju.Host.Features.Tasks;

namespace Anju.Host.Features;

/// <summary>Every area of the API, one route group each; every route needs a signed-in user unless it says otherwise.</summary>
public static class ApiEndpoints
{
    public static RouteGroupBuilder MapAnjuApi(this RouteGroupBuilder api)
    {
        api.RequireAuthorization();
        api.MapAuth();
        api.MapTasks();
        return api;
    }
}
