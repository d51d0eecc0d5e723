using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.Support.ProcedureApi;
using static Anju.Definitions.Tests.Support.ProcedureData;

namespace Anju.Definitions.Tests;

/// <summary>
/// Issue 17's corrections of P3 (执法线索报告移送、处置、反馈): the reporter's confirmation defaults after its time
/// limit, the station corrects the category at registration, and the forms refuse a referral, a rectification or
/// a dismissal without what it needs.
/// </summary>
public sealed class EnforcementReferralCorrectionsTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task The_station_reclassifies_at_registration_and_the_case_is_routed_by_the_corrected_category()
    {
        // Reported as illegal posting (城管局 leads, not urgent); the station finds a blocked fire lane.
        var id = await Referral.ReportAsync(host, "illegal-posting");
        using (var station = await host.As("station.chengjiang"))
        {
            var task = await station.GetAsync($"/api/tasks/{(await station.TaskAsync(id, "register"))["id"]!.GetValue<string>()}").Expect(HttpStatusCode.OK);
            var category = task["form"]!["fields"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "category")!;
            Assert.Equal("illegal-posting", category["defaultValue"]!.GetValue<string>());

            await station.CompleteAsync(id, "register", new { registerNote = "现场核实为占用消防通道，更正类别", category = "fire-lane" });
        }

        var variables = await Referral.VariablesAsync(host, id);
        Assert.Equal("fire-lane", variables["category"]!.GetValue<string>());
        Assert.Equal("xiaofang", variables["leadingDepartment"]!.GetValue<string>());
        Assert.True(variables["urgent"]!.GetValue<bool>());
        using var xiaofang = await host.As("dept.xiaofang");
        using var chengguan = await host.As("dept.chengguan");
        var arrive = await xiaofang.TaskAsync(id, "arrive");
        Assert.Equal(host.Clock.GetUtcNow().AddHours(2), arrive["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.False(await chengguan.SeesTaskAsync(id, "arrive"));
    }

    [Fact]
    public async Task The_leading_department_must_give_a_deadline_to_order_rectification_and_a_reason_to_dismiss()
    {
        var id = await Referral.ReportAsync(host, "illegal-posting");
        await Referral.RegisterAsync(host, id);
        using var chengguan = await host.As("dept.chengguan");
        await chengguan.CompleteAsync(id, "arrive", new { siteNote = "已到场" });
        var task = (await chengguan.TaskAsync(id, "investigate"))["id"]!.GetValue<string>();
        await chengguan.PostAsync($"/api/tasks/{task}/claim", null).Expect(HttpStatusCode.NoContent);

        var noDeadline = await chengguan.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { findings = "小广告", result = "rectify" } })
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("rectifyDeadline", noDeadline.ToJsonString(), StringComparison.Ordinal);
        var noReason = await chengguan.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { findings = "小广告", result = "dismiss" } })
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("dismissReason", noReason.ToJsonString(), StringComparison.Ordinal);

        await chengguan.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { findings = "小广告", result = "punish" } })
            .Expect(HttpStatusCode.NoContent);
        Assert.NotEqual("incident", (await Referral.InstanceAsync(host, id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_complaint_referred_without_a_violation_category_is_refused_and_then_referred_with_one()
    {
        var complaint = await Complaint.FileOnPortalAsync(host);
        using (var community = await host.As("community.huangshan"))
        {
            var task = (await community.TaskAsync(complaint, "accept"))["id"]!.GetValue<string>();
            await community.PostAsync($"/api/tasks/{task}/claim", null).Expect(HttpStatusCode.NoContent);
            var refused = await community.PostAsJsonAsync($"/api/tasks/{task}/complete", new
            {
                variables = new { decision = "refer", category = "facilities", acceptNote = "涉嫌违法" },
            }).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("violationCategory", refused.ToJsonString(), StringComparison.Ordinal);
            Assert.True(await community.SeesTaskAsync(complaint, "accept"));
        }

        await Complaint.DecideAsync(host, complaint, new { decision = "refer", violationCategory = "illegal-construction", acceptNote = "违法搭建" });
        using var admin = await host.As("admin");
        var referral = (await admin.InstanceAsync(complaint))["variables"]!["referralInstanceId"]!.GetValue<string>();
        var instance = await admin.InstanceAsync(referral);
        Assert.Equal("active", instance["status"]!.GetValue<string>());
        Assert.Equal("illegal-construction", instance["variables"]!["category"]!.GetValue<string>());
        Assert.Equal(["register"], await admin.ActiveAsync(referral));
    }
}

/// <summary>P3: the reporter's confirmation defaults after 5 working days (its own clock).</summary>
public sealed class EnforcementReferralConfirmationTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task An_unanswered_confirmation_counts_as_confirmed_after_five_working_days()
    {
        // Monday 2026-03-02 09:00: reported, registered, handled and fed back the same day.
        var id = await Referral.ReportAsync(host, "structural-alteration");
        await Referral.RegisterAsync(host, id);
        using (var chengguan = await host.As("dept.chengguan"))
        {
            await chengguan.CompleteAsync(id, "assist", new { assistOpinion = "配合" });
        }

        await Referral.HandleAsync(host, id, "dept.zhujian", new { findings = "违建属实", result = "punish" });
        await Referral.FeedbackAsync(host, id);
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(Beijing(2026, 3, 9, 9), (await firm.TaskAsync(id, "confirm"))["dueAt"]!.GetValue<DateTimeOffset>());
        }

        await host.AdvanceToAsync(Beijing(2026, 3, 9, 8, 59));
        Assert.Equal(["confirm"], await Active(id));
        await host.AdvanceToAsync(Beijing(2026, 3, 9, 9));

        var instance = await Referral.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains("defaultConfirmed", instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("confirm", instance["variables"]!["reporterResponse"]!.GetValue<string>());
        Assert.True(instance["variables"]!["confirmDefaulted"]!.GetValue<bool>());
        await Referral.AssertJournalIntactAsync(host, id);
    }

    private async Task<List<string>> Active(string id)
    {
        using var admin = await host.As("admin");
        return await admin.ActiveAsync(id);
    }
}
