using System.Globalization;
using System.Text.RegularExpressions;
using Anju.Workflows.Calendars;

namespace Anju.Host.Features.Assessments;

/// <summary>A calendar quarter written "2026Q2"; its bounds are midnight China Standard Time.</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    public static Quarter Of(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, WorkingCalendar.ChinaStandardTime);
        return new Quarter(local.Year, ((local.Month - 1) / 3) + 1);
    }

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } match)
        {
            return false;
        }

        quarter = new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0');
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter like 2026Q2.");

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    /// <summary>First instant of the quarter (00:00 China Standard Time on its first day), in UTC.</summary>
    public DateTime StartUtc => Local(new DateTime(Year, ((Number - 1) * 3) + 1, 1));

    /// <summary>First instant after the quarter, in UTC.</summary>
    public DateTime EndUtc => Number == 4 ? new Quarter(Year + 1, 1).StartUtc : new Quarter(Year, Number + 1).StartUtc;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    private static DateTime Local(DateTime date) =>
        new DateTimeOffset(date, WorkingCalendar.ChinaStandardTime.GetUtcOffset(date)).UtcDateTime;

    [GeneratedRegex(@"^(\d{4})Q([1-4])$")]
    private static partial Regex Pattern();
}
