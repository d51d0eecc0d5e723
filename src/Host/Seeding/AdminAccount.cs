using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Seeding;

/// <summary>The roles and the built-in administrator (password from Anju:Admin:InitialPassword, else the demo one in Development).</summary>
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
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment() && !configuration.GetValue("Anju:SeedDemoData", false))
            {
                return; // production without an initial password: no built-in admin is created
            }

            password = DemoPassword;
        }

        await DemoData.EnsureUserAsync(services, "admin", "系统管理员", password, [Roles.Admin], [Jurisdiction.City]);
    }
}
