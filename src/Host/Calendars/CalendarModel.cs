using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Calendars;

/// <summary>The calendar's table in the Host's model.</summary>
public sealed class CalendarModel : IHostModel
{
    public void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<CalendarYear>(e =>
        {
            e.ToTable("host_calendar_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Holidays).HasMaxLength(4100);
            e.Property(x => x.Workdays).HasMaxLength(4100);
            e.Property(x => x.Notice).HasMaxLength(CalendarYear.MaxNoticeLength);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
        });
    }
}
