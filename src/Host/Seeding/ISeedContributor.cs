namespace Anju.Host.Seeding;

/// <summary>
/// A feature's part of what happens before the Host listens: its reference data on every start, and its share of the
/// demo data (<c>Anju:SeedDemoData=true</c>) after the demo accounts exist. Registered as a singleton per feature;
/// <see cref="Startup"/> calls each in the order registered, within the start-up scope.
/// </summary>
public interface ISeedContributor
{
    /// <summary>Reference data every start needs (idempotent: only what is missing is added).</summary>
    Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Demo data, after the Seeding kernel's demo places and accounts; idempotent too.</summary>
    Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken);
}
