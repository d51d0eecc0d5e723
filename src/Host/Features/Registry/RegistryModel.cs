using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>The registry's own table in the Host's model: violation categories.</summary>
public sealed class RegistryModel : IHostModel
{
    public void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<ViolationCategory>(e =>
        {
            e.ToTable("host_violation_categories");
            e.HasKey(x => x.Id);
        });
    }
}
