using System.Net;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.ProcedureRecords;

namespace Anju.Definitions.Tests;

/// <summary>Steps of P7 rectification (问题清单整改) shared by the SQLite and PostgreSQL classes.</summary>
public static class Rectification
{
    public const string Key = "rectification";

    /// <summary>The community reports a problem found on inspection.</summary>
    public static async Task<string> ReportAsync(ProcedureHost host)
    {
        using var community = await host.As("community.huangshan");
        return (await community.StartAsync(Key, ProcedureApi.Binjiang, new { problem = "3幢消防通道堆放杂物", source = "inspection" })).Id();
    }

    public static async Task AssignAsync(ProcedureHost host, string id, string unit, int days)
    {
        using var street = await host.As("street.chengjiang");
        await street.CompleteAsync(id, "assign", new
        {
            problemCategory = "fire-risk",
            problem = "3幢消防通道堆放杂物",
            responsibleUnit = unit,
            requirement = "清理杂物，设置禁止堆放标识",
            rectifyDays = days,
        });
    }

    public static async Task RectifyAsync(ProcedureHost host, string id, string user = "firm.binjiang")
    {
        using var client = await host.As(user);
        await client.CompleteAsync(id, "rectify", new { rectifyReport = "杂物已清理，标识已设置", rectifyPhotos = "after.jpg" });
    }

    public static async Task VerifyAsync(ProcedureHost host, string id, bool passed)
    {
        using var street = await host.As("street.chengjiang");
        await street.CompleteAsync(id, "verify", new { verification = passed ? "passed" : "failed", verifyNote = passed ? "现场验收合格" : "仍有杂物" });
    }

    /// <summary>
    /// From Monday 2026-03-02 09:00: 5 working days → due Monday 3-9 09:00, 催办 after 3 working days (Thursday
    /// 3-5 09:00), 督办 at the limit; late, once sent back, then verified and closed.
    /// </summary>
    public static async Task MainPathAsync(ProcedureHost host)
    {
        var id = await ReportAsync(host);
        await Complaint.AssertNotSeenAsync(host, id, "assign", "street.nanzha", "community.huangshan", "firm.binjiang");
        await AssignAsync(host, id, "property-firm", 5);

        // 公示: the list is posted in the compound for 7 days
        var notice = Assert.Single(await host.NoticesAsync(id));
        Assert.Equal(ProcedureApi.Binjiang, notice.Jurisdiction);
        Assert.Contains("滨江花园", notice.Title, StringComparison.Ordinal);
        Assert.Contains("清理杂物", notice.Body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(7), notice.Until - notice.PostedAt);

        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(At(2026, 3, 9, 9), (await firm.TaskAsync(id, "rectify")).DueAt());
        }

        await Complaint.AssertNotSeenAsync(host, id, "rectify", "firm.yuxiu", "committee.binjiang", "community.xingfu");

        await host.AdvanceToAsync(At(2026, 3, 5, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "reminder"));
        await host.AdvanceToAsync(At(2026, 3, 5, 9));
        await host.SingleNotificationAsync(id, "firm.binjiang", "reminder", At(2026, 3, 5, 9));
        Assert.Empty(await host.NotificationsAsync(id, "firm.yuxiu"));

        await host.AdvanceToAsync(At(2026, 3, 9, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "escalation"));
        await host.AdvanceToAsync(At(2026, 3, 9, 9));
        await host.SingleNotificationAsync(id, "street.chengjiang", "escalation", At(2026, 3, 9, 9));
        Assert.Empty(await host.NotificationsAsync(id, "street.nanzha"));
        using (var street = await host.As("street.chengjiang"))
        {
            await street.CompleteAsync(id, "supervise", new { supervisionNote = "责令物业当日完成" });
        }

        // the unit's task stayed open through the escalation
        await host.AdvanceToAsync(At(2026, 3, 9, 10));
        await RectifyAsync(host, id);
        await VerifyAsync(host, id, passed: false);

        // sent back: a fresh period of 5 working days from Monday 10:00
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(At(2026, 3, 16, 10), (await firm.TaskAsync(id, "rectify")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 3, 10, 9));
        await RectifyAsync(host, id);
        await VerifyAsync(host, id, passed: true);

        using var admin = await host.As("admin");
        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("rectified", variables["outcome"]!.GetValue<string>());
        Assert.False(variables["rectifiedOnTime"]!.GetValue<bool>());
        Assert.Equal(1, variables["verifyReturns"]!.GetValue<int>());
        Assert.Equal(At(2026, 3, 2, 9), variables.Date("assignedAt"));
        Assert.Equal(At(2026, 3, 10, 9), variables.Date("rectifiedAt"));
        Assert.Equal(At(2026, 3, 10, 9), variables.Date("closedAt"));

        var notices = await host.NoticesAsync(id);
        Assert.Equal(2, notices.Count);
        Assert.Contains("整改结果", notices[1].Title, StringComparison.Ordinal);
        await host.SingleNotificationAsync(id, "community.huangshan", "result", At(2026, 3, 10, 9));
        await admin.IntactJournalAsync(id, "assign", "postList", "rectifyReminder", "rectifyOverdue", "supervise", "returnRectify", "postResult", "closedEnd");
    }
}

/// <summary>P7 on SQLite, starting on an ordinary Monday.</summary>
public sealed class RectificationTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public Task Problem_listed_posted_reminded_escalated_sent_back_once_verified_and_closed() => Rectification.MainPathAsync(host);

    [Fact]
    public async Task A_committee_named_responsible_gets_the_task_and_the_firm_does_not()
    {
        var id = await Rectification.ReportAsync(host);
        await Rectification.AssignAsync(host, id, "owners-committee", 10);
        await Complaint.AssertNotSeenAsync(host, id, "rectify", "firm.binjiang", "community.huangshan");
        await Rectification.RectifyAsync(host, id, "committee.binjiang");
        await Rectification.VerifyAsync(host, id, passed: true);

        using var admin = await host.As("admin");
        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.True(variables["rectifiedOnTime"]!.GetValue<bool>());
        Assert.Equal(0, variables["verifyReturns"]!.GetValue<int>());
        Assert.Empty(await host.NotificationsAsync(id, kind: "escalation"));
    }

    [Fact]
    public async Task The_period_must_be_a_whole_number_of_working_days_between_1_and_120()
    {
        var id = await Rectification.ReportAsync(host);
        using var street = await host.As("street.chengjiang");
        var task = (await street.TaskAsync(id, "assign")).Id();
        await street.PostAsync($"/api/tasks/{task}/claim", null).Expect(HttpStatusCode.NoContent);
        var response = await street.PostAsync($"/api/tasks/{task}/complete", System.Net.Http.Json.JsonContent.Create(new
        {
            variables = new { problemCategory = "fire-risk", problem = "x", responsibleUnit = "property-firm", requirement = "y", rectifyDays = 0 },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rectifyDays", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>P7 on PostgreSQL: the main path once more.</summary>
public sealed class RectificationPostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public Task Problem_listed_posted_reminded_escalated_sent_back_once_verified_and_closed() => Rectification.MainPathAsync(host);
}
