using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.Support.ProcedureApi;
using static Anju.Definitions.Tests.Support.ProcedureData;

namespace Anju.Definitions.Tests;

/// <summary>The steps of P3 (执法线索报告移送、处置、反馈) every scenario class shares.</summary>
internal static class Referral
{
    public const string Key = "enforcement-referral";

    public static object Report(string category) => new
    {
        category,
        location = "3幢1单元楼道口",
        description = "业主在公共绿地上搭建彩钢棚",
        stopMeasures = "物业两次上门劝阻并书面告知，业主拒不停止",
    };

    /// <summary>firm.binjiang reports a violation in 滨江花园; returns the instance id.</summary>
    public static async Task<string> ReportAsync(ProcedureHost host, string category, string compound = Binjiang, string reporter = "firm.binjiang")
    {
        using var firm = await host.As(reporter);
        var started = await firm.StartAsync(Key, compound, Report(category));
        return started["id"]!.GetValue<string>();
    }

    public static async Task RegisterAsync(ProcedureHost host, string id, string? overrideLeading = null, string station = "station.chengjiang")
    {
        using var client = await host.As(station);
        object form = overrideLeading is null
            ? new { registerNote = "已登记，按类别移送" }
            : new { registerNote = "已登记，改派牵头部门", overrideLeading };
        await client.CompleteAsync(id, "register", form);
    }

    public static async Task<JsonObject> VariablesAsync(ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return (await admin.InstanceAsync(id))["variables"]!.AsObject();
    }

    public static async Task<JsonObject> InstanceAsync(ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return await admin.InstanceAsync(id);
    }

    public static async Task AssertJournalIntactAsync(ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        var body = await admin.GetAsync($"/api/instances/{id}/journal").Expect(HttpStatusCode.OK);
        Assert.True(body["verification"]!["intact"]!.GetValue<bool>(), body["verification"]!.ToJsonString());
        Assert.NotEmpty(body["entries"]!.AsArray());
    }

    /// <summary>The leading department (dept.&lt;id&gt;) arrives and decides.</summary>
    public static async Task HandleAsync(ProcedureHost host, string id, string officer, object decision)
    {
        using var dept = await host.As(officer);
        await dept.CompleteAsync(id, "arrive", new { siteNote = "已到场核实，情况属实" });
        await dept.CompleteAsync(id, "investigate", decision);
    }

    public static async Task FeedbackAsync(ProcedureHost host, string id, string text = "已立案处罚，责令恢复原状")
    {
        using var station = await host.As("station.chengjiang");
        await station.CompleteAsync(id, "feedback", new { feedbackText = text });
    }
}

