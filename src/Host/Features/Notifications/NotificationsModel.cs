using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Notifications;

/// <summary>The notifications' own tables in the Host's model: watchers' watermarks and public notices.</summary>
public sealed class NotificationsModel : IHostModel
{
    public void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<Watermark>(e =>
        {
            e.ToTable("host_watermarks");
            e.HasKey(x => x.Name);
        });
        builder.Entity<PublicNotice>(e =>
        {
            e.ToTable("host_public_notices");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Jurisdiction);
            e.HasIndex(x => x.InstanceId);
        });
    }
}
