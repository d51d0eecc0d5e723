using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Features.Users;

/// <summary>GET /api/users/{username}.</summary>
public static class GetUser
{
    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> Handle(
        string username, HttpContext context, UserManager<AnjuUser> users, HostDbContext db, TimeProvider time)
    {
        var user = await users.FindByNameAsync(username);
        return user is null ? Problem.NotFound(context) : TypedResults.Ok(await UserView.LoadAsync(db, user, time.GetUtcNow()));
    }
}
