using System.Collections.Frozen;
using System.Globalization;
using Anju.Host.Persistence;
using Anju.Workflows;
using Anju.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Calendars;

/// <summary>
/// The working-day calendar as stored in the database (<see cref="CalendarYear"/> rows), held in memory as an
/// immutable snapshot the engine counts on. An edit reloads it at once on the node that made it; every node also
/// compares the rows' revision sum every <see cref="CalendarOptions.RefreshSeconds"/> (one tiny query) and reloads
/// when another node changed it. Seeding adds the shipped file's years that the table lacks, never overwriting.
/// </summary>
public sealed class CalendarStore(WorkflowEngine engine, IServiceScopeFactory scopes, TimeProvider time, CalendarOptions options) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private CalendarSnapshot _snapshot = CalendarSnapshot.Of(engine.Calendar, FrozenDictionary<int, DateTime?>.Empty, -1);

    /// <summary>The calendar in force on this node.</summary>
    public CalendarSnapshot Current => Volatile.Read(ref _snapshot);

    public CalendarOptions Options => options;

    public void Dispose() => _reload.Dispose();

    /// <summary>Adds the years of the calendar shipped in the engine that the table does not have yet.</summary>
    public static async Task SeedAsync(HostDbContext db, CancellationToken cancellationToken = default)
    {
        var shipped = WorkingCalendar.LoadEmbedded();
        var present = (await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var year in shipped.Years.Where(y => !present.Contains(y)))
        {
            db.Set<CalendarYear>().Add(new CalendarYear
            {
                Year = year,
                Holidays = Join(shipped.HolidaysOf(year)),
                Workdays = Join(shipped.WorkdaysOf(year)),
                Notice = Truncate(shipped.Source ?? "calendar-cn.json", CalendarYear.MaxNoticeLength),
                ChangedBy = "system",
                Revision = 1,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reads the rows, builds the snapshot and hands it to the engine (when anything changed, or always when forced).</summary>
    public async Task<CalendarSnapshot> ReloadAsync(bool force = true, CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            if (!force)
            {
                var stamp = await db.Set<CalendarYear>().SumAsync(y => y.Revision, cancellationToken);
                if (stamp == Current.Stamp)
                {
                    return Current;
                }
            }

            var rows = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
            var calendar = WorkingCalendar.Create(
                "database (host_calendar_years)",
                rows.Select(r => (r.Year, (IEnumerable<DateOnly>)Split(r.Holidays), (IEnumerable<DateOnly>)Split(r.Workdays))));
            var snapshot = CalendarSnapshot.Of(calendar, rows.ToFrozenDictionary(r => r.Year, r => r.ChangedAt), rows.Sum(r => r.Revision));
            engine.UseCalendar(calendar);
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Whether the banner shows and health degrades now, for the year after today's (Beijing).</summary>
    public CalendarStatus Status()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingCalendar.ChinaStandardTime).DateTime);
        var next = today.Year + 1;
        var present = Current.Calendar.HasDataFor(next);
        var bannerFrom = CalendarOptions.DayOf(options.BannerFrom, today.Year);
        var degradedFrom = CalendarOptions.DayOf(options.DegradedFrom, today.Year);
        return new CalendarStatus(today, next, present, bannerFrom, degradedFrom,
            Banner: !present && today >= bannerFrom,
            Degraded: !present && today >= degradedFrom,
            Years: Current.Calendar.Years);
    }

    internal static string Join(IEnumerable<DateOnly> dates) =>
        string.Join(',', dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    internal static DateOnly[] Split(string dates) =>
        [.. dates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// The calendar in force and when each year was last entered (null: shipped with Anju), to tell whether a task's
/// deadline was counted on data that exists and has not changed since.
/// </summary>
public sealed record CalendarSnapshot(WorkingCalendar Calendar, FrozenDictionary<int, DateTime?> ChangedAt, long Stamp)
{
    public static CalendarSnapshot Of(WorkingCalendar calendar, FrozenDictionary<int, DateTime?> changedAt, long stamp) => new(calendar, changedAt, stamp);

    /// <summary>
    /// A deadline is an estimate when a year between the task's creation and its due date (Beijing dates) has no
    /// holiday data (Monday–Friday was assumed), or its data was entered or changed after the task was created
    /// (the due date was counted on the data of that time and is not recomputed).
    /// </summary>
    public bool IsEstimate(DateTimeOffset createdAt, DateTimeOffset? dueAt)
    {
        if (dueAt is not { } due)
        {
            return false;
        }

        var first = TimeZoneInfo.ConvertTime(createdAt, WorkingCalendar.ChinaStandardTime).Year;
        var last = TimeZoneInfo.ConvertTime(due, WorkingCalendar.ChinaStandardTime).Year;
        var created = createdAt.UtcDateTime;
        for (var year = Math.Min(first, last); year <= Math.Max(first, last); year++)
        {
            if (!ChangedAt.TryGetValue(year, out var changed) || changed > created)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The next year's state: present, or missing with the banner (administrators) and/or health degraded.</summary>
public sealed record CalendarStatus(
    DateOnly Today, int NextYear, bool NextYearPresent, DateOnly BannerFrom, DateOnly DegradedFrom, bool Banner, bool Degraded, IReadOnlyList<int> Years);

/// <summary>Reloads the calendar when another node changed it (see <see cref="CalendarStore"/>).</summary>
public sealed partial class CalendarRefresher(CalendarStore store, ILogger<CalendarRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time on purpose: how often a node polls is not a business time (tests move their own clock).
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(store.Options.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.ReloadAsync(force: false, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRefreshFailed(logger, error);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Could not check the working-day calendar for changes; the previous one stays in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);
}
