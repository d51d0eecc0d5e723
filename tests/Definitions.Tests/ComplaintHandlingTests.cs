using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.ProcedureRecords;

namespace Anju.Definitions.Tests;

/// <summary>Steps of P1 complaint handling (投诉处理) that several scenario classes share.</summary>
public static class Complaint
{
    public const string Key = "complaint-handling";

    public static object Filing(string category = "facilities", object? extra = null)
    {
        var variables = new JsonObject
        {
            ["category"] = category,
            ["description"] = "3幢电梯停运两天无人维修",
            ["location"] = "3幢1单元",
            ["contact"] = "13900000000",
        };
        if (extra is not null)
        {
            foreach (var (name, value) in JsonSerializerHelpers.ToObject(extra))
            {
                variables[name] = value?.DeepClone();
            }
        }

        return variables;
    }

    /// <summary>owner.li files on the portal about his own compound.</summary>
    public static async Task<string> FileOnPortalAsync(ProcedureHost host, string category = "facilities")
    {
        using var owner = await host.As("owner.li");
        return (await owner.StartAsync(Key, ProcedureApi.Binjiang, Filing(category))).Id();
    }

    /// <summary>The community enters a 12345 hotline case for owner.li.</summary>
    public static async Task<string> FileFromHotlineAsync(ProcedureHost host, bool urgent = false)
    {
        using var community = await host.As("community.huangshan");
        return (await community.StartAsync(Key, ProcedureApi.Binjiang, Filing("sanitation", new { owner = "owner.li", urgent }))).Id();
    }

    /// <summary>The community enters a case for a caller without an account (name, phone, channel).</summary>
    public static async Task<string> FileForCallerAsync(ProcedureHost host, string channel)
    {
        using var community = await host.As("community.huangshan");
        return (await community.StartAsync(Key, ProcedureApi.Binjiang, Filing("sanitation", new { callerName = "张女士", callerPhone = "13812345678", callerChannel = channel }))).Id();
    }

    public static Task AcceptAsync(ProcedureHost host, string id, bool urgent = false) =>
        DecideAsync(host, id, new { decision = "accept", urgent, acceptNote = "属物业服务事项" });

    /// <summary>The community's acceptance form, sent as the inbox sends it: with the filed category pre-filled.</summary>
    public static async Task DecideAsync(ProcedureHost host, string id, object decision)
    {
        using var community = await host.As("community.huangshan");
        var task = await community.GetAsync($"/api/tasks/{(await community.TaskAsync(id, "accept")).Id()}").Expect(HttpStatusCode.OK);
        var form = JsonSerializerHelpers.ToObject(decision);
        form["category"] ??= task["variables"]!["category"]!.DeepClone();
        await community.CompleteAsync(id, "accept", form);
    }

    public static async Task FirmReportsAsync(ProcedureHost host, string id)
    {
        using var firm = await host.As("firm.binjiang");
        await firm.CompleteAsync(id, "handle", new { handlingResult = "已更换电梯控制板，恢复运行", resultPhotos = "after-1.jpg" });
    }

    public static async Task VerifyAsync(ProcedureHost host, string id, bool done)
    {
        using var community = await host.As("community.huangshan");
        await community.CompleteAsync(id, "verify", new { verification = done ? "done" : "not-done", verifyNote = done ? "现场核实已恢复" : "现场仍未修复" });
    }

    public static async Task ReviewAsync(ProcedureHost host, string id, string satisfaction)
    {
        using var owner = await host.As("owner.li");
        await owner.CompleteAsync(id, "review", new { satisfaction, reviewComment = "评价" });
    }

