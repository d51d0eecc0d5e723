using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Anju.Workflows.Calendars;

/// <summary>
/// The official working-day calendar of mainland China: public holidays plus the weekend days
/// that are declared working days to compensate (调休). Deadlines such as "3 working days" are
/// counted on it. Years for which no data has been published fall back to Monday–Friday; callers
/// can detect this with <see cref="HasDataFor"/> / <see cref="YearsWithoutData"/> and warn.
/// </summary>
/// <remarks>Immutable and thread-safe: one instance is shared by the whole engine.</remarks>
public sealed class WorkingCalendar
{
    /// <summary>Logical name of the calendar embedded in the engine assembly.</summary>
    public const string EmbeddedResourceName = "Anju.Workflows.Calendars.calendar-cn.json";

    private static readonly Lazy<WorkingCalendar> Embedded = new(LoadEmbeddedCore);
    private static readonly Lazy<TimeZoneInfo> ChinaZone = new(FindChinaStandardTime);

    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _workdays;
    private readonly FrozenSet<int> _years;

    private WorkingCalendar(string? source, FrozenSet<int> years, FrozenSet<DateOnly> holidays, FrozenSet<DateOnly> workdays)
    {
        Source = source;
        _years = years;
        _holidays = holidays;
        _workdays = workdays;
        Years = [.. years.Order()];
    }

    /// <summary>A calendar without any holiday data: every year is plain Monday–Friday.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new(null, FrozenSet<int>.Empty, FrozenSet<DateOnly>.Empty, FrozenSet<DateOnly>.Empty);

    /// <summary>
    /// China Standard Time (UTC+8, no daylight saving since 1991). The IANA zone is preferred so
    /// historical offsets stay right; a fixed UTC+8 zone is used when the host has no tz database
    /// (e.g. slim containers without ICU/tzdata), which is exact for every date the engine handles.
    /// </summary>
    public static TimeZoneInfo ChinaStandardTime => ChinaZone.Value;

    /// <summary>Where the data comes from, as stated in the JSON "source" field.</summary>
    public string? Source { get; }

