using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Requests;

namespace Anju.Host.Features.Users;

/// <summary>
/// User administration (administrators only) and the jurisdiction tree that its forms pick from.
/// </summary>
/// <remarks>
/// Roles and jurisdictions travel in the token as claims issued at login. A change of them, a password reset, a lock
/// or a deletion ends the user's tokens and cookies (Identity/CredentialCheck.cs): at once on this node, within 30 s
/// on another.
/// </remarks>
public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Admin).WithTags("Users");
        users.MapGet("/", ListUsers.Handle);
        users.MapGet("/{username}", GetUser.Handle);
        users.MapPost("/", CreateUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapPut("/{username}", UpdateUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapPost("/{username}/password", ResetPassword.Handle).AddEndpointFilter<Idempotency>();
        users.MapPost("/{username}/unlock", UnlockUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapPost("/{username}/lock", LockUser.Handle).AddEndpointFilter<Idempotency>();
        users.MapDelete("/{username}", DeleteUser.Handle).AddEndpointFilter<Idempotency>();

        // Any signed-in user: every form with a jurisdiction field offers these nodes.
        api.MapGet("/jurisdictions", ListJurisdictions.Handle).WithTags("Users");
        return api;
    }
}
