namespace Anju.Host.Seeding;

/// <summary>
/// The demo accounts share a published password (<see cref="AdminAccount.DemoPassword"/>) that the password policy
/// refuses; they may exist only in Development. Anju:SeedDemoData=true in any other environment stops the Host.
/// </summary>
public static class DemoPasswordGuard
{
    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration.GetValue("Anju:SeedDemoData", false) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Anju:SeedDemoData=true is only allowed in Development (this is '{environment.EnvironmentName}'): the demo accounts' password is published. " +
                "Turn it off, and set Anju:Admin:InitialPassword for the first administrator.");
        }
    }
}
