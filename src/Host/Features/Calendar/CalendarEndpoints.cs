using Anju.Host.Identity;
using Anju.Host.Calendars;
using Anju.Host.Reference;
using System.Globalization;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

namespace Anju.Host.Features.Calendar;

/// <summary>
/// The working-day calendar, administrators only: GET /api/calendar (every year and the next year's status),
/// GET /api/calendar/status (the banner), PUT /api/calendar/years/{year} (enter or correct a year: its holidays and
/// make-up working days with the notice's reference). Every change is recorded in the registry history
/// (entity <c>calendar-year</c>, before and after) and applies to the next deadline or timer computed.
/// </summary>
public static class CalendarEndpoints
{
    /// <summary>Characters of a notice reference.</summary>
    public const int MaxNoticeLength = CalendarYear.MaxNoticeLength;

    /// <summary>Dates in one list (a year has at most 366).</summary>
    public const int MaxDates = 366;

    /// <summary>The years that may be entered.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public sealed record YearView(int Year, IReadOnlyList<string> Holidays, IReadOnlyList<string> Workdays, string Notice, string ChangedBy, DateTimeOffset? ChangedAt)
    {
        public static YearView Of(CalendarYear row) => new(
            row.Year, [.. row.Holidays.Split(',', StringSplitOptions.RemoveEmptyEntries)], [.. row.Workdays.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            row.Notice, row.ChangedBy, row.ChangedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    public sealed record CalendarView(IReadOnlyList<YearView> Years, CalendarStatus Status);

    public sealed record YearRequest(string?[]? Holidays, string?[]? Workdays, string? Notice);

    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar").RequireAuthorization(Policies.Admin);
        calendar.MapGet("", List);
        calendar.MapGet("/status", (CalendarStore store) => TypedResults.Ok(store.Status()));
        calendar.MapPut("/years/{year:int}", Put).AddEndpointFilter<Idempotency>();
        return api;
    }

    public static async Task<Ok<CalendarView>> List(HostDbContext db, CalendarStore store)
    {
        var rows = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync();
        return TypedResults.Ok(new CalendarView([.. rows.Select(YearView.Of)], store.Status()));
    }

    public static async Task<Results<Ok<YearView>, ProblemHttpResult>> Put(
        int year, YearRequest request, HttpContext context, HostDbContext db, CalendarStore store, TimeProvider time)
    {
        var fields = new FieldErrors();
        if (year is < FirstYear or > LastYear)
        {
            fields.Add("year", "field.range", FirstYear, LastYear);
        }

        var notice = fields.RequireText("notice", request.Notice, MaxNoticeLength);
        var holidays = Dates(fields, "holidays", request.Holidays, year);
        var workdays = Dates(fields, "workdays", request.Workdays, year);
        foreach (var both in holidays.Intersect(workdays))
        {
            fields.Add("workdays", "field.calendar.both", Text(both));
        }

        foreach (var weekday in workdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            fields.Add("workdays", "field.calendar.notWeekend", Text(weekday));
        }

        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        var row = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year);
        var before = row is null ? null : YearView.Of(row);
        if (row is null)
        {
            row = new CalendarYear { Year = year, Holidays = "", Workdays = "", Notice = "", ChangedBy = "" };
            db.Set<CalendarYear>().Add(row);
        }

        row.Holidays = CalendarStore.Join(holidays);
        row.Workdays = CalendarStore.Join(workdays);
        row.Notice = notice!;
        row.ChangedBy = Identity.CurrentUser.From(context).Username;
        row.ChangedAt = time.GetUtcNow().UtcDateTime;
        row.Revision++;
        RegistryLog.Record(db, context, time, RegistryLog.CalendarYearEntity, year.ToString(CultureInfo.InvariantCulture), before, YearView.Of(row));
        await db.SaveChangesAsync();
        await store.ReloadAsync();
        return TypedResults.Ok(YearView.Of(row));
    }

    private static HashSet<DateOnly> Dates(FieldErrors fields, string field, string?[]? values, int year)
    {
        var dates = new HashSet<DateOnly>();
        if (values is null)
        {
            return dates;
        }

        if (values.Length > MaxDates)
        {
            fields.Add(field, "field.calendar.tooMany", MaxDates);
            return dates;
        }

        foreach (var value in values)
        {
            if (!DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                fields.Add(field, "field.type.date");
            }
            else if (date.Year != year)
            {
                fields.Add(field, "field.calendar.otherYear", Text(date), year);
            }
            else
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
