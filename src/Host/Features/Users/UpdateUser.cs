using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Users;

/// <summary>
/// PUT /api/users/{username}: a new display name, roles, jurisdictions or department (departmentId, "" clears it); a member left out stays as it is,
/// a list given replaces the old one. A change of roles, jurisdictions or department ends the user's tokens and cookies at
/// once (see <see cref="CredentialCheck"/>): the user signs in again with the new ones.
/// </summary>
public static class UpdateUser
{
    public sealed record Request(string? DisplayName, string?[]? Roles, string?[]? Jurisdictions, string? DepartmentId = null);

    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> Handle(
        string username, Request request, HttpContext context, UserManager<AnjuUser> users, HostDbContext db,
        JurisdictionDirectory directory, TimeProvider time, CredentialCheck credentials)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            return Problem.NotFound(context);
        }

        var fields = new UserFields(context);
        if (request.DisplayName is not null)
        {
            fields.DisplayName(request.DisplayName);
        }

        var roles = request.Roles is null ? null : fields.Roles(request.Roles);
        var jurisdictions = request.Jurisdictions is null ? null : fields.Jurisdictions(request.Jurisdictions, directory);

        // A department goes with the role department: given, it is checked against the roles the user will have;
        // left out, it is kept while the user stays a department officer and dropped with the role.
        var finalRoles = roles ?? (IReadOnlyList<string>)[.. await users.GetRolesAsync(user)];
        var department = request.DepartmentId is not null
            ? await fields.Department(request.DepartmentId, finalRoles, db)
            : finalRoles.Contains(Roles.Department) ? user.DepartmentId ?? "" : "";
        if (fields.HasErrors)
        {
            return fields.Problem();
        }

        if (roles is not null && !roles.Contains(Roles.Admin) && await LastAdministrator.IsAsync(db, user.Id))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "lastAdmin");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var newDepartment = department is { Length: > 0 } ? department : null;
        var previousDepartment = user.DepartmentId;
        if (request.DisplayName is not null || newDepartment != user.DepartmentId)
        {
            user.DisplayName = request.DisplayName?.Trim() ?? user.DisplayName;
            user.DepartmentId = newDepartment;
            await users.UpdateAsync(user);
        }

        if (roles is not null)
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(roles));
            await users.AddToRolesAsync(user, roles.Except(current));
        }

        if (jurisdictions is not null)
        {
            await db.UserJurisdictions.Where(j => j.UserId == user.Id).ExecuteDeleteAsync();
            db.UserJurisdictions.AddRange(jurisdictions.Select(path => new UserJurisdiction { UserId = user.Id, Path = path }));
            await db.SaveChangesAsync();
        }

        if (roles is not null || jurisdictions is not null || newDepartment != previousDepartment)
        {
            // The user's tokens carry the old roles and jurisdictions: they end now, and the user signs in again.
            await credentials.RevokeAsync(users, user);
        }

        await transaction.CommitAsync();
        credentials.Forget(user.Id);
        return TypedResults.Ok(await UserView.LoadAsync(db, user, time.GetUtcNow()));
    }
}
