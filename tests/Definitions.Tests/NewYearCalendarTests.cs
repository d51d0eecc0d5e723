using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.Support.ProcedureApi;
using static Anju.Definitions.Tests.ProcedureRecords;

namespace Anju.Definitions.Tests;

/// <summary>SQLite, starting Thursday 2026-12-31 09:00 (Beijing): the calendar has no 2027.</summary>
public sealed class NewYearEveHost() : ProcedureHost(NewYearCalendarTests.NewYearEve);

/// <summary>PostgreSQL, starting Thursday 2026-12-31 09:00 (Beijing).</summary>
public sealed class NewYearEvePostgresHost() : ProcedureHost(NewYearCalendarTests.NewYearEve)
{
    protected override bool UsePostgres => true;
}

/// <summary>
/// The 2026Q4 assessment's cron fires Friday 2027-01-01 09:00, New Year's Day. Without 2027 in the calendar
/// Monday–Friday is assumed: the quarter starts at once and every deadline counted into 2027 is marked as an
/// estimate. With the year entered through the API (a test-made year: 1–3 January off) the instance waits for
/// Monday 4 January, deadlines are counted on the data and are not estimates, and a complaint filed after the
/// edit is due on the Monday while the one filed before keeps its due date, marked as an estimate.
/// </summary>
public abstract class NewYearCalendarTests(ProcedureHost host)
{
    public static readonly DateTimeOffset NewYearEve = new(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly AssessmentDriver _driver = new(host);

    protected async Task WithoutTheYearAsync()
    {
        // Thursday 12-31 09:00: 受理 is due one working day later, New Year's Day taken as a Friday at work.
        var complaint = await Complaint.FileOnPortalAsync(host);
        var accept = await AcceptTaskAsync(complaint);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst), accept.DueAt());
        Assert.True(accept["dueIsEstimate"]!.GetValue<bool>());

        // The cron fires on New Year's Day and, knowing no holiday, the quarter starts at once.
        var id = await CronFiresAsync();
        var admin = await _driver.As("admin");
        Assert.Contains("assessCompound", await admin.ActiveAsync(id));
        Assert.Equal("2026Q4", (await admin.InstanceAsync(id))["variables"]!["quarter"]!.GetValue<string>());
        var survey = await _driver.FindTaskAsync("community.xingfu", "ownersSurvey", Xingfuli);
        Assert.NotNull(survey);
        // 10 working days from Friday 01-01, Monday–Friday: 01-04 … 01-08, 01-11 … 01-15.
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, Cst), survey!.DueAt());
        Assert.True(survey["dueIsEstimate"]!.GetValue<bool>());
        var detail = await (await _driver.As("community.xingfu")).GetAsync($"/api/tasks/{survey.Id()}").Expect(HttpStatusCode.OK);
        Assert.True(detail["dueIsEstimate"]!.GetValue<bool>());
    }

    protected async Task WithTheYearAsync()
    {
        var before = await Complaint.FileOnPortalAsync(host);
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        var admin = await _driver.As("admin");
        await admin.PutAsJsonAsync("/api/calendar/years/2027", CalendarAdministrationTests.TestYear2027).Expect(HttpStatusCode.OK);
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));

        // The deadline moves with the data: filed after the edit, 受理 is due Monday 01-04, counted on data.
        var after = await AcceptTaskAsync(await Complaint.FileOnPortalAsync(host));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 9, 10, 0, Cst), after.DueAt());
        Assert.False(after["dueIsEstimate"]!.GetValue<bool>());
        // Filed before it: the due date counted then stays and is marked as an estimate.
        var earlier = await AcceptTaskAsync(before);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst), earlier.DueAt());
        Assert.True(earlier["dueIsEstimate"]!.GetValue<bool>());

        // The cron fires on the holiday; the instance waits for the first working day of the data.
        var id = await CronFiresAsync();
        admin = await _driver.As("admin");
        Assert.Equal(["waitFirstWorkingDay"], await admin.ActiveAsync(id));
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 4, 8, 59, 0, Cst));
        _driver.ForgetLogins();
        admin = await _driver.As("admin");
        Assert.Equal(["waitFirstWorkingDay"], await admin.ActiveAsync(id));
        Assert.Null(await _driver.FindTaskAsync("community.xingfu", "ownersSurvey", Xingfuli));

        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 4, 9, 0, 0, Cst));
        Assert.Contains("assessCompound", await admin.ActiveAsync(id));
        Assert.Equal("2026Q4", (await admin.InstanceAsync(id))["variables"]!["quarter"]!.GetValue<string>());
        var survey = await _driver.FindTaskAsync("community.xingfu", "ownersSurvey", Xingfuli);
        Assert.NotNull(survey);
        // 10 working days from Monday 01-04: 01-05 … 01-08, 01-11 … 01-15, 01-18.
        Assert.Equal(new DateTimeOffset(2027, 1, 18, 9, 0, 0, Cst), survey!.DueAt());
        Assert.False(survey["dueIsEstimate"]!.GetValue<bool>());
    }

    private async Task<JsonObject> AcceptTaskAsync(string complaint)
    {
        using var community = await host.As("community.huangshan");
        return await community.TaskAsync(complaint, "accept");
    }

    /// <summary>Moves to 2027-01-01 09:00 (the cron) and returns the one quarterly instance it started.</summary>
    private async Task<string> CronFiresAsync()
    {
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 1, 8, 59, 0, Cst));
        Assert.Empty(await QuarterInstancesAsync());
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst));
        return Assert.Single(await QuarterInstancesAsync())["id"]!.GetValue<string>();
    }

    private async Task<List<JsonObject>> QuarterInstancesAsync()
    {
        _driver.ForgetLogins();
        var admin = await _driver.As("admin");
        var page = await admin.GetAsync("/api/instances?definitionKey=quarterly-assessment&pageSize=100").Expect(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject())];
    }
}

public sealed class NewYearWithoutDataSqliteTests(NewYearEveHost host) : NewYearCalendarTests(host), IClassFixture<NewYearEveHost>
{
    [Fact]
    public Task Without_2027_the_cron_starts_on_New_Years_Day_and_deadlines_into_2027_are_estimates() => WithoutTheYearAsync();
}

public sealed class NewYearWithoutDataPostgresTests(NewYearEvePostgresHost host) : NewYearCalendarTests(host), IClassFixture<NewYearEvePostgresHost>
{
    [Fact]
    public Task Without_2027_the_cron_starts_on_New_Years_Day_and_deadlines_into_2027_are_estimates() => WithoutTheYearAsync();
}

public sealed class NewYearWithDataSqliteTests(NewYearEveHost host) : NewYearCalendarTests(host), IClassFixture<NewYearEveHost>
{
    [Fact]
    public Task With_2027_entered_the_quarter_waits_for_the_first_working_day_and_deadlines_move_with_the_data() => WithTheYearAsync();
}

public sealed class NewYearWithDataPostgresTests(NewYearEvePostgresHost host) : NewYearCalendarTests(host), IClassFixture<NewYearEvePostgresHost>
{
    [Fact]
    public Task With_2027_entered_the_quarter_waits_for_the_first_working_day_and_deadlines_move_with_the_data() => WithTheYearAsync();
}
