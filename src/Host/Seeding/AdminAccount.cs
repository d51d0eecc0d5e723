using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Seeding;

/// <summary>
/// The roles and the built-in administrator: password from Anju:Admin:InitialPassword (checked by the password policy),
/// else the published demo one, in Development only.
/// </summary>
public static class AdminAccount
{
    public const string DemoPassword = "Anju@2026";

    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var password = configuration["Anju:Admin:InitialPassword"];
        if (!string.IsNullOrEmpty(password))
        {
            // A configured password must pass the password policy (length, not the user name, not a common one).
            await DemoData.EnsureAccountAsync(services, "admin", "系统管理员", password, [Roles.Admin], [Jurisdiction.City]);
            return;
        }

        if (!environment.IsDevelopment())
        {
            return; // outside Development without an initial password: no built-in admin is created
        }

        await DemoData.EnsureUserAsync(services, "admin", "系统管理员", DemoPassword, [Roles.Admin], [Jurisdiction.City]);
    }
}
