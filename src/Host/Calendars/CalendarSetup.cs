using Anju.Host.Seeding;

namespace Anju.Host.Calendars;

/// <summary>The working-day calendar: its settings, the store the engine reads, its refresher and its seed.</summary>
public static class CalendarSetup
{
    public static WebApplicationBuilder AddAnjuCalendar(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(CalendarOptions.From(builder.Configuration));
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddHostedService<CalendarRefresher>();
        builder.Services.AddSingleton<ISeedContributor, CalendarSeed>();
        return builder;
    }
}
