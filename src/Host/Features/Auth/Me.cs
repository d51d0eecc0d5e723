using Anju.Host.Identity;

namespace Anju.Host.Features.Auth;

/// <summary>GET /api/me: who the caller is.</summary>
public static class Me
{
    public sealed record UserView(string Username, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Jurisdictions)
    {
        public static UserView From(CurrentUser user) => new(user.Username, user.DisplayName, user.Roles, user.Jurisdictions);
    }

    public static UserView Handle(HttpContext context) => UserView.From(CurrentUser.From(context));
}
