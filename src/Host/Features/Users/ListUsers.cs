using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Users;

/// <summary>
/// GET /api/users?role=&amp;jurisdiction=&amp;text=&amp;page=&amp;pageSize=: accounts by user name, one page at a time.
/// <c>jurisdiction</c> (id or path) finds users who hold that node or one below it; <c>text</c> matches the user
/// name or the display name.
/// </summary>
public static class ListUsers
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public sealed record Response(IReadOnlyList<UserView> Items, int Total, int Page, int PageSize);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time,
        string? role = null, string? jurisdiction = null, string? text = null, int? page = null, int? pageSize = null)
    {
        var fields = new UserFields(context);
        if (!string.IsNullOrEmpty(role) && !Roles.All.Contains(role))
        {
            fields.Add("role", "field.role.unknown", role);
        }

        var path = string.IsNullOrEmpty(jurisdiction) ? null : directory.Resolve(jurisdiction);
        if (!string.IsNullOrEmpty(jurisdiction) && path is null)
        {
            fields.Add("jurisdiction", "unknownJurisdiction", jurisdiction);
        }

        if (fields.HasErrors)
        {
            return fields.Problem();
        }

        IQueryable<AnjuUser> query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(role))
        {
            var holders = db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
            query = query.Where(u => holders.Contains(u.Id));
        }

        if (path is not null)
        {
            var holders = db.UserJurisdictions.Within(j => j.Path, [path]).Select(j => j.UserId);
            query = query.Where(u => holders.Contains(u.Id));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var value = text.Trim();
            var lower = value.ToLowerInvariant();
            query = query.Where(u => u.UserName!.Contains(lower) || u.DisplayName.Contains(value));
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync();
        var users = await query.OrderBy(u => u.UserName).Skip((number - 1) * size).Take(size).ToListAsync();
        return TypedResults.Ok(new Response(await UserView.LoadAsync(db, users, time.GetUtcNow()), total, number, size));
    }
}