    /// <summary>The whole ordinary path, asserting who sees each task; used on SQLite and PostgreSQL.</summary>
    public static async Task MainPathAsync(ProcedureHost host)
    {
        var filedAt = host.Clock.GetUtcNow();
        var id = await FileOnPortalAsync(host);
        using var admin = await host.As("admin");
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("owner.li", variables["complainant"]!.GetValue<string>());
        Assert.Equal("portal", variables["channel"]!.GetValue<string>());
        Assert.Equal("滨江花园", variables["compoundName"]!.GetValue<string>());

        // 受理: the community of the compound, nobody else
        using (var community = await host.As("community.huangshan"))
        {
            var accept = await community.TaskAsync(id, "accept");
            Assert.Equal(At(2026, 3, 3, 9), accept.DueAt());
        }

        await AssertNotSeenAsync(host, id, "accept", "community.xingfu", "street.nanzha", "firm.binjiang", "owner.li");
        await AcceptAsync(host, id);

        // 办理: the compound's firm only
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(At(2026, 3, 5, 9), (await firm.TaskAsync(id, "handle")).DueAt());
        }

        await AssertNotSeenAsync(host, id, "handle", "firm.yuxiu", "community.xingfu", "street.nanzha", "owner.li");
        await FirmReportsAsync(host, id);

        // 核实 by the community, then 回访 by the owner himself
        await AssertNotSeenAsync(host, id, "verify", "community.xingfu", "firm.binjiang");
        await VerifyAsync(host, id, done: true);
        using (var owner = await host.As("owner.li"))
        {
            var review = await owner.TaskAsync(id, "review");
            Assert.Equal("owner.li", review["assignee"]!.GetValue<string>());
        }

        await AssertNotSeenAsync(host, id, "review", "community.huangshan", "firm.binjiang", "street.chengjiang");
        await ReviewAsync(host, id, "basically-satisfied");

        Assert.Equal("completed", await admin.StatusAsync(id));
        variables = await admin.VariablesAsync(id);
        Assert.Equal("basically-satisfied", variables["satisfaction"]!.GetValue<string>());
        Assert.False(variables["satisfactionDefaulted"]!.GetValue<bool>());
        Assert.True(variables["handledOnTime"]!.GetValue<bool>());
        Assert.Equal("resolved", variables["outcome"]!.GetValue<string>());
        Assert.Equal("facilities", variables["category"]!.GetValue<string>());
        Assert.False(variables["urgent"]!.GetValue<bool>());
        Assert.Equal(1, variables["dispatchCount"]!.GetValue<int>());
        foreach (var stamp in new[] { "filedAt", "acceptedAt", "dispatchedAt", "handledAt", "closedAt" })
        {
            Assert.Equal(filedAt, variables.Date(stamp), TimeSpan.FromSeconds(1));
        }

        var result = await host.SingleNotificationAsync(id, "owner.li", "result", filedAt);
        Assert.Contains("滨江花园", result.Title, StringComparison.Ordinal);
        Assert.Empty(await host.NotificationsAsync(id, kind: "escalation"));
        await admin.IntactJournalAsync(id, "accept", "handle", "verify", "review", "close", "notifyResult");