    /// <summary>The years the calendar has holiday data for, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The calendar embedded in the engine assembly (loaded once, then shared).</summary>
    public static WorkingCalendar LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// Reads a calendar from JSON of the form
    /// <c>{"source": "...", "years": {"2026": {"holidays": ["2026-10-01", ...], "workdays": ["2026-10-10", ...]}}}</c>.
    /// </summary>
    /// <exception cref="FormatException">The JSON is malformed or does not follow that shape; the message says where.</exception>
    public static WorkingCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Working calendar JSON is malformed: {ex.Message}", ex);
        }

        using (document)
        {
            return FromDocument(document.RootElement);
        }
    }

    /// <summary>
    /// A calendar built from data (e.g. the database's years): for each year its public holidays and its declared
    /// make-up working days (调休). Every date must belong to its year and none may be both.
    /// </summary>
    /// <exception cref="FormatException">A date belongs to another year, or is both a holiday and a workday.</exception>
    public static WorkingCalendar Create(string? source, IEnumerable<(int Year, IEnumerable<DateOnly> Holidays, IEnumerable<DateOnly> Workdays)> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var yearSet = new HashSet<int>();
        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        foreach (var (year, yearHolidays, yearWorkdays) in years)
        {
            yearSet.Add(year);
            foreach (var (dates, target, name) in new[] { (yearHolidays, holidays, "holidays"), (yearWorkdays, workdays, "workdays") })
            {
                foreach (var date in dates)
                {
                    if (date.Year != year)
                    {
                        throw new FormatException($"Working calendar year {year}: \"{name}\" entry {date:yyyy-MM-dd} belongs to another year.");
                    }

                    target.Add(date);
                }
            }
        }

        foreach (var date in holidays)
        {
            if (workdays.Contains(date))
            {
                throw new FormatException($"Working calendar date {date:yyyy-MM-dd} is listed both as a holiday and as a workday.");
            }
        }

        return new WorkingCalendar(source, yearSet.ToFrozenSet(), holidays.ToFrozenSet(), workdays.ToFrozenSet());
    }

    /// <summary>The public holidays of <paramref name="year"/>, ascending (empty when the year has no data).</summary>
    public IReadOnlyList<DateOnly> HolidaysOf(int year) => [.. _holidays.Where(d => d.Year == year).Order()];

    /// <summary>The declared make-up working days (调休) of <paramref name="year"/>, ascending.</summary>
    public IReadOnlyList<DateOnly> WorkdaysOf(int year) => [.. _workdays.Where(d => d.Year == year).Order()];

    /// <summary>True when holiday data exists for <paramref name="year"/>; otherwise Monday–Friday is assumed.</summary>
    public bool HasDataFor(int year) => _years.Contains(year);

    /// <summary>
    /// The years between the two dates (inclusive, in either order) that have no holiday data, ascending,
    /// so a caller can warn "year X has no holiday data, Monday–Friday assumed".
    /// </summary>
    public IReadOnlyList<int> YearsWithoutData(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        var missing = new List<int>();
        for (var year = first; year <= last; year++)
        {
            if (!_years.Contains(year))
            {
                missing.Add(year);
            }
        }

        return missing;
    }

    /// <summary>Holiday → not working; declared make-up day → working; otherwise Monday–Friday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return false;
        }

        if (_workdays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>. The start day itself
    /// is not counted (so a task created on a holiday is due relative to the next working days), 0 returns
    /// <paramref name="start"/> unchanged and a negative count goes backwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would fall outside the range of <see cref="DateOnly"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        long remaining = Math.Abs((long)workingDays);
        var current = start;
        while (remaining > 0)
        {
            // Far outside the published years every 7-day window holds exactly 5 working days, so whole
            // weeks are skipped; this keeps huge counts cheap before DateOnly's range check stops them.
            if (remaining > 5 && !HasDataFor(current.Year) && !HasDataFor(current.AddDays(7 * step).Year))
            {
                current = current.AddDays(7 * step);
                remaining -= 5;
                continue;
            }

            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>
    /// Adds working days to an instant, counting days and keeping the time of day as seen in
    /// <paramref name="zone"/> (normally <see cref="ChinaStandardTime"/>): a task due "3 working days after
    /// Wednesday 17:30" is due at 17:30 local time. The result carries the zone's offset.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var date = AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
        var resultLocal = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime), DateTimeKind.Unspecified);
        return new DateTimeOffset(resultLocal, zone.GetUtcOffset(resultLocal));
    }

    private static WorkingCalendar LoadEmbeddedCore()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{EmbeddedResourceName}' is missing from the engine assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static TimeZoneInfo FindChinaStandardTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "(UTC+08:00) China Standard Time", "China Standard Time");
        }
    }

    private static WorkingCalendar FromDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Working calendar JSON must be an object with a \"years\" property.");
        }

        string? source = root.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind == JsonValueKind.String
            ? sourceElement.GetString()
            : null;
        if (!root.TryGetProperty("years", out var yearsElement) || yearsElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Working calendar JSON has no \"years\" object.");
        }

        var years = new HashSet<int>();
        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        foreach (var yearProperty in yearsElement.EnumerateObject())
        {
            if (!int.TryParse(yearProperty.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9999)
            {
                throw new FormatException($"Working calendar year key '{yearProperty.Name}' is not a year.");
            }

            if (yearProperty.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Working calendar year {year} must be an object with \"holidays\" and \"workdays\".");
            }

            years.Add(year);
            ReadDates(yearProperty.Value, year, "holidays", holidays);
            ReadDates(yearProperty.Value, year, "workdays", workdays);
        }

        foreach (var date in holidays)
        {
            if (workdays.Contains(date))
            {
                throw new FormatException($"Working calendar date {date:yyyy-MM-dd} is listed both as a holiday and as a workday.");
            }
        }

        return new WorkingCalendar(source, years.ToFrozenSet(), holidays.ToFrozenSet(), workdays.ToFrozenSet());
    }

    private static void ReadDates(JsonElement yearElement, int year, string propertyName, HashSet<DateOnly> target)
    {
        if (!yearElement.TryGetProperty(propertyName, out var list))
        {
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Working calendar year {year}: \"{propertyName}\" must be an array of dates.");
        }

        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"Working calendar year {year}: \"{propertyName}\" entry {item.GetRawText()} is not a yyyy-MM-dd date.");
            }

            if (date.Year != year)
            {
                throw new FormatException($"Working calendar year {year}: \"{propertyName}\" entry {text} belongs to another year.");
            }

            target.Add(date);
        }
    }
}
