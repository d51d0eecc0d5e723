using Anju.Host.Procedures;
using Anju.Host.Seeding;

namespace Anju.Host.Features.Registry;

/// <summary>The registry's service tasks (compound lookup, violation routing, committee status) and its reference data.</summary>
public static class RegistrySetup
{
    public static WebApplicationBuilder AddAnjuRegistry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddServiceTaskHandler<LookupCompound>(LookupCompound.Name)
            .AddServiceTaskHandler<RouteViolation>(RouteViolation.Name)
            .AddServiceTaskHandler<SetCommitteeStatus>(SetCommitteeStatus.Name);
        builder.Services.AddSingleton<ISeedContributor, ViolationCategorySeed>();
        return builder;
    }
}
