using System.Net;
using System.Net.Http.Json;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.Support.ProcedureApi;

namespace Anju.Definitions.Tests;

/// <summary>
/// P6 normal use of the maintenance fund (fund-normal-use.bpmn): plan → review → owners' vote (ordinary matter,
/// art. 278) → contract → pre-payment approved by the housing bureau → repair → acceptance → settlement posted;
/// and the annual plan drawn in batches without a new vote (§7 一次表决、分批使用). 滨江花园 has an owners'
/// committee and seven owners in the demo register (owner.li with three units).
/// </summary>
public abstract class FundNormalUseTests<THost>(THost host) : IClassFixture<THost>
    where THost : ProcedureHost
{
    private static readonly string[] Owners = ["owner.li", "owner.wang", "owner.zhang", "owner.liu", "owner.chen", "owner.yang", "owner.zhao"];

    private static object Plan(bool useAnnualPlan = false, int budget = 86_000, int annualPlanBalance = 0) => new
    {
        planTitle = "3 号楼屋面防水翻新",
        budget,
        useAnnualPlan,
        annualPlanBalance,
    };

    private async Task<string> StartReviewedAsync()
    {
        var committee = await host.As("committee.binjiang");
        var id = (await committee.StartAsync("fund-normal-use", Binjiang, Plan()))["id"]!.GetValue<string>();
        Assert.False(await (await host.As("street.chengjiang")).SeesTaskAsync(id, "reviewPlan"));
        await committee.CompleteAsync(id, "reviewPlan", new { planApproved = true, opinion = "同意提交业主大会表决" });
        return id;
    }

    private async Task VoteAsync(string ballotId, string owner, string answer)
    {
        using var client = await host.As(owner);
        var response = await client.PostAsJsonAsync($"/api/ballots/{ballotId}/votes", new { answers = new { use = answer } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_approved_plan_goes_to_the_owners_vote_then_contract_prepayment_repair_acceptance_and_a_posted_settlement()
    {
        var id = await StartReviewedAsync();
        var admin = await host.As("admin");
        var waiting = await admin.InstanceAsync(id);
        Assert.Equal(["waitBallot"], waiting["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        var ballotId = waiting["variables"]!["ballotId"]!.GetValue<string>();

        foreach (var owner in Owners)
        {
            await VoteAsync(ballotId, owner, owner is "owner.yang" or "owner.zhao" ? "disagree" : "agree");
        }

        var voted = await admin.InstanceAsync(id);
        Assert.True(voted["variables"]!["ballotApproved"]!.GetValue<bool>());
        var committee = await host.As("committee.binjiang");
        await committee.CompleteAsync(id, "signContract");
        var firm = await host.As("firm.binjiang");
        await firm.CompleteAsync(id, "applyPrepayment");
        Assert.False(await firm.SeesTaskAsync(id, "approvePrepayment"));
        var bureau = await host.As("bureau.housing");
        await bureau.CompleteAsync(id, "approvePrepayment", new { fundApproved = false, opinion = "请补充预算明细" });
        await firm.CompleteAsync(id, "applyPrepayment");
        await bureau.CompleteAsync(id, "approvePrepayment", new { fundApproved = true });
        await firm.CompleteAsync(id, "repair");
        await committee.CompleteAsync(id, "accept", new { accepted = false, opinion = "排水口未处理" });
        await firm.CompleteAsync(id, "repair");
        await committee.CompleteAsync(id, "accept", new { accepted = true });
        await firm.CompleteAsync(id, "settle");

        var done = await admin.InstanceAsync(id);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Contains("end", done["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.NotNull(done["variables"]!["noticeId"]);
    }

    [Fact]
    public async Task Without_a_quorum_at_the_closing_time_the_use_is_not_approved()
    {
        var id = await StartReviewedAsync();
        var admin = await host.As("admin");
        var ballotId = (await admin.InstanceAsync(id))["variables"]!["ballotId"]!.GetValue<string>();
        await VoteAsync(ballotId, "owner.li", "agree");
        await VoteAsync(ballotId, "owner.wang", "agree");

        Assert.Equal(["waitBallot"], await admin.ActiveAsync(id));
        await host.AdvanceAsync(TimeSpan.FromDays(15)); // ten working days, and then some

        var ended = await (await host.As("admin")).InstanceAsync(id);
        Assert.Equal("completed", ended["status"]!.GetValue<string>());
        Assert.Contains("endVoteFailed", ended["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.False(ended["variables"]!["ballotQuorum"]!.GetValue<bool>());
        Assert.Equal("deadline", ended["variables"]!["ballotResult"]!["closedBecause"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_within_the_voted_annual_plan_needs_no_new_vote()
    {
        var committee = await host.As("committee.binjiang");

        var id = (await committee.StartAsync("fund-normal-use", Binjiang, Plan(useAnnualPlan: true, budget: 12_000, annualPlanBalance: 50_000)))["id"]!.GetValue<string>();

        Assert.Equal(["signContract"], await committee.ActiveAsync(id));
        Assert.Null((await committee.InstanceAsync(id))["variables"]!["ballotId"]);
    }

    [Fact]
    public async Task A_rejected_plan_ends_without_a_vote()
    {
        var committee = await host.As("committee.binjiang");
        var id = (await committee.StartAsync("fund-normal-use", Binjiang, Plan()))["id"]!.GetValue<string>();

        await committee.CompleteAsync(id, "reviewPlan", new { planApproved = false, opinion = "预算过高" });

        var ended = await committee.InstanceAsync(id);
        Assert.Contains("endRejected", ended["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(ended["variables"]!["ballotId"]);
    }
}

public sealed class FundNormalUseSqliteTests(OrdinaryWeekHost host) : FundNormalUseTests<OrdinaryWeekHost>(host);

public sealed class FundNormalUsePostgresTests(OrdinaryWeekPostgresHost host) : FundNormalUseTests<OrdinaryWeekPostgresHost>(host);
