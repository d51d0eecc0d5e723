using System.Net;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Anju.Definitions.Tests.Support.ProcedureApi;

namespace Anju.Definitions.Tests;

/// <summary>
/// The quarterly cron start across the 2026 National Day holiday: the cron fires Thursday 2026-10-01 09:00 (a
/// holiday), the instance waits for the first working day, Thursday 2026-10-08 09:00, and assesses 2026Q3. The
/// scoring's 催办 and 督办 then count working days through the make-up Saturday 2026-10-10.
/// </summary>
public sealed class QuarterlyAssessmentCronTests(NationalDayHost host) : IClassFixture<NationalDayHost>
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly AssessmentDriver _driver = new(host);

    [Fact]
    public async Task The_cron_starts_a_quarter_on_its_first_working_day_and_scoring_is_reminded_then_escalated()
    {
        Assert.Empty(await QuarterInstancesAsync());
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 1, 8, 59, 0, Cst));
        Assert.Empty(await QuarterInstancesAsync());

        // Day 1 of the quarter, 09:00: the cron fires; 1 October is a holiday, so the instance waits.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 1, 9, 0, 0, Cst));
        var started = Assert.Single(await QuarterInstancesAsync());
        var id = started["id"]!.GetValue<string>();
        var admin = await _driver.As("admin");
        Assert.Equal(["waitFirstWorkingDay"], await admin.ActiveAsync(id));

        // Still waiting on the last day of the holiday.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 7, 23, 59, 0, Cst));
        _driver.ForgetLogins();
        admin = await _driver.As("admin");
        Assert.Equal(["waitFirstWorkingDay"], await admin.ActiveAsync(id));
        Assert.Empty(await _driver.InboxAsync("community.xingfu"));

        // Thursday 8 October 09:00, the first working day: the quarter that just ended (2026Q3) is assessed.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 8, 9, 0, 0, Cst));
        Assert.Single(await QuarterInstancesAsync());
        var instance = await admin.InstanceAsync(id);
        Assert.Equal("2026Q3", instance["variables"]!["quarter"]!.GetValue<string>());
        Assert.Contains("assessCompound", await admin.ActiveAsync(id));
        var survey = await _driver.FindTaskAsync("community.xingfu", "ownersSurvey", Xingfuli);
        Assert.NotNull(survey);
        // 10 working days from Thu 10-08: 10-09, 10-10 (make-up Saturday), 10-12 … 10-16 (7th), 10-19, 10-20, 10-21 (10th).
        Assert.Equal(new DateTimeOffset(2026, 10, 21, 9, 0, 0, Cst), survey!["dueAt"]!.GetValue<DateTimeOffset>());

        // 催办 at 7 working days: Friday 2026-10-16 09:00, to the compound's community.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 16, 8, 59, 0, Cst));
        Assert.Empty(await NotificationsAsync("community.xingfu", "reminder"));
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 16, 9, 0, 0, Cst));
        var reminder = Assert.Single(await NotificationsAsync("community.xingfu", "reminder"));
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 9, 0, 0, Cst).UtcDateTime, reminder.CreatedAt);
        Assert.Contains("2026Q3", reminder.Title, StringComparison.Ordinal);
        Assert.Empty(await NotificationsAsync("community.dingshan", "reminder", "幸福里"));

        // 督办 at 10 working days: Wednesday 2026-10-21 09:00, to the street office of that compound only.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 21, 8, 59, 0, Cst));
        Assert.Empty(await NotificationsAsync("street.nanzha", "escalation"));
        await host.AdvanceToAsync(new DateTimeOffset(2026, 10, 21, 9, 0, 0, Cst));
        var escalation = Assert.Single(await NotificationsAsync("street.nanzha", "escalation"));
        Assert.Equal(new DateTimeOffset(2026, 10, 21, 9, 0, 0, Cst).UtcDateTime, escalation.CreatedAt);
        Assert.Contains("幸福里", escalation.Body ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(await NotificationsAsync("street.chengjiang", "escalation"), n => (n.Body ?? "").Contains("幸福里", StringComparison.Ordinal));

        // The scoring tasks stay open (the timers do not interrupt).
        _driver.ForgetLogins();
        Assert.NotNull(await _driver.FindTaskAsync("community.xingfu", "ownersSurvey", Xingfuli));
    }

    private async Task<List<JsonObject>> QuarterInstancesAsync()
    {
        _driver.ForgetLogins();
        var admin = await _driver.As("admin");
        var page = await admin.GetAsync("/api/instances?definitionKey=quarterly-assessment&pageSize=100").Expect(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    private async Task<List<Anju.Host.Notices.Notification>> NotificationsAsync(string username, string kind, string? about = null)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Username == username && n.Kind == kind).ToListAsync();
        return [.. rows.Where(n => about is null || (n.Body ?? "").Contains(about, StringComparison.Ordinal))];
    }
}
