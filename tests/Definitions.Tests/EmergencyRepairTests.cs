using Anju.Host.Features.Notifications;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Anju.Definitions.Tests.Support.ProcedureApi;
using static Anju.Definitions.Tests.Support.ProcedureData;

namespace Anju.Definitions.Tests;

/// <summary>The steps of P2 (维修资金应急使用) the scenario classes share.</summary>
internal static class Repair
{
    public const string Key = "emergency-repair";

    public static object Report(long budget = 100_000, long plannedDays = 3, string? affectedUnits = null) => affectedUnits is null
        ? new
        {
            emergencyKind = "elevator",
            description = "2幢电梯曳引机故障，电梯停运，困人风险",
            repairPlan = "更换曳引机及控制柜",
            budget,
            contractor = "江阴市某电梯工程有限公司",
            plannedDays,
        }
        : new
        {
            emergencyKind = "elevator",
            description = "2幢电梯曳引机故障，电梯停运，困人风险",
            repairPlan = "更换曳引机及控制柜",
            budget,
            contractor = "江阴市某电梯工程有限公司",
            plannedDays,
            affectedUnits,
        };

    public static async Task<string> ReportAsync(ProcedureHost host, string firm = "firm.binjiang", string compound = Binjiang, long budget = 100_000, long plannedDays = 3, string? affectedUnits = null)
    {
        using var client = await host.As(firm);
        return (await client.StartAsync(Key, compound, Report(budget, plannedDays, affectedUnits)))["id"]!.GetValue<string>();
    }

    /// <summary>Committee review, confirmation, the centre's approval as given, start and completion, acceptance.</summary>
    public static async Task ToSettlementAsync(ProcedureHost host, string id)
    {
        await CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        await ConfirmAsync(host, id);
        await CompleteAsync(host, "bureau.housing", id, "bureauApprove", new { bureauDecision = "approve", bureauOpinion = "同意" });
        await CompleteAsync(host, "firm.binjiang", id, "startReport", new { startedOn = "2026-03-02", startNote = "进场" });
        await CompleteAsync(host, "firm.binjiang", id, "completionReport", new { completedOn = "2026-03-03", completionNote = "完工" });
        await CompleteAsync(host, "committee.binjiang", id, "committeeAccept", new { accepted = "pass", acceptanceNote = "合格" });
    }

    public static List<(string Unit, string Owner, decimal Share)> Shares(JsonObject variables) =>
        [.. variables["costShares"]!.AsArray().Select(s => (s!["unit"]!.GetValue<string>(), s["owner"]!.GetValue<string>(), s["share"]!.GetValue<decimal>()))];

    public static async Task<JsonObject> InstanceAsync(ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return await admin.InstanceAsync(id);
    }

    /// <summary>The instance's variables; fails naming the incidents if a step stopped with one.</summary>
    public static async Task<JsonObject> VariablesAsync(ProcedureHost host, string id)
    {
        var instance = await InstanceAsync(host, id);
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());

        return instance["variables"]!.AsObject();
    }

    public static async Task CompleteAsync(ProcedureHost host, string user, string id, string activity, object variables)
    {
        using var client = await host.As(user);
        await client.CompleteAsync(id, activity, variables);
    }

    public static Task ConfirmAsync(ProcedureHost host, string id, string answer = "yes") =>
        CompleteAsync(host, "street.chengjiang", id, "confirmEmergency", new { emergencyConfirmed = answer, emergencyKind = "elevator", confirmNote = "现场确认电梯停运" });

    public static async Task<List<string>> ActiveAsync(ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return await admin.ActiveAsync(id);
    }

    public static async Task<List<(string Title, DateTime Until, DateTime PostedAt, string Jurisdiction)>> NoticesAsync(ProcedureHost host, string id)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var instance = Guid.Parse(id);
        var rows = await db.Set<PublicNotice>().AsNoTracking().Where(n => n.InstanceId == instance).ToListAsync();
        return [.. rows.OrderBy(n => n.PostedAt).Select(n => (n.Title, n.Until, n.PostedAt, n.Jurisdiction))];
    }

    public static double Number(JsonObject variables, string name) => variables[name]!.GetValue<double>();
}

