using Anju.Host.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Identity;

/// <summary>
/// ASP.NET Core Identity for accounts (hashed passwords, lockout), bearer tokens for API clients and an
/// HTTP-only cookie for the web console; "Anju" picks whichever the request carries.
/// </summary>
public static class IdentitySetup
{
    public const string Scheme = "Anju";
    public const string CookieName = "anju";

    /// <summary>The longest a token or cookie lives, whatever Anju:TokenLifetimeHours says.</summary>
    public const int MaxTokenLifetimeHours = 12;

    public static WebApplicationBuilder AddAnjuIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var hours = Math.Clamp(builder.Configuration.GetValue("Anju:TokenLifetimeHours", MaxTokenLifetimeHours), 1, MaxTokenLifetimeHours);
        // Keys that protect tokens and cookies. Nodes of a cluster must share them (Anju:KeysDirectory on shared
        // storage) or a token issued by one node is refused by another.
        var keys = builder.Configuration["Anju:KeysDirectory"] is { Length: > 0 } shared
            ? Path.GetFullPath(shared, builder.Environment.ContentRootPath)
            : Path.Combine(Path.GetFullPath(builder.Configuration["Anju:DataDirectory"] ?? "data", builder.Environment.ContentRootPath), "keys");
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Anju");

        services.AddIdentityCore<AnjuUser>(o =>
            {
                o.Password.RequiredLength = 10; // plus Identity/PasswordPolicy.cs: not the user name, not a common password
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddEntityFrameworkStores<HostDbContext>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(hours))
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(hours);
                o.SlidingExpiration = false; // an absolute cap, like the bearer token's

                // An API answers 401/403, it does not redirect to a login page.
                o.Events.OnRedirectToLogin = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddAnjuPolicies();
        services.AddScoped<TokenIssuer>();
        services.AddMemoryCache();
        services.AddSingleton<CredentialCheck>();
        return builder;
    }
}
