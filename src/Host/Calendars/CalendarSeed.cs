using Anju.Host.Persistence;
using Anju.Host.Seeding;

namespace Anju.Host.Calendars;

/// <summary>The shipped calendar's years the table lacks, added on every start; then the engine reads the table.</summary>
public sealed class CalendarSeed : ISeedContributor
{
    public async Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await CalendarStore.SeedAsync(services.GetRequiredService<HostDbContext>(), cancellationToken);
        await services.GetRequiredService<CalendarStore>().ReloadAsync(cancellationToken: cancellationToken);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
