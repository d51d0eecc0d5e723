using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using Anju.Host.Calendars;
using Anju.Host.Persistence;
using Anju.Workflows;
using Microsoft.Extensions.DependencyInjection;
using static Anju.Definitions.Tests.ProcedureRecords;

namespace Anju.Definitions.Tests;

/// <summary>SQLite, starting Saturday 2026-10-31 23:00 (Beijing): the calendar has 2024–2026, not 2027.</summary>
public sealed class LateOctoberHost() : ProcedureHost(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.FromHours(8)));

/// <summary>PostgreSQL, starting Saturday 2026-10-31 23:00 (Beijing).</summary>
public sealed class LateOctoberPostgresHost() : ProcedureHost(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.FromHours(8)))
{
    protected override bool UsePostgres => true;
}

/// <summary>
/// The working-day calendar as data, administered through the API: the next year's banner from 1 November and
/// /health/ready "degraded" (still 200) from 1 December while it is missing; entering the year (a test-made one:
/// the real 2027 notice is not available) clears both and is recorded in the registry history; only
/// administrators read or change the calendar; a malformed year is refused with the field named.
/// </summary>
public abstract class CalendarAdministrationTests(ProcedureHost host)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>A year made up by the test (New Year's Day Friday to Sunday off, no make-up day).</summary>
    public static readonly object TestYear2027 = new
    {
        holidays = new[] { "2027-01-01", "2027-01-02", "2027-01-03" },
        workdays = Array.Empty<string>(),
        notice = "测试用数据（非国务院通知）",
    };

    [Fact]
    public async Task A_missing_next_year_shows_the_banner_from_November_and_degrades_health_from_December_until_an_administrator_enters_it()
    {
        var admin = await host.As("admin");
        var status = await admin.GetAsync("/api/calendar/status").Expect(HttpStatusCode.OK);
        Assert.Equal(2027, status["nextYear"]!.GetValue<int>());
        Assert.False(status["nextYearPresent"]!.GetValue<bool>());
        Assert.False(status["banner"]!.GetValue<bool>());
        Assert.Equal("ready", (await ReadyAsync())["status"]!.GetValue<string>());

        // 1 November 00:00 Beijing (still 31 October in UTC): the banner, health still plainly ready.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Cst));
        status = await admin.GetAsync("/api/calendar/status").Expect(HttpStatusCode.OK);
        Assert.True(status["banner"]!.GetValue<bool>());
        Assert.False(status["degraded"]!.GetValue<bool>());
        var ready = await ReadyAsync();
        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Empty(ready["warnings"]!.AsArray());

        // 30 November 23:59: not yet degraded; 1 December 00:00: degraded, still 200 (the node serves).
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 23, 59, 0, Cst));
        Assert.Equal("ready", (await ReadyAsync())["status"]!.GetValue<string>());
        await host.AdvanceToAsync(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Cst));
        ready = await ReadyAsync();
        Assert.Equal("degraded", ready["status"]!.GetValue<string>());
        Assert.Equal(["calendar"], ready["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Empty(ready["failed"]!.AsArray());

        // The administrator enters the year: banner and warning are gone, the year is listed with its notice.
        admin = await host.As("admin");
        var saved = await admin.PutAsJsonAsync("/api/calendar/years/2027", TestYear2027).Expect(HttpStatusCode.OK);
        Assert.Equal("admin", saved["changedBy"]!.GetValue<string>());
        status = await admin.GetAsync("/api/calendar/status").Expect(HttpStatusCode.OK);
        Assert.True(status["nextYearPresent"]!.GetValue<bool>());
        Assert.False(status["banner"]!.GetValue<bool>());
        Assert.False(status["degraded"]!.GetValue<bool>());
        Assert.Equal("ready", (await ReadyAsync())["status"]!.GetValue<string>());
        var calendar = await admin.GetAsync("/api/calendar").Expect(HttpStatusCode.OK);
        var years = calendar["years"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()).ToList();
        Assert.Equal([2024, 2025, 2026, 2027], years.Where(y => y < 2030));
        var seeded = calendar["years"]!.AsArray().First(y => y!["year"]!.GetValue<int>() == 2026)!;
        Assert.Equal("system", seeded["changedBy"]!.GetValue<string>());
        Assert.Contains("2026-10-01", seeded["holidays"]!.AsArray().Select(d => d!.GetValue<string>()));

        // A correction (2027-01-04 added) is audited with before and after.
        await admin.PutAsJsonAsync("/api/calendar/years/2027", new
        {
            holidays = new[] { "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04" },
            workdays = Array.Empty<string>(),
            notice = "测试用数据（更正）",
        }).Expect(HttpStatusCode.OK);
        var changes = (await admin.GetAsync("/api/registry/changes?entity=calendar-year&key=2027").Expect(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("admin", c!["changedBy"]!.GetValue<string>()));
        var correction = changes.Single(c => c!["before"] is not null)!;
        Assert.Contains("2027-01-04", correction["after"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2027-01-04", correction["before"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_read_or_change_the_calendar()
    {
        foreach (var username in new[] { "street.chengjiang", "bureau.housing", "community.huangshan", "owner.li" })
        {
            var client = await host.As(username);
            await client.GetAsync("/api/calendar").Expect(HttpStatusCode.Forbidden);
            await client.GetAsync("/api/calendar/status").Expect(HttpStatusCode.Forbidden);
            await client.PutAsJsonAsync("/api/calendar/years/2031", TestYear2027).Expect(HttpStatusCode.Forbidden);
        }

        await host.CreateClient().GetAsync("/api/calendar").Expect(HttpStatusCode.Unauthorized);
        var admin = await host.As("admin");
        var calendar = await admin.GetAsync("/api/calendar").Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(calendar["years"]!.AsArray(), y => y!["year"]!.GetValue<int>() == 2031);
    }

    [Fact]
    public async Task A_malformed_year_is_refused_naming_the_field_and_changes_nothing()
    {
        var admin = await host.As("admin", "en");
        var problem = await admin.PutAsJsonAsync("/api/calendar/years/2032", new
        {
            holidays = new[] { "2032-01-01", "2031-12-31", "not-a-date" },
            workdays = new[] { "2032-01-01", "2032-01-05" }, // both a holiday; a Monday
            notice = "",
        }).Expect(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("holidays", errors.Select(e => e.Key));
        Assert.Contains("workdays", errors.Select(e => e.Key));
        Assert.Contains("notice", errors.Select(e => e.Key));
        Assert.Contains("2031-12-31", errors["holidays"]!.ToJsonString(), StringComparison.Ordinal);
        await admin.PutAsJsonAsync("/api/calendar/years/2200", TestYear2027).Expect(HttpStatusCode.BadRequest);
        var calendar = await admin.GetAsync("/api/calendar").Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(calendar["years"]!.AsArray(), y => y!["year"]!.GetValue<int>() is 2032 or 2200);
        Assert.Empty((await admin.GetAsync("/api/registry/changes?entity=calendar-year&key=2032").Expect(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_change_another_node_made_is_picked_up_by_the_revision_check_and_used_by_the_engine()
    {
        var store = host.Services.GetRequiredService<CalendarStore>();
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var unchanged = store.Current;
        Assert.Same(unchanged, await store.ReloadAsync(force: false));
        Assert.False(engine.Calendar.HasDataFor(2041));

        // Another node enters 2041 (its own process wrote the row): this node does not know yet.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            db.Set<CalendarYear>().Add(new CalendarYear { Year = 2041, Holidays = "2041-01-01", Workdays = "", Notice = "测试", ChangedBy = "admin", ChangedAt = DateTime.UtcNow, Revision = 1 });
            await db.SaveChangesAsync();
        }

        Assert.False(engine.Calendar.HasDataFor(2041));
        var refreshed = await store.ReloadAsync(force: false);
        Assert.NotSame(unchanged, refreshed);
        Assert.True(engine.Calendar.HasDataFor(2041));
        Assert.False(engine.Calendar.IsWorkingDay(new DateOnly(2041, 1, 1)));
        Assert.Same(refreshed.Calendar, engine.Calendar);
    }

    private async Task<JsonObject> ReadyAsync() =>
        await host.CreateClient().GetAsync("/health/ready").Expect(HttpStatusCode.OK);
}

public sealed class CalendarAdministrationSqliteTests(LateOctoberHost host) : CalendarAdministrationTests(host), IClassFixture<LateOctoberHost>;

public sealed class CalendarAdministrationPostgresTests(LateOctoberPostgresHost host) : CalendarAdministrationTests(host), IClassFixture<LateOctoberPostgresHost>;