/// <summary>P2 paths and who sees what, on an ordinary week (SQLite).</summary>
public sealed class EmergencyRepairTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task Main_path_with_a_committee_budget_cut_failed_acceptance_settlement_and_post_audit()
    {
        var id = await Repair.ReportAsync(host);

        using (var committee = await host.As("committee.binjiang"))
        using (var street = await host.As("street.chengjiang"))
        using (var nanzha = await host.As("street.nanzha"))
        using (var yuxiu = await host.As("firm.yuxiu"))
        {
            Assert.True(await committee.SeesTaskAsync(id, "committeeReview"));
            Assert.Empty(await street.TasksAsync(id));
            Assert.Empty(await nanzha.TasksAsync(id));
            Assert.Empty(await yuxiu.TasksAsync(id));
            var review = await committee.TaskAsync(id, "committeeReview");
            Assert.Equal(host.Clock.GetUtcNow().AddHours(24), review["dueAt"]!.GetValue<DateTimeOffset>());
            await committee.CompleteAsync(id, "committeeReview", new { planDecision = "agree", planOpinion = "同意更换" });
        }

        using (var nanzha = await host.As("street.nanzha"))
        using (var xingfu = await host.As("community.xingfu"))
        using (var huangshan = await host.As("community.huangshan"))
        {
            Assert.False(await nanzha.SeesTaskAsync(id, "confirmEmergency"));
            Assert.Empty(await xingfu.TasksAsync(id));
            Assert.True(await huangshan.SeesTaskAsync(id, "confirmEmergency"));
        }

        await Repair.ConfirmAsync(host, id);
        using (var bureau = await host.As("bureau.housing"))
        {
            var approve = await bureau.TaskAsync(id, "bureauApprove");
            Assert.Equal(host.Clock.GetUtcNow(), approve["createdAt"]!.GetValue<DateTimeOffset>());
            await bureau.CompleteAsync(id, "bureauApprove", new { bureauDecision = "approve", approvedBudget = 80_000, bureauOpinion = "核减控制柜费用" });
        }

        var variables = await Repair.VariablesAsync(host, id);
        Assert.Equal(80_000, Repair.Number(variables, "approvedBudget"));
        Assert.Equal(0.5, Repair.Number(variables, "prepaymentRatio"));
        Assert.Equal(40_000, Repair.Number(variables, "prepayment"));
        var approved = Assert.Single(await host.NotificationsAsync(id), n => n.Title.Contains("资金已核准", StringComparison.Ordinal));
        Assert.Equal("firm.binjiang", approved.Username);
        Assert.Contains("预付 40000 元", approved.Body, StringComparison.Ordinal);

        var posted = Assert.Single(await Repair.NoticesAsync(host, id));
        Assert.Equal("滨江花园应急维修公示", posted.Title);
        Assert.Equal(Binjiang, posted.Jurisdiction);
        Assert.Equal(TimeSpan.FromDays(7), posted.Until - posted.PostedAt);

        await Repair.CompleteAsync(host, "firm.binjiang", id, "startReport", new { startedOn = "2026-03-03", startNote = "施工队进场" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "completionReport", new { completedOn = "2026-03-04", completionNote = "已更换" });
        using (var street = await host.As("street.chengjiang"))
        {
            Assert.False(await street.SeesTaskAsync(id, "streetAccept"));
        }

        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeAccept", new { accepted = "fail", acceptanceNote = "平层误差超标" });
        Assert.Contains("completionReport", await Repair.ActiveAsync(host, id));
        await Repair.CompleteAsync(host, "firm.binjiang", id, "completionReport", new { completedOn = "2026-03-05", completionNote = "已调整平层" });
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeAccept", new { accepted = "pass", acceptanceNote = "验收合格" });

        await Repair.CompleteAsync(host, "firm.binjiang", id, "settlement", new { finalCost = 80_352, settlementNote = "按实结算" });
        variables = await Repair.VariablesAsync(host, id);
        Assert.Equal(40_352, Repair.Number(variables, "remainingPayment"));
        // Shared over the owners' register of 滨江花园: nine units, 1,004.40 m², 80 yuan per m².
        Assert.Equal(1_004.4, Repair.Number(variables, "sharedArea"), 6);
        Assert.Equal(80, Repair.Number(variables, "costPerSquareMetre"), 6);
        var shares = variables["costShares"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(9, shares.Count);
        var first = shares.Single(s => s["unit"]!.GetValue<string>() == "1-101");
        Assert.Equal(("owner.li", 7_160.0), (first["owner"]!.GetValue<string>(), first["share"]!.GetValue<double>()));
        Assert.Equal(80_352, shares.Sum(s => s["share"]!.GetValue<double>()), 2);
        var notices = await Repair.NoticesAsync(host, id);
        Assert.Equal(2, notices.Count);
        Assert.Equal("滨江花园应急维修结算公示", notices[1].Title);

        using (var bureau = await host.As("bureau.housing"))
        {
            await bureau.CompleteAsync(id, "postAudit", new { auditResult = "pass", auditNote = "资料齐全，结算属实" });
        }

        var instance = await Repair.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains("done", instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains(await host.NotificationsAsync(id), n => n.Title == "滨江花园应急维修事后审核：通过");
        using var admin = await host.As("admin");
        var journal = await admin.GetAsync($"/api/instances/{id}/journal").Expect(HttpStatusCode.OK);
        Assert.True(journal["verification"]!["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Without_a_committee_the_street_office_organises_and_a_non_emergency_ends_with_the_normal_procedure()
    {
        var id = await Repair.ReportAsync(host, "firm.yuxiu", Yuxiu);
        Assert.False((await Repair.VariablesAsync(host, id))["hasCommittee"]!.GetValue<bool>());
        using (var committee = await host.As("committee.binjiang"))
        using (var street = await host.As("street.chengjiang"))
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Empty(await committee.TasksAsync(id));
            Assert.Empty(await firm.TasksAsync(id));
            await street.CompleteAsync(id, "streetOrganise", new { planDecision = "agree", planOpinion = "街道代为组织，同意" });
            await street.CompleteAsync(id, "confirmEmergency", new { emergencyConfirmed = "no", emergencyKind = "elevator", confirmNote = "电梯可运行，属一般故障" });
        }

        var instance = await Repair.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains("notEmergencyEnd", instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        var told = Assert.Single(await host.NotificationsAsync(id));
        Assert.Equal("firm.yuxiu", told.Username);
        Assert.Contains("fund-normal-use", told.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_sent_back_for_revision_more_material_asked_and_the_budget_approved_as_requested_street_accepts()
    {
        var id = await Repair.ReportAsync(host, "firm.yuxiu", Yuxiu, budget: 60_000);
        await Repair.CompleteAsync(host, "street.chengjiang", id, "streetOrganise", new { planDecision = "revise", planOpinion = "请补充施工单位资质" });
        using (var firm = await host.As("firm.yuxiu"))
        {
            await firm.CompleteAsync(id, "revisePlan", new { repairPlan = "更换曳引机", budget = 50_000, contractor = "有资质的电梯公司", plannedDays = 5 });
        }

        await Repair.CompleteAsync(host, "street.chengjiang", id, "streetOrganise", new { planDecision = "agree", planOpinion = "同意" });
        await Repair.ConfirmAsync(host, id);
        using (var bureau = await host.As("bureau.housing"))
        {
            await bureau.CompleteAsync(id, "bureauApprove", new { bureauDecision = "supplement", bureauOpinion = "请补充报价单" });
        }

        using (var firm = await host.As("firm.yuxiu"))
        {
            await firm.CompleteAsync(id, "supplementMaterial", new { supplementNote = "报价单已上传", budget = 52_000 });
        }

        using (var bureau = await host.As("bureau.housing"))
        {
            await bureau.CompleteAsync(id, "bureauApprove", new { bureauDecision = "approve", bureauOpinion = "同意" });
        }

        var variables = await Repair.VariablesAsync(host, id);
        Assert.Equal(52_000, Repair.Number(variables, "approvedBudget"));
        Assert.Equal(26_000, Repair.Number(variables, "prepayment"));

        await Repair.CompleteAsync(host, "firm.yuxiu", id, "startReport", new { startedOn = "2026-03-03", startNote = "进场" });
        await Repair.CompleteAsync(host, "firm.yuxiu", id, "completionReport", new { completedOn = "2026-03-04", completionNote = "完工" });
        using (var committee = await host.As("committee.binjiang"))
        {
            Assert.Empty(await committee.TasksAsync(id));
        }

        await Repair.CompleteAsync(host, "street.chengjiang", id, "streetAccept", new { accepted = "pass", acceptanceNote = "合格" });
        await Repair.CompleteAsync(host, "firm.yuxiu", id, "settlement", new { finalCost = 31_200, settlementNote = "结算" });
        variables = await Repair.VariablesAsync(host, id);
        Assert.Equal(5_200, Repair.Number(variables, "remainingPayment"));
        Assert.Equal(1.0, Repair.Number(variables, "costPerSquareMetre"), 6); // no units registered: 31,200 ÷ 31,200 m² of the compound
        Assert.Empty(variables["costShares"]!.AsArray());
        await Repair.CompleteAsync(host, "bureau.housing", id, "postAudit", new { auditResult = "adjust", auditNote = "核减500元" });
        Assert.Equal("completed", (await Repair.InstanceAsync(host, id))["status"]!.GetValue<string>());
    }
}

/// <summary>P2 deadlines on an ordinary week: 24 hours for the committee and the street office, 2 working days for the centre, the planned days.</summary>
public sealed class EmergencyRepairDeadlineTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task Reviews_approval_and_the_planned_days_escalate_on_time()
    {
        // Monday 2026-03-02 09:00.
        var id = await Repair.ReportAsync(host, plannedDays: 3);
        await host.AdvanceToAsync(Beijing(2026, 3, 3, 8, 59));
        Assert.Empty(await host.NotificationsAsync(id));
        await host.AdvanceToAsync(Beijing(2026, 3, 3, 9));
        var late = Assert.Single(await host.NotificationsAsync(id));
        Assert.Equal(("street.chengjiang", "escalation"), (late.Username, late.Kind));
        Assert.Equal(Beijing(2026, 3, 3, 9), late.Local());

        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        // Tuesday 09:00 + 24 hours: the centre is told the emergency was not confirmed in time.
        await host.AdvanceToAsync(Beijing(2026, 3, 4, 9));
        var confirmLate = (await host.NotificationsAsync(id)).Where(n => n.Title.Contains("未确认险情", StringComparison.Ordinal)).ToList();
        Assert.Equal(["bureau.housing"], confirmLate.Select(n => n.Username));
        Assert.Equal(Beijing(2026, 3, 4, 9), confirmLate[0].Local());

        // Confirmed Thursday 2026-03-05 10:00: the centre has 2 working days, to Monday 03-09 10:00.
        await host.AdvanceToAsync(Beijing(2026, 3, 5, 10));
        await Repair.ConfirmAsync(host, id);
        using (var bureau = await host.As("bureau.housing"))
        {
            Assert.Equal(Beijing(2026, 3, 9, 10), (await bureau.TaskAsync(id, "bureauApprove"))["dueAt"]!.GetValue<DateTimeOffset>());
        }

        await host.AdvanceToAsync(Beijing(2026, 3, 9, 9, 59));
        Assert.DoesNotContain(await host.NotificationsAsync(id), n => n.Title.Contains("未审核", StringComparison.Ordinal) && n.Title.Contains("资金", StringComparison.Ordinal));
        await host.AdvanceToAsync(Beijing(2026, 3, 9, 10));
        var bureauLate = Assert.Single(await host.NotificationsAsync(id), n => n.Title.Contains("资金超过2个工作日未审核", StringComparison.Ordinal));
        Assert.Equal(Beijing(2026, 3, 9, 10), bureauLate.Local());

        await Repair.CompleteAsync(host, "bureau.housing", id, "bureauApprove", new { bureauDecision = "approve", approvedBudget = 90_000, bureauOpinion = "同意" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "startReport", new { startedOn = "2026-03-09", startNote = "进场" });
        // Work started Monday 03-09 10:00 with 3 planned days: reminder Thursday 03-12 10:00, street office 2 working days later (Monday 03-16 10:00).
        using (var firm = await host.As("firm.binjiang"))
        {
            Assert.Equal(Beijing(2026, 3, 12, 10), (await firm.TaskAsync(id, "completionReport"))["dueAt"]!.GetValue<DateTimeOffset>());
        }

        await host.AdvanceToAsync(Beijing(2026, 3, 12, 9, 59));
        Assert.DoesNotContain(await host.NotificationsAsync(id), n => n.Kind == "reminder");
        await host.AdvanceToAsync(Beijing(2026, 3, 12, 10));
        var reminder = Assert.Single(await host.NotificationsAsync(id), n => n.Kind == "reminder");
        Assert.Equal("firm.binjiang", reminder.Username);
        Assert.Equal(Beijing(2026, 3, 12, 10), reminder.Local());
        await host.AdvanceToAsync(Beijing(2026, 3, 16, 9, 59));
        Assert.DoesNotContain(await host.NotificationsAsync(id), n => n.Title.Contains("仍未竣工", StringComparison.Ordinal));
        await host.AdvanceToAsync(Beijing(2026, 3, 16, 10));
        var escalation = Assert.Single(await host.NotificationsAsync(id), n => n.Title.Contains("仍未竣工", StringComparison.Ordinal));
        Assert.Equal(("street.chengjiang", "escalation"), (escalation.Username, escalation.Kind));
        Assert.Equal(Beijing(2026, 3, 16, 10), escalation.Local());
        Assert.Contains("completionReport", await Repair.ActiveAsync(host, id));
    }
}

/// <summary>Issue 17 corrections of P2: the centre's refusal, costs shared over the owners of the affected part, the residue.</summary>
public sealed class EmergencyRepairCorrectionTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task The_fund_centre_refuses_with_a_reason_and_nothing_is_repaired_posted_or_settled()
    {
        var id = await Repair.ReportAsync(host);
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        await Repair.ConfirmAsync(host, id);
        using (var bureau = await host.As("bureau.housing"))
        {
            await bureau.CompleteAsync(id, "bureauApprove", new { bureauDecision = "refuse", bureauOpinion = "该电梯在保修期内，应由电梯生产企业承担维修费用" });
        }

        var instance = await Repair.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        var done = instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("refusedEnd", done);
        Assert.DoesNotContain("startReport", done);
        Assert.DoesNotContain("shareCost", done);
        Assert.Null(instance["variables"]!["prepayment"]);
        Assert.Empty(await Repair.NoticesAsync(host, id)); // no 事中公示 of a repair that will not be paid
        var told = Assert.Single(await host.NotificationsAsync(id), n => n.Username == "firm.binjiang");
        Assert.Equal("滨江花园应急维修资金申请不予核准", told.Title);
        Assert.Contains("保修期内", told.Body, StringComparison.Ordinal);
        Assert.Contains(await host.NotificationsAsync(id), n => n.Username == "street.chengjiang" && n.Title == told.Title);
    }

    [Fact]
    public async Task An_approved_budget_of_zero_is_refused_at_the_form_not_run_as_a_repair()
    {
        var id = await Repair.ReportAsync(host);
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        await Repair.ConfirmAsync(host, id);
        using var bureau = await host.As("bureau.housing");
        var task = await bureau.TaskAsync(id, "bureauApprove");
        var response = await bureau.PostAsJsonAsync($"/api/tasks/{task["id"]!.GetValue<string>()}/complete",
            new { variables = new { bureauDecision = "approve", approvedBudget = 0, bureauOpinion = "核定为零" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["bureauApprove"], await Repair.ActiveAsync(host, id));
    }

    [Fact]
    public async Task The_cost_is_shared_over_the_owners_of_the_affected_building_and_the_residue_allocated_to_the_fen()
    {
        // Building 2's elevator: 2-101 (owner.liu), 2-102 (owner.chen), 2-301 (owner.li), 120 m² each
        var id = await Repair.ReportAsync(host, affectedUnits: "2");
        await Repair.ToSettlementAsync(host, id);
        await Repair.CompleteAsync(host, "firm.binjiang", id, "settlement", new { finalCost = 10_000, settlementNote = "结算" });

        var variables = await Repair.VariablesAsync(host, id);
        // 10,000.00 ÷ 3 = 3,333.33⅓: one fen left over goes to the largest remainder (all equal: the first unit)
        Assert.Equal([("2-101", "owner.liu", 3_333.34m), ("2-102", "owner.chen", 3_333.33m), ("2-301", "owner.li", 3_333.33m)], Repair.Shares(variables));
        Assert.Equal(360, Repair.Number(variables, "sharedArea"), 6);
        Assert.Equal(27.7778, Repair.Number(variables, "costPerSquareMetre"), 6);
        var settlementNotice = (await Repair.NoticesAsync(host, id))[1];
        Assert.Equal("滨江花园应急维修结算公示", settlementNotice.Title);
        Assert.Contains(await host.NoticesAsync(id), n => n.Body is { } body && body.Contains("由受益范围内 3 户按建筑面积分摊", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Units_and_entrances_may_be_listed_and_uneven_areas_still_add_up_exactly()
    {
        // 1-101 and 1-102 (owner.li, 89.50 m² each), 3-101 and 3-102 (143.20 m² each): 465.40 m²
        var id = await Repair.ReportAsync(host, affectedUnits: "1-101，1-102、3");
        await Repair.ToSettlementAsync(host, id);
        await Repair.CompleteAsync(host, "firm.binjiang", id, "settlement", new { finalCost = 1_000, settlementNote = "结算" });

        var variables = await Repair.VariablesAsync(host, id);
        // Exact: 192.3077… and 307.6923… yuan; whole fen 192.30 ×2 + 307.69 ×2 = 999.98, the 2 fen to the larger remainders (1-10x: .77 > 3-10x: .23)
        Assert.Equal([("1-101", "owner.li", 192.31m), ("1-102", "owner.li", 192.31m), ("3-101", "owner.yang", 307.69m), ("3-102", "owner.zhao", 307.69m)], Repair.Shares(variables));
        var owners = variables["ownerShares"]!.AsArray().Select(o => (o!["owner"]!.GetValue<string>(), o["share"]!.GetValue<decimal>())).ToList();
        Assert.Equal([("owner.li", 384.62m), ("owner.yang", 307.69m), ("owner.zhao", 307.69m)], owners);
    }

    [Fact]
    public async Task A_revised_plan_may_change_the_affected_part_and_a_building_not_in_the_register_goes_back_to_the_firm_to_correct()
    {
        var id = await Repair.ReportAsync(host, affectedUnits: "2");
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "revise", planOpinion = "涉及9幢" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "revisePlan", new { repairPlan = "更换曳引机", budget = 90_000, contractor = "电梯公司", plannedDays = 3, affectedUnits = "9" });
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        await Repair.ConfirmAsync(host, id);
        await Repair.CompleteAsync(host, "bureau.housing", id, "bureauApprove", new { bureauDecision = "approve", bureauOpinion = "同意" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "startReport", new { startedOn = "2026-03-02", startNote = "进场" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "completionReport", new { completedOn = "2026-03-03", completionNote = "完工" });
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeAccept", new { accepted = "pass", acceptanceNote = "合格" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "settlement", new { finalCost = 9_000, settlementNote = "结算" });

        // 滨江花园's register has no building 9: no shares over fewer owners, the firm corrects the list
        Assert.Equal(["correctAffectedUnits"], await Repair.ActiveAsync(host, id));
        Assert.Null((await Repair.VariablesAsync(host, id))["costShares"]);
        using (var firm = await host.As("firm.binjiang"))
        using (var other = await host.As("firm.yuxiu"))
        {
            Assert.False(await other.SeesTaskAsync(id, "correctAffectedUnits"));
            await firm.CompleteAsync(id, "correctAffectedUnits", new { affectedUnits = "2" });
        }

        var variables = await Repair.VariablesAsync(host, id);
        Assert.Equal([("2-101", "owner.liu", 3_000m), ("2-102", "owner.chen", 3_000m), ("2-301", "owner.li", 3_000m)], Repair.Shares(variables));
        Assert.Equal(["postAudit"], await Repair.ActiveAsync(host, id));
    }
}

/// <summary>The main path once more on PostgreSQL.</summary>
public sealed class EmergencyRepairPostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public async Task Main_path_on_PostgreSQL()
    {
        var id = await Repair.ReportAsync(host);
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        await Repair.ConfirmAsync(host, id);
        await Repair.CompleteAsync(host, "bureau.housing", id, "bureauApprove", new { bureauDecision = "approve", approvedBudget = 100_000, bureauOpinion = "同意" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "startReport", new { startedOn = "2026-03-02", startNote = "进场" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "completionReport", new { completedOn = "2026-03-03", completionNote = "完工" });
        await Repair.CompleteAsync(host, "committee.binjiang", id, "committeeAccept", new { accepted = "pass", acceptanceNote = "合格" });
        await Repair.CompleteAsync(host, "firm.binjiang", id, "settlement", new { finalCost = 100_440, settlementNote = "结算" });
        await Repair.CompleteAsync(host, "bureau.housing", id, "postAudit", new { auditResult = "pass", auditNote = "通过" });

        var instance = await Repair.InstanceAsync(host, id);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        var variables = instance["variables"]!.AsObject();
        Assert.Equal(50_000, Repair.Number(variables, "prepayment"));
        Assert.Equal(50_440, Repair.Number(variables, "remainingPayment"));
        Assert.Equal(100, Repair.Number(variables, "costPerSquareMetre"), 6);
        Assert.Equal(9, variables["costShares"]!.AsArray().Count);
        Assert.Equal(2, (await Repair.NoticesAsync(host, id)).Count);
    }

    [Fact]
    public async Task Refusal_and_shares_over_the_affected_building_on_PostgreSQL()
    {
        var refused = await Repair.ReportAsync(host);
        await Repair.CompleteAsync(host, "committee.binjiang", refused, "committeeReview", new { planDecision = "agree", planOpinion = "同意" });
        await Repair.ConfirmAsync(host, refused);
        await Repair.CompleteAsync(host, "bureau.housing", refused, "bureauApprove", new { bureauDecision = "refuse", bureauOpinion = "不属于维修资金列支范围" });
        var instance = await Repair.InstanceAsync(host, refused);
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains("refusedEnd", instance["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));

        var id = await Repair.ReportAsync(host, affectedUnits: "2");
        await Repair.ToSettlementAsync(host, id);
        await Repair.CompleteAsync(host, "firm.binjiang", id, "settlement", new { finalCost = 10_000, settlementNote = "结算" });
        var variables = await Repair.VariablesAsync(host, id);
        Assert.Equal([("2-101", "owner.liu", 3_333.34m), ("2-102", "owner.chen", 3_333.33m), ("2-301", "owner.li", 3_333.33m)], Repair.Shares(variables));
    }
}
