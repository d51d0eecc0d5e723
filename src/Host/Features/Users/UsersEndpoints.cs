namespace Anju.Host.Features.Users;

/// <summary>
/// User administration (administrators only) and the jurisdiction tree that its forms pick from.
/// </summary>
/// <remarks>
/// Roles and jurisdictions travel in the token as claims issued at login, so a change made here takes effect at
/// the user's next login; until then the user's existing tokens and cookie keep the old roles and jurisdictions.
/// Known limitation: a password reset or a deletion does not revoke tokens already issued either; they stay
/// valid until they expire (Anju:TokenLifetimeHours).
/// </remarks>
public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization("admin").WithTags("Users");
        users.MapGet("/", ListUsers.Handle);
        users.MapGet("/{username}", GetUser.Handle);
        users.MapPost("/", CreateUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapPut("/{username}", UpdateUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapPost("/{username}/password", ResetPassword.Handle).AddEndpointFilter<Idempotency>();
        users.MapPost("/{username}/unlock", UnlockUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapDelete("/{username}", DeleteUser.Handle).AddEndpointFilter<Idempotency>();

        // Any signed-in user: every form with a jurisdiction field offers these nodes.
        api.MapGet("/jurisdictions", ListJurisdictions.Handle).WithTags("Users");
        return api;
    }
}
