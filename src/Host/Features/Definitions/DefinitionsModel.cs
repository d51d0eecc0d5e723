using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>The definitions' table in the Host's model: file versions an administrator chose not to adopt.</summary>
public sealed class DefinitionsModel : IHostModel
{
    public void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<DefinitionFileIgnore>(e =>
        {
            e.ToTable("host_definition_file_ignores");
            e.HasKey(x => new { x.Key, x.ContentHash });
            e.Property(x => x.Key).HasMaxLength(255);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.IgnoredBy).HasMaxLength(256);
        });
    }
}
