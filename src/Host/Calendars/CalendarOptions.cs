using System.Globalization;

namespace Anju.Host.Calendars;

/// <summary>
/// When a missing next year is announced (configuration section <c>Anju:Calendar</c>, dates as MM-dd in Beijing
/// time): the administrators' banner from <see cref="BannerFrom"/> (default 1 November), /health/ready "degraded"
/// from <see cref="DegradedFrom"/> (default 1 December); and how often a node looks for a change another node made.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Anju:Calendar";

    /// <summary>From this day of the year (MM-dd) a missing next year shows a banner to administrators.</summary>
    public string BannerFrom { get; set; } = "11-01";

    /// <summary>From this day of the year (MM-dd) a missing next year makes /health/ready report "degraded".</summary>
    public string DegradedFrom { get; set; } = "12-01";

    /// <summary>Seconds between a node's checks for calendar changes made on another node (1–3600).</summary>
    public int RefreshSeconds { get; set; } = 30;

    public static CalendarOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<CalendarOptions>() ?? new CalendarOptions();
        _ = DayOf(options.BannerFrom, 2026, nameof(BannerFrom));
        _ = DayOf(options.DegradedFrom, 2026, nameof(DegradedFrom));
        options.RefreshSeconds = Math.Clamp(options.RefreshSeconds, 1, 3600);
        return options;
    }

    /// <summary>The threshold day in <paramref name="year"/>.</summary>
    public static DateOnly DayOf(string monthDay, int year, string name = "threshold") =>
        DateOnly.TryParseExact($"{year:D4}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"Anju:Calendar:{name} '{monthDay}' is not a day of the year written MM-dd (e.g. 11-01).");
}
