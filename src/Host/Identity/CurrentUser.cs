using System.Security.Claims;
using Anju.Host.Jurisdictions;
using Anju.Host.Reference;

namespace Anju.Host.Identity;

/// <summary>Who is calling, from the token's claims: name, roles and jurisdictions.</summary>
public sealed class CurrentUser
{
    public const string JurisdictionClaim = "anju:jurisdiction";
    public const string DisplayNameClaim = "anju:display_name";
    public const string DepartmentClaim = "anju:department";

    public CurrentUser(ClaimsPrincipal principal)
    {
        Username = principal.Identity?.Name ?? "";
        DisplayName = principal.FindFirstValue(DisplayNameClaim) ?? Username;
        Roles = [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        Jurisdictions = [.. principal.FindAll(JurisdictionClaim).Select(c => c.Value)];
        Department = principal.FindFirstValue(DepartmentClaim);
        Groups = Department is null ? Roles : [.. Roles, "dept:" + Department];
    }

    /// <summary>The department of a department officer (org.json id), else null.</summary>
    public string? Department { get; }

    /// <summary>The candidate groups the user belongs to: the roles, and dept:&lt;id&gt; for a department officer.</summary>
    public IReadOnlyList<string> Groups { get; }

    public string Username { get; }
    public string DisplayName { get; }
    public IReadOnlyList<string> Roles { get; }
    public IReadOnlyList<string> Jurisdictions { get; }

    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>Whether the user may see something at <paramref name="path"/>. Items without a jurisdiction are the administrators'.</summary>
    public bool Reaches(string? path) => IsAdmin || Jurisdiction.CoversAny(Jurisdictions, path);

    public static CurrentUser From(HttpContext context) => new(context.User);
}