        // ... and in his own message list (GET /api/notifications)
        using (var inbox = await host.As("owner.li"))
        {
            var mine = await inbox.GetAsync("/api/notifications?pageSize=100").Expect(HttpStatusCode.OK);
            Assert.Contains(mine["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "result" && n["instanceId"]!.GetValue<string>() == id);
        }

        // The owner sees his own case; another owner's or a firm's view of the instance is not his business.
        using var li = await host.As("owner.li");
        await li.GetAsync($"/api/instances/{id}").Expect(HttpStatusCode.OK);
    }

    /// <summary>A 12345 caller without an account, carried to the community's satisfaction call; on SQLite and PostgreSQL.</summary>
    public static async Task CallerCallbackAsync(ProcedureHost host)
    {
        // an owner may not pose as a hotline caller, even under his own username
        using (var owner = await host.As("owner.li"))
        {
            var posing = await owner.PostAsJsonAsync($"/api/definitions/{Key}/instances", new
            {
                jurisdiction = ProcedureApi.Binjiang,
                variables = Filing("sanitation", new { callerName = "owner.li", callerChannel = "12345" }),
            });
            Assert.Equal(HttpStatusCode.Forbidden, posing.StatusCode);
        }

        var id = await FileForCallerAsync(host, "12345");
        using var admin = await host.As("admin");
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("", variables["complainant"]!.GetValue<string>());
        Assert.False(variables["callerHasAccount"]!.GetValue<bool>());
        Assert.Equal("12345", variables["channel"]!.GetValue<string>());
        Assert.Equal("community.huangshan", variables["filedBy"]!.GetValue<string>());

        // the case number (受理编号) the staff member reads out to the caller: the complaint prefix, the year (Beijing)
        // and the year's sequence number
        var instance = await admin.InstanceAsync(id);
        Assert.Matches(@"^TS-2026-\d{6}$", instance["caseNumber"]!.GetValue<string>());

        // who filed for whom, and how the caller came in, is in the journal
        var started = (await admin.JournalAsync(id)).Single(e => e["type"]!.GetValue<string>() == "InstanceStarted");
        Assert.Equal("community.huangshan", started["actor"]!.GetValue<string>());
        Assert.Equal("张女士", started["details"]!["filedOnBehalf"]!["callerName"]!.GetValue<string>());
        Assert.Equal("12345", started["details"]!["filedOnBehalf"]!["callerChannel"]!.GetValue<string>());

        await AcceptAsync(host, id);
        await FirmReportsAsync(host, id);
        await VerifyAsync(host, id, done: true);

        // no owner's review: the community calls the caller back and records the answer
        Assert.DoesNotContain("review", await admin.ActiveAsync(id));
        await AssertNotSeenAsync(host, id, "callback", "owner.li", "community.xingfu", "firm.binjiang");
        using (var community = await host.As("community.huangshan"))
        {
            var callback = await community.TaskAsync(id, "callback");
            Assert.Equal(At(2026, 3, 5, 9), callback.DueAt());
            await community.CompleteAsync(id, "callback", new { satisfaction = "basically-satisfied", callbackChannel = "phone", callbackNote = "电话回访张女士，表示基本满意" });
        }

        Assert.Equal("completed", await admin.StatusAsync(id));
        variables = await admin.VariablesAsync(id);
        Assert.Equal("basically-satisfied", variables["satisfaction"]!.GetValue<string>());
        Assert.False(variables["satisfactionDefaulted"]!.GetValue<bool>());
        Assert.Equal("resolved", variables["outcome"]!.GetValue<string>());
        var completed = (await admin.JournalAsync(id)).Single(e => e["type"]!.GetValue<string>() == "TaskCompleted" && e["activityId"]!.GetValue<string>() == "callback");
        Assert.Equal("community.huangshan", completed["actor"]!.GetValue<string>());
        Assert.Equal("phone", completed["details"]!["variables"]!["callbackChannel"]!.GetValue<string>());
        await admin.IntactJournalAsync(id, "accept", "handle", "verify", "callback", "close");
    }

    public static async Task AssertNotSeenAsync(ProcedureHost host, string id, string activityId, params string[] users)
    {
        foreach (var user in users)
        {
            using var client = await host.As(user);
            Assert.False(await client.SeesTaskAsync(id, activityId), $"{user} should not see '{activityId}'");
        }
    }
}

internal static class JsonSerializerHelpers
{
    public static JsonObject ToObject(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();
}

/// <summary>P1 paths that need no clock: main path, 不予受理, 移送执法, two returns, reopen and the street's rulings.</summary>
public sealed class ComplaintHandlingTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public Task Owner_files_on_the_portal_firm_handles_community_verifies_owner_is_basically_satisfied() => Complaint.MainPathAsync(host);