/// <summary>P3 paths, routing and who sees what, on an ordinary week (SQLite).</summary>
public sealed class EnforcementReferralTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task Main_path_leading_and_supporting_departments_punish_feedback_confirmed()
    {
        var id = await Referral.ReportAsync(host, "structural-alteration");

        using (var nanzha = await host.As("station.nanzha"))
        using (var zhujian = await host.As("dept.zhujian"))
        {
            Assert.False(await nanzha.SeesTaskAsync(id, "register"));
            Assert.Empty(await zhujian.TasksAsync(id));
        }

        using (var station = await host.As("station.chengjiang"))
        {
            Assert.True(await station.SeesTaskAsync(id, "register"));
        }

        await Referral.RegisterAsync(host, id);
        var variables = await Referral.VariablesAsync(host, id);
        Assert.Equal("firm.binjiang", variables["reporter"]!.GetValue<string>());
        Assert.Equal("zhujian", variables["leadingDepartment"]!.GetValue<string>());
        Assert.Equal("""["zhujian","chengguan"]""", variables["departments"]!.ToJsonString());
        Assert.False(variables["urgent"]!.GetValue<bool>());

        using (var zhujian = await host.As("dept.zhujian"))
        using (var chengguan = await host.As("dept.chengguan"))
        using (var xiaofang = await host.As("dept.xiaofang"))
        {
            Assert.True(await zhujian.SeesTaskAsync(id, "arrive"));
            Assert.False(await zhujian.SeesTaskAsync(id, "assist"));
            Assert.False(await chengguan.SeesTaskAsync(id, "arrive"));
            Assert.Empty(await xiaofang.TasksAsync(id));
            await chengguan.CompleteAsync(id, "assist", new { assistOpinion = "城管局配合现场取证" });
        }

        await Referral.HandleAsync(host, id, "dept.zhujian", new { findings = "擅自拆除承重墙", result = "punish" });
        await CompleteInterimIfDueAsync(id);
        Assert.Equal(["feedback"], await Active(id));
        await Referral.FeedbackAsync(host, id);

        var result = Assert.Single(await host.NotificationsAsync(id), n => n.Kind == "result");
        Assert.Equal("firm.binjiang", result.Username);
        Assert.Equal("已立案处罚，责令恢复原状", result.Body);

        using (var firm = await host.As("firm.binjiang"))
        using (var yuxiu = await host.As("firm.yuxiu"))
        {
            Assert.False(await yuxiu.SeesTaskAsync(id, "confirm"));
            await firm.CompleteAsync(id, "confirm", new { reporterResponse = "confirm" });
        }

        var instance = await Referral.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains("done", instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("punish", instance["variables"]!["result"]!.GetValue<string>());
        await Referral.AssertJournalIntactAsync(host, id);
    }

    [Fact]
    public async Task Departments_see_only_cases_they_lead_or_support_and_stations_only_their_street()
    {
        var construction = await Referral.ReportAsync(host, "illegal-construction");
        var fireLane = await Referral.ReportAsync(host, "fire-lane");
        string xingfuli;
        using (var admin = await host.As("admin"))
        {
            xingfuli = (await admin.StartAsync(Referral.Key, Xingfuli, Referral.Report("unlicensed-stall")))["id"]!.GetValue<string>();
        }

        using (var chengjiang = await host.As("station.chengjiang"))
        using (var nanzha = await host.As("station.nanzha"))
        {
            Assert.True(await chengjiang.SeesTaskAsync(construction, "register"));
            Assert.True(await chengjiang.SeesTaskAsync(fireLane, "register"));
            Assert.False(await nanzha.SeesTaskAsync(construction, "register"));
            Assert.False(await nanzha.SeesTaskAsync(fireLane, "register"));
            Assert.True(await nanzha.SeesTaskAsync(xingfuli, "register"));
            Assert.False(await chengjiang.SeesTaskAsync(xingfuli, "register"));
        }

        await Referral.RegisterAsync(host, construction);
        await Referral.RegisterAsync(host, fireLane);
        await Referral.RegisterAsync(host, xingfuli, station: "station.nanzha");

        using var chengguan = await host.As("dept.chengguan");
        using var xiaofang = await host.As("dept.xiaofang");
        Assert.True(await chengguan.SeesTaskAsync(construction, "arrive"));
        Assert.False(await xiaofang.SeesTaskAsync(construction, "arrive"));
        Assert.Empty(await xiaofang.TasksAsync(construction));
        Assert.True(await xiaofang.SeesTaskAsync(fireLane, "arrive"));
        Assert.False(await chengguan.SeesTaskAsync(fireLane, "arrive"));
        Assert.Empty(await chengguan.TasksAsync(fireLane));
        Assert.True(await chengguan.SeesTaskAsync(xingfuli, "arrive"));

        var fireVariables = await Referral.VariablesAsync(host, fireLane);
        Assert.True(fireVariables["urgent"]!.GetValue<bool>());
        Assert.Equal("dept:xiaofang", fireVariables["leadingGroup"]!.GetValue<string>());
        using var fireTask = await host.As("dept.xiaofang");
        var arrive = await fireTask.TaskAsync(fireLane, "arrive");
        Assert.Equal(host.Clock.GetUtcNow().AddHours(2), arrive["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task The_station_overrides_the_leading_department_and_the_usual_one_supports()
    {
        var id = await Referral.ReportAsync(host, "illegal-construction");
        await Referral.RegisterAsync(host, id, overrideLeading: "xiaofang");

        var variables = await Referral.VariablesAsync(host, id);
        Assert.Equal("xiaofang", variables["leadingDepartment"]!.GetValue<string>());
        Assert.Equal("""["dept:chengguan"]""", variables["supportingGroups"]!.ToJsonString());
        using var chengguan = await host.As("dept.chengguan");
        using var xiaofang = await host.As("dept.xiaofang");
        Assert.True(await xiaofang.SeesTaskAsync(id, "arrive"));
        Assert.False(await chengguan.SeesTaskAsync(id, "arrive"));
        Assert.True(await chengguan.SeesTaskAsync(id, "assist"));
    }

    [Fact]
    public async Task Rectification_not_done_goes_back_to_handling_then_dismissed_objection_reviewed_and_upheld()
    {
        var id = await Referral.ReportAsync(host, "illegal-posting");
        await Referral.RegisterAsync(host, id);
        var deadline = host.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(8));
        await Referral.HandleAsync(host, id, "dept.chengguan", new { findings = "楼道张贴小广告", result = "rectify", rectifyDeadline = deadline.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("rectifyWait", await Active(id));

        await host.AdvanceToAsync(deadline.AddMinutes(-1));
        Assert.DoesNotContain("followUp", await Active(id));
        await host.AdvanceToAsync(deadline);
        using (var chengguan = await host.As("dept.chengguan"))
        {
            await chengguan.CompleteAsync(id, "followUp", new { rectified = "no", followUpNote = "仍有未清除的广告" });
            Assert.True(await chengguan.SeesTaskAsync(id, "investigate"));
            await chengguan.CompleteAsync(id, "investigate", new { findings = "广告已由他人清除，无法确定行为人", result = "dismiss", dismissReason = "行为人无法查明" });
        }

        await CompleteInterimIfDueAsync(id);
        await Referral.FeedbackAsync(host, id, "行为人无法查明，不予立案");
        using (var firm = await host.As("firm.binjiang"))
        {
            await firm.CompleteAsync(id, "confirm", new { reporterResponse = "object", objection = "监控可查到行为人" });
        }

        using (var station = await host.As("station.chengjiang"))
        {
            await station.CompleteAsync(id, "review", new { reviewDecision = "uphold", reviewNote = "监控未覆盖该楼道，维持原结论" });
        }

        var instance = await Referral.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        var completed = instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("followUp", completed);
        Assert.Contains("upheldEnd", completed);
        var results = (await host.NotificationsAsync(id)).Where(n => n.Kind == "result" && n.Username == "firm.binjiang").Select(n => n.Title).ToList();
        Assert.Contains("执法线索复核结论：维持处理结果", results);
        await Referral.AssertJournalIntactAsync(host, id);
    }

    [Fact]
    public async Task An_objection_reopens_the_case_once_and_a_second_objection_closes_it()
    {
        var id = await Referral.ReportAsync(host, "greenery-damage");
        await Referral.RegisterAsync(host, id);
        await Referral.HandleAsync(host, id, "dept.chengguan", new { findings = "绿地被踩踏", result = "dismiss", dismissReason = "情节轻微" });
        await CompleteInterimIfDueAsync(id);
        await Referral.FeedbackAsync(host, id, "情节轻微，不予立案");
        using (var firm = await host.As("firm.binjiang"))
        {
            await firm.CompleteAsync(id, "confirm", new { reporterResponse = "object", objection = "绿地被毁面积较大" });
        }

        using (var station = await host.As("station.chengjiang"))
        {
            await station.CompleteAsync(id, "review", new { reviewDecision = "reopen", reviewNote = "重新交办住建局牵头", overrideLeading = "zhujian" });
        }

        Assert.Equal("zhujian", (await Referral.VariablesAsync(host, id))["leadingDepartment"]!.GetValue<string>());
        using (var chengguan = await host.As("dept.chengguan"))
        {
            await chengguan.CompleteAsync(id, "assist", new { assistOpinion = "配合恢复绿化" });
        }

        await Referral.HandleAsync(host, id, "dept.zhujian", new { findings = "确认毁绿面积40平方米", result = "punish" });
        await CompleteInterimIfDueAsync(id);
        await Referral.FeedbackAsync(host, id, "已立案处罚");
        using (var firm = await host.As("firm.binjiang"))
        {
            await firm.CompleteAsync(id, "confirm", new { reporterResponse = "object", objection = "罚款太少" });
        }

        var instance = await Referral.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains("closedAfterReview", instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("reopen", instance["variables"]!["reviewDecision"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_administrators_change_of_the_category_table_routes_the_next_case()
    {
        var before = await Referral.ReportAsync(host, "dog-keeping");
        await Referral.RegisterAsync(host, before);
        Assert.Equal("gongan", (await Referral.VariablesAsync(host, before))["leadingDepartment"]!.GetValue<string>());

        using (var admin = await host.As("admin"))
        {
            var changed = await admin.PutAsJsonAsync("/api/registry/violation-categories/dog-keeping", new { leadingDepartment = "chengguan", urgent = true }).Expect(HttpStatusCode.OK);
            Assert.Equal("chengguan", changed["leadingDepartment"]!.GetValue<string>());
        }

        var after = await Referral.ReportAsync(host, "dog-keeping");
        await Referral.RegisterAsync(host, after);
        var variables = await Referral.VariablesAsync(host, after);
        Assert.Equal("chengguan", variables["leadingDepartment"]!.GetValue<string>());
        Assert.True(variables["urgent"]!.GetValue<bool>());
        using var chengguan = await host.As("dept.chengguan");
        Assert.True(await chengguan.SeesTaskAsync(after, "arrive"));
        Assert.False(await chengguan.SeesTaskAsync(before, "arrive"));

        using (var admin = await host.As("admin"))
        {
            await admin.PutAsJsonAsync("/api/registry/violation-categories/dog-keeping", new { leadingDepartment = "gongan", urgent = false }).Expect(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Started_by_a_complaint_the_reporter_is_the_complaining_owner()
    {
        // A stand-in for the complaint procedure's hand-over step (startProcess, as P1 uses it).
        const string complaint = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="complaint-stand-in" name="投诉转执法" isExecutable="true" camunda:candidateStarterGroups="community">
                <bpmn:startEvent id="s" name="投诉" camunda:initiator="initiator" />
                <bpmn:serviceTask id="refer" name="移送执法" camunda:delegateExpression="${startProcess}">
                  <bpmn:extensionElements><camunda:properties>
                    <camunda:property name="definitionKey" value="enforcement-referral" />
                    <camunda:property name="copy" value="category,description,location,owner" />
                  </camunda:properties></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:endEvent id="e" name="结束" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="refer" />
                <bpmn:sequenceFlow id="f2" sourceRef="refer" targetRef="e" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using (var admin = await host.As("admin"))
        {
            await admin.PostAsync("/api/deployments", new StringContent(complaint, Encoding.UTF8, "application/xml")).Expect(HttpStatusCode.Created);
        }

        string source;
        using (var community = await host.As("community.huangshan"))
        {
            source = (await community.StartAsync("complaint-stand-in", Binjiang, new
            {
                owner = "owner.li",
                category = "noise",
                description = "楼上夜间装修噪声",
                location = "5幢",
            }))["id"]!.GetValue<string>();
        }

        var sourceVariables = await Referral.VariablesAsync(host, source);
        var id = sourceVariables["startedInstanceId"]!.GetValue<string>();
        var variables = await Referral.VariablesAsync(host, id);
        Assert.Equal(source, variables["sourceInstanceId"]!.GetValue<string>());
        Assert.Equal("owner.li", variables["reporter"]!.GetValue<string>());
        Assert.Equal(Binjiang, (await Referral.InstanceAsync(host, id))["jurisdiction"]!.GetValue<string>());

        await Referral.RegisterAsync(host, id);
        Assert.Equal("gongan", (await Referral.VariablesAsync(host, id))["leadingDepartment"]!.GetValue<string>());

        // 公安局 has no demo officer: the administrator completes its steps, as an audit trail shows.
        using (var admin = await host.As("admin"))
        {
            await admin.CompleteAsync(id, "arrive", new { siteNote = "民警到场" });
            await admin.CompleteAsync(id, "investigate", new { findings = "夜间施工噪声属实", result = "punish" });
        }

        await CompleteInterimIfDueAsync(id);
        await Referral.FeedbackAsync(host, id, "已警告并处罚款");
        Assert.Contains(await host.NotificationsAsync(id), n => n.Username == "owner.li" && n.Kind == "result");
        using (var owner = await host.As("owner.li"))
        {
            await owner.CompleteAsync(id, "confirm", new { reporterResponse = "confirm" });
        }

        Assert.Equal("completed", (await Referral.InstanceAsync(host, id))["status"]!.GetValue<string>());
    }

    private async Task<List<string>> Active(string id)
    {
        using var admin = await host.As("admin");
        return await admin.ActiveAsync(id);
    }

    /// <summary>Other tests move this class's clock: if a case's 5 working days ran out meanwhile, the station gives its interim feedback.</summary>
    private async Task CompleteInterimIfDueAsync(string id)
    {
        using var station = await host.As("station.chengjiang");
        if (await station.SeesTaskAsync(id, "interimFeedback"))
        {
            await station.CompleteAsync(id, "interimFeedback", new { interimText = "正在处理中" });
        }
    }
}

/// <summary>P3 deadlines on an ordinary week: registration, arrival (urgent 2 hours, else 1 working day), feedback in 5 working days.</summary>
public sealed class EnforcementReferralDeadlineTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task Late_registration_late_arrival_and_the_feedback_deadline_escalate_on_the_right_working_day()
    {
        // Monday 2026-03-02 09:00: three reports; two are registered at once, one is left lying.
        var fireLane = await Referral.ReportAsync(host, "fire-lane");
        var construction = await Referral.ReportAsync(host, "illegal-construction");
        var unregistered = await Referral.ReportAsync(host, "illegal-posting");
        using (var station = await host.As("station.chengjiang"))
        {
            Assert.Equal(Beijing(2026, 3, 3, 9), (await station.TaskAsync(unregistered, "register"))["dueAt"]!.GetValue<DateTimeOffset>());
        }

        await Referral.RegisterAsync(host, fireLane);
        await Referral.RegisterAsync(host, construction);
        Assert.Equal(Beijing(2026, 3, 9, 9), DateTimeOffset.Parse((await Referral.VariablesAsync(host, construction))["feedbackDue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        using (var xiaofang = await host.As("dept.xiaofang"))
        using (var chengguan = await host.As("dept.chengguan"))
        {
            Assert.Equal(Beijing(2026, 3, 2, 11), (await xiaofang.TaskAsync(fireLane, "arrive"))["dueAt"]!.GetValue<DateTimeOffset>());
            Assert.Equal(Beijing(2026, 3, 3, 9), (await chengguan.TaskAsync(construction, "arrive"))["dueAt"]!.GetValue<DateTimeOffset>());
        }

        // Urgent: officers on site within 2 hours, else the station and the street office are told.
        await host.AdvanceToAsync(Beijing(2026, 3, 2, 10, 59));
        Assert.DoesNotContain(await host.NotificationsAsync(fireLane), n => n.Kind == "escalation");
        await host.AdvanceToAsync(Beijing(2026, 3, 2, 11));
        var urgent = (await host.NotificationsAsync(fireLane)).Where(n => n.Kind == "escalation").ToList();
        Assert.Equal(["station.chengjiang", "street.chengjiang"], urgent.Select(n => n.Username).Order(StringComparer.Ordinal));
        Assert.All(urgent, n => Assert.Equal(Beijing(2026, 3, 2, 11), n.Local()));
        Assert.Contains("消防救援大队未按时到场", urgent[0].Title, StringComparison.Ordinal);
        using (var xiaofang = await host.As("dept.xiaofang"))
        {
            Assert.True(await xiaofang.SeesTaskAsync(fireLane, "arrive")); // 督办 does not take the task away
            await xiaofang.CompleteAsync(fireLane, "arrive", new { siteNote = "已清理消防通道" });
        }

        // Not urgent: within 1 working day (Tuesday 09:00); the unregistered case escalates to the street then too.
        await host.AdvanceToAsync(Beijing(2026, 3, 3, 8, 59));
        Assert.DoesNotContain(await host.NotificationsAsync(construction), n => n.Kind == "escalation");
        Assert.DoesNotContain(await host.NotificationsAsync(unregistered), n => n.Kind == "escalation");
        await host.AdvanceToAsync(Beijing(2026, 3, 3, 9));
        var late = (await host.NotificationsAsync(construction)).Where(n => n.Kind == "escalation").ToList();
        Assert.Equal(["station.chengjiang", "street.chengjiang"], late.Select(n => n.Username).Order(StringComparer.Ordinal));
        Assert.All(late, n => Assert.Equal(Beijing(2026, 3, 3, 9), n.Local()));
        var registerLate = Assert.Single(await host.NotificationsAsync(unregistered), n => n.Kind == "escalation");
        Assert.Equal("street.chengjiang", registerLate.Username);
        Assert.Equal(Beijing(2026, 3, 3, 9), registerLate.Local());

        // Feedback within 5 working days of registration: Monday 2026-03-09 09:00 (the weekend does not count).
        using (var station = await host.As("station.chengjiang"))
        {
            Assert.False(await station.SeesTaskAsync(construction, "interimFeedback"));
        }

        await host.AdvanceToAsync(Beijing(2026, 3, 9, 8, 59));
        using (var station = await host.As("station.chengjiang"))
        {
            Assert.False(await station.SeesTaskAsync(construction, "interimFeedback"));
        }

        await host.AdvanceToAsync(Beijing(2026, 3, 9, 9));
        using (var station = await host.As("station.chengjiang"))
        {
            var interim = await station.TaskAsync(construction, "interimFeedback");
            Assert.Equal(Beijing(2026, 3, 9, 9), interim["createdAt"]!.GetValue<DateTimeOffset>());
            await station.CompleteAsync(construction, "interimFeedback", new { interimText = "城管局已到场，正在调查" });
        }

        var progress = Assert.Single(await host.NotificationsAsync(construction), n => n.Kind == "result");
        Assert.Equal("firm.binjiang", progress.Username);
        Assert.Equal("城管局已到场，正在调查", progress.Body);

        // The handling goes on and ends normally after the interim feedback.
        await Referral.HandleAsync(host, construction, "dept.chengguan", new { findings = "违建属实", result = "punish" });
        await Referral.FeedbackAsync(host, construction);
        using (var firm = await host.As("firm.binjiang"))
        {
            await firm.CompleteAsync(construction, "confirm", new { reporterResponse = "confirm" });
        }

        Assert.Equal("completed", (await Referral.InstanceAsync(host, construction))["status"]!.GetValue<string>());
        await Referral.AssertJournalIntactAsync(host, construction);
    }
}

/// <summary>P3 across the 2026 Mid-Autumn and National Day holidays (Friday 2026-09-25 is a holiday).</summary>
public sealed class EnforcementReferralNationalDayTests(NationalDayHost host) : IClassFixture<NationalDayHost>
{
    [Fact]
    public async Task Deadlines_skip_the_holidays_and_count_the_make_up_Saturday()
    {
        // Reported and registered on the holiday Friday 2026-09-25 09:00.
        var id = await Referral.ReportAsync(host, "illegal-construction");
        using (var station = await host.As("station.chengjiang"))
        {
            Assert.Equal(Beijing(2026, 9, 28, 9), (await station.TaskAsync(id, "register"))["dueAt"]!.GetValue<DateTimeOffset>());
        }

        await Referral.RegisterAsync(host, id);
        // 1 working day: Monday 09-28. 5 working days: 28, 29, 30 September, then 8 and 9 October.
        Assert.Equal(Beijing(2026, 10, 9, 9), DateTimeOffset.Parse((await Referral.VariablesAsync(host, id))["feedbackDue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        await host.AdvanceToAsync(Beijing(2026, 9, 28, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id));
        await host.AdvanceToAsync(Beijing(2026, 9, 28, 9));
        var late = (await host.NotificationsAsync(id)).Where(n => n.Kind == "escalation").ToList();
        Assert.Equal(2, late.Count);
        Assert.All(late, n => Assert.Equal(Beijing(2026, 9, 28, 9), n.Local()));

        await host.AdvanceToAsync(Beijing(2026, 10, 9, 8, 59));
        using (var station = await host.As("station.chengjiang"))
        {
            Assert.False(await station.SeesTaskAsync(id, "interimFeedback"));
        }

        await host.AdvanceToAsync(Beijing(2026, 10, 9, 9));
        using (var station = await host.As("station.chengjiang"))
        {
            Assert.True(await station.SeesTaskAsync(id, "interimFeedback"));
        }
    }
}

/// <summary>The main path once more on PostgreSQL.</summary>
public sealed class EnforcementReferralPostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public async Task Main_path_on_PostgreSQL()
    {
        var id = await Referral.ReportAsync(host, "cooking-fumes");
        await Referral.RegisterAsync(host, id, overrideLeading: "chengguan");
        using (var zhujian = await host.As("dept.zhujian"))
        {
            Assert.Empty(await zhujian.TasksAsync(id));
        }

        await Referral.HandleAsync(host, id, "dept.chengguan", new { findings = "油烟直排", result = "rectify", rectifyDeadline = "2026-03-04" });
        await host.AdvanceToAsync(Beijing(2026, 3, 4, 8));
        using (var chengguan = await host.As("dept.chengguan"))
        {
            await chengguan.CompleteAsync(id, "followUp", new { rectified = "yes", followUpNote = "已安装油烟净化器" });
        }

        // 生态环境局 supports (the category's usual leading department after the override): no demo officer, the administrator completes it.
        using (var admin = await host.As("admin"))
        {
            await admin.CompleteAsync(id, "assist", new { assistOpinion = "已检测达标" });
        }

        await Referral.FeedbackAsync(host, id, "已整改到位");
        using (var firm = await host.As("firm.binjiang"))
        {
            await firm.CompleteAsync(id, "confirm", new { reporterResponse = "confirm" });
        }

        var instance = await Referral.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        await Referral.AssertJournalIntactAsync(host, id);
    }
}
