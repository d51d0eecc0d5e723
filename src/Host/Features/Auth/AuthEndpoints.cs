namespace Anju.Host.Features.Auth;

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", Login.Handle).AllowAnonymous().WithLoginProtection().WithTags("Auth");
        api.MapPost("/auth/logout", Logout.Handle).AllowAnonymous().WithTags("Auth");
        api.MapGet("/me", Me.Handle).WithTags("Auth");
        return api;
    }
}
