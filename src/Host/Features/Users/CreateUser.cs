using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>POST /api/users: a new account with its roles and jurisdictions (stored as paths).</summary>
public static class CreateUser
{
    public sealed record Request(string? Username, string? DisplayName, string? Password, string?[]? Roles, string?[]? Jurisdictions, string? DepartmentId = null);

    public static async Task<Results<Created<UserView>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, UserManager<AnjuUser> users, HostDbContext db, JurisdictionDirectory directory, TimeProvider time)
    {
        var fields = new UserFields(context);
        var username = request.Username?.Trim();
        fields.Username(username);
        fields.DisplayName(request.DisplayName);
        var roles = fields.Roles(request.Roles);
        var jurisdictions = fields.Jurisdictions(request.Jurisdictions, directory);
        var department = roles is null ? null : await fields.Department(request.DepartmentId, roles, db);
        var user = new AnjuUser { UserName = username, DisplayName = request.DisplayName?.Trim() ?? "", DepartmentId = department is { Length: > 0 } ? department : null };
        await fields.Password(request.Password, users, user);
        if (fields.HasErrors)
        {
            return fields.Problem();
        }

        if (await users.FindByNameAsync(username!) is not null)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "userExists", username);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            // Only a concurrent creation of the same name gets here: the fields were checked above.
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Problem.Of(context, StatusCodes.Status409Conflict, "userExists", username)
                : Problem.BadRequest(context, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        if (roles!.Count > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        db.UserJurisdictions.AddRange(jurisdictions!.Select(path => new UserJurisdiction { UserId = user.Id, Path = path }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        var view = await UserView.LoadAsync(db, user, time.GetUtcNow());
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.UserName!)}", view);
    }
}