    [Fact]
    public async Task A_filing_without_a_category_is_refused_and_names_the_field()
    {
        // docs/procedures.md P1: a filing gives its category. The start form requires it; nothing is started.
        using var admin = await host.As("admin");
        var before = (await admin.GetAsync($"/api/instances?definitionKey={Complaint.Key}").Expect(HttpStatusCode.OK))["total"]!.GetValue<int>();
        using var hotline = await host.As("community.huangshan");
        var response = await hotline.PostAsJsonAsync($"/api/definitions/{Complaint.Key}/instances",
            new { jurisdiction = ProcedureApi.Binjiang, variables = new { owner = "owner.li", description = "楼道灯不亮" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["category"], body!["errors"]!.AsObject().Select(e => e.Key));
        var after = (await admin.GetAsync($"/api/instances?definitionKey={Complaint.Key}").Expect(HttpStatusCode.OK))["total"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Community_rejects_with_a_reason_and_the_owner_is_told()
    {
        var id = await Complaint.FileOnPortalAsync(host, "other");
        await Complaint.DecideAsync(host, id, new { decision = "reject", rejectReason = "非物业服务事项，属邻里纠纷" });

        using var admin = await host.As("admin");
        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("rejected", variables["outcome"]!.GetValue<string>());
        Assert.False(variables.ContainsKey("dispatchedAt"));
        var told = await host.SingleNotificationAsync(id, "owner.li", "result", host.Clock.GetUtcNow());
        Assert.Contains("非物业服务事项，属邻里纠纷", told.Body, StringComparison.Ordinal);
        Assert.Empty(await host.NotificationsAsync(id, "firm.binjiang"));
        await admin.IntactJournalAsync(id, "accept", "closeRejected", "notifyRejected", "rejectedEnd");
    }

    [Fact]
    public async Task A_violation_of_law_starts_an_enforcement_referral_and_ends_with_a_link()
    {
        var standIn = await EnforcementReferral.EnsureDeployedAsync(host);
        var id = await Complaint.FileOnPortalAsync(host, "fire-safety");
        await Complaint.DecideAsync(host, id, new { decision = "refer", violationCategory = "fire-lane", acceptNote = "占用消防通道，属违法行为" });

        using var admin = await host.As("admin");
        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("referred", variables["outcome"]!.GetValue<string>());
        var referralId = variables["startedInstanceId"]!.GetValue<string>();
        Assert.Equal(referralId, variables["referralInstanceId"]!.GetValue<string>());

        var referral = await admin.InstanceAsync(referralId);
        Assert.Equal("enforcement-referral", referral["definitionKey"]!.GetValue<string>());
        Assert.Equal(ProcedureApi.Binjiang, referral["jurisdiction"]!.GetValue<string>());
        var handedOver = referral["variables"]!.AsObject();
        Assert.Equal("fire-lane", handedOver["category"]!.GetValue<string>());
        Assert.Equal("fire-safety", handedOver["complaintCategory"]!.GetValue<string>());
        Assert.Equal("3幢电梯停运两天无人维修", handedOver["description"]!.GetValue<string>());
        Assert.Equal("3幢1单元", handedOver["location"]!.GetValue<string>());
        Assert.Equal(id, handedOver["sourceInstanceId"]!.GetValue<string>());
        if (!standIn)
        {
            Assert.NotEqual("incident", referral["status"]!.GetValue<string>());
        }

        var told = await host.SingleNotificationAsync(id, "owner.li", "result", host.Clock.GetUtcNow());
        Assert.Contains("移送", told.Title, StringComparison.Ordinal);
        await admin.IntactJournalAsync(id, "accept", "referToEnforcement", "closeReferred", "notifyReferred", "referredEnd");
    }

    [Fact]
    public async Task Hotline_case_returned_twice_goes_to_the_street_which_rules_it_done_then_owner_reopens_once_and_the_street_rules()
    {
        var id = await Complaint.FileFromHotlineAsync(host);
        using var admin = await host.As("admin");
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("owner.li", variables["complainant"]!.GetValue<string>());
        Assert.Equal("hotline", variables["channel"]!.GetValue<string>());
        Assert.Equal("community.huangshan", variables["initiator"]!.GetValue<string>());

        await Complaint.AcceptAsync(host, id);
        for (var round = 1; round <= 2; round++)
        {
            await Complaint.FirmReportsAsync(host, id);
            await Complaint.VerifyAsync(host, id, done: false);
            Assert.Equal(round, (await admin.VariablesAsync(id))["verifyReturns"]!.GetValue<int>());
            Assert.Contains("handle", await admin.ActiveAsync(id));
        }

        // third report, still not done: no third return, the street office decides
        await Complaint.FirmReportsAsync(host, id);
        await Complaint.VerifyAsync(host, id, done: false);
        Assert.DoesNotContain("handle", await admin.ActiveAsync(id));
        await Complaint.AssertNotSeenAsync(host, id, "streetDecides", "street.nanzha", "community.huangshan");
        using (var street = await host.As("street.chengjiang"))
        {
            await street.CompleteAsync(id, "streetDecides", new { decision2 = "done", decisionNote = "经现场查看，电梯已恢复" });
        }

        // the review goes to the owner the hotline case was for, not to the community that entered it
        await Complaint.AssertNotSeenAsync(host, id, "review", "community.huangshan");
        await Complaint.ReviewAsync(host, id, "dissatisfied");
        variables = await admin.VariablesAsync(id);
        Assert.True(variables["reopened"]!.GetValue<bool>());
        Assert.Equal(0, variables["verifyReturns"]!.GetValue<int>());
        Assert.Equal(4, variables["dispatchCount"]!.GetValue<int>());

        await Complaint.FirmReportsAsync(host, id);
        await Complaint.VerifyAsync(host, id, done: true);
        await Complaint.ReviewAsync(host, id, "dissatisfied");

        // dissatisfied again: no second reopening, the street office's ruling closes the case
        Assert.DoesNotContain("handle", await admin.ActiveAsync(id));
        using (var street = await host.As("street.chengjiang"))
        {
            await street.CompleteAsync(id, "reviewRuling", new { streetRuling = "firm-fulfilled", rulingNote = "物业已按规范处理" });
        }

        Assert.Equal("completed", await admin.StatusAsync(id));
        variables = await admin.VariablesAsync(id);
        Assert.Equal("ruled", variables["outcome"]!.GetValue<string>());
        Assert.Equal("dissatisfied", variables["satisfaction"]!.GetValue<string>());
        Assert.Equal("firm-fulfilled", variables["streetRuling"]!.GetValue<string>());
        Assert.Equal(4, variables["dispatchCount"]!.GetValue<int>());
        await host.SingleNotificationAsync(id, "owner.li", "result", host.Clock.GetUtcNow());
        Assert.Empty(await host.NotificationsAsync(id, "community.huangshan", "result"));
        await admin.IntactJournalAsync(id, "returnToFirm", "streetDecides", "reopen", "reviewRuling", "close");
    }

    [Fact]
    public Task A_12345_caller_without_an_account_gets_a_case_number_and_the_community_records_the_callback() => Complaint.CallerCallbackAsync(host);

    [Fact]
    public async Task A_caller_who_cannot_be_reached_is_closed_as_default_satisfied_and_a_dissatisfied_caller_reopens_the_case()
    {
        var id = await Complaint.FileForCallerAsync(host, "visit");
        using var admin = await host.As("admin");
        Assert.Equal("visit", (await admin.VariablesAsync(id))["channel"]!.GetValue<string>());
        await Complaint.AcceptAsync(host, id);
        await Complaint.FirmReportsAsync(host, id);
        await Complaint.VerifyAsync(host, id, done: true);
        using (var community = await host.As("community.huangshan"))
        {
            await community.CompleteAsync(id, "callback", new { satisfaction = "dissatisfied", callbackChannel = "visit", callbackNote = "上门回访，来电人不满意" });
        }

        Assert.True((await admin.VariablesAsync(id))["reopened"]!.GetValue<bool>());
        await Complaint.FirmReportsAsync(host, id);
        await Complaint.VerifyAsync(host, id, done: true);
        using (var community = await host.As("community.huangshan"))
        {
            await community.CompleteAsync(id, "callback", new { satisfaction = "no-answer", callbackChannel = "phone", callbackNote = "三次致电未接通" });
        }

        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("satisfied", variables["satisfaction"]!.GetValue<string>());
        Assert.True(variables["satisfactionDefaulted"]!.GetValue<bool>());
        Assert.Equal("resolved", variables["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_two_returns_the_street_may_close_the_case_as_unresolved()
    {
        var id = await Complaint.FileOnPortalAsync(host, "fees");
        await Complaint.AcceptAsync(host, id);
        for (var round = 0; round < 3; round++)
        {
            await Complaint.FirmReportsAsync(host, id);
            await Complaint.VerifyAsync(host, id, done: false);
        }

        using (var street = await host.As("street.chengjiang"))
        {
            await street.CompleteAsync(id, "streetDecides", new { decision2 = "unresolved", decisionNote = "涉及开发商遗留问题，另行处理" });
        }

        using var admin = await host.As("admin");
        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.Equal("unresolved", variables["outcome"]!.GetValue<string>());
        var told = await host.SingleNotificationAsync(id, "owner.li", "result", host.Clock.GetUtcNow());
        Assert.Contains("涉及开发商遗留问题", told.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_outside_the_compound_may_file_or_see_the_case()
    {
        using var owner = await host.As("owner.li");
        var response = await owner.PostAsJsonAsync($"/api/definitions/{Complaint.Key}/instances",
            new { jurisdiction = ProcedureApi.Xingfuli, variables = Complaint.Filing() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var id = await Complaint.FileOnPortalAsync(host);
        using var firm = await host.As("firm.yuxiu");
        await firm.GetAsync($"/api/instances/{id}").Expect(HttpStatusCode.NotFound);
        using var nanzha = await host.As("street.nanzha");
        await nanzha.GetAsync($"/api/instances/{id}").Expect(HttpStatusCode.NotFound);
    }
}

/// <summary>The enforcement referral (P3) the complaint starts: the real definition when it is in definitions/, else a stand-in.</summary>
public static class EnforcementReferral
{
    private const string StandIn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="stand-in" targetNamespace="https://anju.jiangyin.gov.cn/tests">
          <bpmn:process id="enforcement-referral" name="执法线索移送（测试替身）" isExecutable="true">
            <bpmn:startEvent id="start" name="移送" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="register" />
            <bpmn:userTask id="register" name="登记" camunda:candidateGroups="enforcement-station" />
            <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="end" />
            <bpmn:endEvent id="end" name="结束" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Deploys the stand-in only when definitions/ has no enforcement-referral; returns whether it did.</summary>
    public static async Task<bool> EnsureDeployedAsync(ProcedureHost host)
    {
        if (File.Exists(Path.Combine(Repository.Definitions, "enforcement-referral.bpmn")))
        {
            return false;
        }

        using var admin = await host.As("admin");
        var response = await admin.PostAsync("/api/deployments", new StringContent(StandIn, System.Text.Encoding.UTF8, "application/xml"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return true;
    }
}

/// <summary>P1 on PostgreSQL: the main path once more.</summary>
public sealed class ComplaintHandlingPostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public Task Owner_files_on_the_portal_firm_handles_community_verifies_owner_is_basically_satisfied() => Complaint.MainPathAsync(host);

    [Fact]
    public Task A_12345_caller_without_an_account_gets_a_case_number_and_the_community_records_the_callback() => Complaint.CallerCallbackAsync(host);
}

/// <summary>P1 time limits in an ordinary week: 受理 督办, 催办 at 2/3, 督办 at the limit, 默认满意.</summary>
public sealed class ComplaintHandlingTimerTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task Late_acceptance_and_late_handling_escalate_to_the_street_and_silence_closes_as_default_satisfied()
    {
        // Monday 2026-03-02 09:00
        var id = await Complaint.FileOnPortalAsync(host);

        // 受理 within 1 working day: Tuesday 09:00 the street office is told, the community's task stays
        await host.AdvanceToAsync(At(2026, 3, 3, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "escalation"));
        await host.AdvanceToAsync(At(2026, 3, 3, 9));
        await host.SingleNotificationAsync(id, "street.chengjiang", "escalation", At(2026, 3, 3, 9));
        Assert.Empty(await host.NotificationsAsync(id, "street.nanzha"));
        await Complaint.AcceptAsync(host, id);

        // 办理 within 3 working days from Tuesday 09:00: due Friday 09:00, 催办 Thursday 09:00
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(At(2026, 3, 6, 9), (await firm.TaskAsync(id, "handle")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 3, 5, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "reminder"));
        await host.AdvanceToAsync(At(2026, 3, 5, 9));
        var reminder = await host.SingleNotificationAsync(id, "firm.binjiang", "reminder", At(2026, 3, 5, 9));
        Assert.Contains("催办", reminder.Title, StringComparison.Ordinal);
        Assert.Empty(await host.NotificationsAsync(id, "firm.yuxiu"));

        // 督办 at the limit: a notification and a task for the street office; the firm's task stays open
        await host.AdvanceToAsync(At(2026, 3, 6, 8, 59));
        Assert.Single(await host.NotificationsAsync(id, "street.chengjiang", "escalation"));
        await host.AdvanceToAsync(At(2026, 3, 6, 9));
        var escalations = await host.NotificationsAsync(id, "street.chengjiang", "escalation");
        Assert.Equal(2, escalations.Count);
        Assert.Equal(At(2026, 3, 6, 9).UtcDateTime, DateTime.SpecifyKind(escalations[1].CreatedAt, DateTimeKind.Utc), TimeSpan.FromSeconds(1));
        using (var street = await host.As("street.chengjiang"))
        {
            var supervise = await street.TaskAsync(id, "supervise");
            Assert.Equal(At(2026, 3, 9, 9), supervise.DueAt());
            await street.CompleteAsync(id, "supervise", new { supervisionNote = "已约谈物业项目经理" });
        }

        await Complaint.AssertNotSeenAsync(host, id, "supervise", "street.nanzha");
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.True(await firm.SeesTaskAsync(id, "handle"));
        }

        await host.AdvanceToAsync(At(2026, 3, 6, 11));
        await Complaint.FirmReportsAsync(host, id);
        await Complaint.VerifyAsync(host, id, done: true);

        // 回访 within 3 working days: Friday 11:00 → Wednesday 11:00; no answer closes as 默认满意
        using (var owner = await host.As("owner.li"))
        {
            Assert.Equal(At(2026, 3, 11, 11), (await owner.TaskAsync(id, "review")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 3, 11, 10, 59));
        using (var admin = await host.As("admin"))
        {
            Assert.Equal("active", await admin.StatusAsync(id));
        }

        await host.AdvanceToAsync(At(2026, 3, 11, 11));
        using (var admin = await host.As("admin"))
        {
            Assert.Equal("completed", await admin.StatusAsync(id));
            var variables = await admin.VariablesAsync(id);
            Assert.Equal("satisfied", variables["satisfaction"]!.GetValue<string>());
            Assert.True(variables["satisfactionDefaulted"]!.GetValue<bool>());
            Assert.False(variables["handledOnTime"]!.GetValue<bool>());
            Assert.Equal("resolved", variables["outcome"]!.GetValue<string>());
            Assert.Equal(At(2026, 3, 3, 9), variables.Date("acceptedAt"));
            Assert.Equal(At(2026, 3, 6, 9), variables.Date("firmDueAt"));
            Assert.Equal(At(2026, 3, 6, 11), variables.Date("handledAt"));
            Assert.Equal(At(2026, 3, 11, 11), variables.Date("closedAt"));
            await admin.IntactJournalAsync(id, "acceptOverdue", "escalateAccept", "handleReminder", "remindFirm", "handleOverdue", "escalateFirm", "supervise", "reviewTimeout", "defaultSatisfied");
        }

        await host.SingleNotificationAsync(id, "owner.li", "result", At(2026, 3, 11, 11));
    }
}

/// <summary>P1 urgent case: 24 hours, 催办 after 16 hours; handled in time, no 督办.</summary>
public sealed class ComplaintHandlingUrgentTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task Urgent_case_is_due_in_24_hours_reminded_after_16_and_handled_in_time_without_escalation()
    {
        // Monday 2026-03-02 09:00, a hotline case flagged urgent, confirmed at acceptance
        var id = await Complaint.FileFromHotlineAsync(host, urgent: true);
        await Complaint.AcceptAsync(host, id, urgent: true);
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(At(2026, 3, 3, 9), (await firm.TaskAsync(id, "handle")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 3, 3, 0, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "reminder"));
        await host.AdvanceToAsync(At(2026, 3, 3, 1));
        await host.SingleNotificationAsync(id, "firm.binjiang", "reminder", At(2026, 3, 3, 1));

        await host.AdvanceToAsync(At(2026, 3, 3, 8));
        await Complaint.FirmReportsAsync(host, id);
        await host.AdvanceToAsync(At(2026, 3, 3, 10));
        Assert.Empty(await host.NotificationsAsync(id, kind: "escalation"));

        using var admin = await host.As("admin");
        var variables = await admin.VariablesAsync(id);
        Assert.True(variables["urgent"]!.GetValue<bool>());
        Assert.True(variables["handledOnTime"]!.GetValue<bool>());
        Assert.Contains("verify", await admin.ActiveAsync(id));
        Assert.DoesNotContain("supervise", await admin.ActiveAsync(id));
    }
}

/// <summary>P1 across the 2026 Mid-Autumn and National Day holidays (9-25..9-27, 10-1..10-7; 调休 10-10).</summary>
public sealed class ComplaintHandlingNationalDayTests(NationalDayHost host) : IClassFixture<NationalDayHost>
{
    [Fact]
    public async Task Deadlines_skip_the_holidays_and_count_the_make_up_Saturday()
    {
        // Friday 2026-09-25 09:00, a holiday: 受理 is due on the next working day, Monday 9-28
        var id = await Complaint.FileOnPortalAsync(host);
        using (var community = await host.As("community.huangshan"))
        {
            Assert.Equal(At(2026, 9, 28, 9), (await community.TaskAsync(id, "accept")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 9, 28, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "escalation"));
        await host.AdvanceToAsync(At(2026, 9, 28, 9));
        await host.SingleNotificationAsync(id, "street.chengjiang", "escalation", At(2026, 9, 28, 9));

        // accepted Tuesday 9-29: working days 9-30, 10-8, 10-9 → due Friday 10-9, 催办 Thursday 10-8
        await host.AdvanceToAsync(At(2026, 9, 29, 9));
        await Complaint.AcceptAsync(host, id);
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(At(2026, 10, 9, 9), (await firm.TaskAsync(id, "handle")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 10, 8, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id, kind: "reminder"));
        await host.AdvanceToAsync(At(2026, 10, 8, 9));
        await host.SingleNotificationAsync(id, "firm.binjiang", "reminder", At(2026, 10, 8, 9));

        await host.AdvanceToAsync(At(2026, 10, 8, 10));
        await Complaint.FirmReportsAsync(host, id);
        await Complaint.VerifyAsync(host, id, done: true);

        // 回访: 10-9, Saturday 10-10 (调休 working day), Monday 10-12
        using (var owner = await host.As("owner.li"))
        {
            Assert.Equal(At(2026, 10, 12, 10), (await owner.TaskAsync(id, "review")).DueAt());
        }

        await host.AdvanceToAsync(At(2026, 10, 12, 10));
        using var admin = await host.As("admin");
        Assert.Equal("completed", await admin.StatusAsync(id));
        var variables = await admin.VariablesAsync(id);
        Assert.True(variables["satisfactionDefaulted"]!.GetValue<bool>());
        Assert.True(variables["handledOnTime"]!.GetValue<bool>());
        Assert.Single(await host.NotificationsAsync(id, "street.chengjiang", "escalation"));
        await admin.IntactJournalAsync(id, "reviewTimeout", "defaultSatisfied", "close");
    }
}
