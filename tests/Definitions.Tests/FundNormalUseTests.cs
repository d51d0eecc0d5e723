using System.Net;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.OwnersVoting;

namespace Anju.Definitions.Tests;

/// <summary>P6 维修资金一般使用 in 滨江花园 (seven owners, 1,004.40 m²; owner.li holds three units).</summary>
public static class FundUse
{
    public const string Key = "fund-normal-use";
    public static readonly string[] Owners = ["owner.li", "owner.wang", "owner.zhang", "owner.liu", "owner.chen", "owner.yang", "owner.zhao"];

    public static async Task<string> StartAsync(ProcedureHost host, string user, long amount, bool raisesFund = false, long planYear = 2026)
    {
        using var client = await host.As(user);
        return (await client.StartAsync(Key, ProcedureApi.Binjiang, new { planTitle = $"{planYear}年度共用部位维修计划", planAmount = amount, raisesFund, planYear })).Id();
    }

    public static async Task<string> BallotIdAsync(ProcedureHost host, string id) =>
        (await host.VariablesAsync(id))["ballotId"]!.GetValue<string>();

    /// <summary>Every owner votes; the last paper closes the ballot at once and resumes the process.</summary>
    public static async Task AllVoteAsync(ProcedureHost host, string id, string answer, string question)
    {
        var ballotId = await BallotIdAsync(host, id);
        foreach (var owner in Owners)
        {
            await host.VoteAsync(ballotId, owner, answer, question);
        }
    }

    /// <summary>Contract to posting for the current draw.</summary>
    public static async Task CarryOutAsync(ProcedureHost host, string id, long amount, bool failAcceptanceOnce = false, long? settled = null)
    {
        await host.CompleteAsAsync("firm.binjiang", id, "signContract", new { contractor = "江阴建工维修队", contractAmount = amount });
        await host.CompleteAsAsync("committee.binjiang", id, "applyPrepayment", new { prepaymentAmount = amount * 3 / 10 });
        await host.AssertNotSeenAsync(id, "approvePrepayment", "committee.binjiang", "firm.binjiang", "street.chengjiang");
        await host.CompleteAsAsync("bureau.housing", id, "approvePrepayment", new { prepaymentDecision = "approve" });
        await host.CompleteAsAsync("firm.binjiang", id, "repair", new { repairReport = "已完工" });
        if (failAcceptanceOnce)
        {
            await host.CompleteAsAsync("committee.binjiang", id, "acceptance", new { acceptanceResult = "failed", acceptanceNote = "防水层起鼓" });
            await host.CompleteAsAsync("firm.binjiang", id, "repair", new { repairReport = "已返工" });
        }

        await host.CompleteAsAsync("committee.binjiang", id, "acceptance", new { acceptanceResult = "passed" });
        await host.CompleteAsAsync("bureau.housing", id, "settle", new { settledAmount = settled ?? amount });
    }

    /// <summary>The main path: plan voted once, two draws within it without a vote, a third beyond it with one.</summary>
    public static async Task MainPathAsync(ProcedureHost host)
    {
        // The committee submits a 100,000 yuan annual plan; every owner agrees (ordinary matter)
        var id = await FundUse.StartAsync(host, "committee.binjiang", 100_000);
        Assert.Equal(["planVoteClosed"], await host.ActiveAsync(id));
        var planBallot = await FundUse.BallotIdAsync(host, id);
        using (var li = await host.As("owner.li"))
        {
            var ballot = await li.GetAsync($"/api/ballots/{planBallot}").Expect(HttpStatusCode.OK);
            Assert.Equal("ordinary", ballot["questions"]![0]!["matter"]!.GetValue<string>());
            Assert.Equal(5, ballot["questions"]![0]!["item"]!.GetValue<int>()); // art. 278 (5): using the fund
        }

        using (var sun = await host.As("owner.sun"))
        {
            await sun.GetAsync($"/api/ballots/{planBallot}").Expect(HttpStatusCode.NotFound); // 幸福里's owner
        }

        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        Assert.Equal(100_000, (await host.VariablesAsync(id))["annualPlanRemaining"]!.GetValue<long>());

        // Draw 1: 60,000 within the plan — no vote, straight to the contract
        await host.AssertNotSeenAsync(id, "requestDraw", "firm.binjiang", "owner.li", "community.huangshan");
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "3幢屋面防水", drawAmount = 60_000 });
        Assert.Equal(["signContract"], await host.ActiveAsync(id));
        Assert.Equal(planBallot, await FundUse.BallotIdAsync(host, id));

        // The firm's contract: 15 working days, reminder after 10 (Mon 16 March), 督办 by 澄江街道 at 15 (Mon 23 March)
        Assert.Equal(Cn(2026, 3, 23, 9), (await host.SeenTaskAsync(id, "signContract", "firm.binjiang")).DueAt());
        await host.AssertNotSeenAsync(id, "signContract", "firm.yuxiu", "committee.binjiang");
        await host.AssertNotifiedAtAsync(id, "firm.binjiang", "reminder", Cn(2026, 3, 16, 9));
        Assert.Empty(await host.NotificationsAsync(id, "firm.yuxiu", "reminder"));
        await host.AssertNotifiedAtAsync(id, "street.chengjiang", "escalation", Cn(2026, 3, 23, 9));
        await host.AssertNotSeenAsync(id, "superviseContract", "street.nanzha", "firm.binjiang");
        await host.CompleteAsAsync("street.chengjiang", id, "superviseContract", new { supervisionNote = "约谈项目经理" });

        await FundUse.CarryOutAsync(host, id, 60_000, failAcceptanceOnce: true);
        var variables = await host.VariablesAsync(id);
        Assert.Equal(40_000, variables["annualPlanRemaining"]!.GetValue<long>());
        Assert.Equal(1, variables["drawCount"]!.GetValue<int>());
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "more" });

        // Draw 2: 30,000 within what is left — no vote
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "小区道路修补", drawAmount = 30_000 });
        Assert.Equal(["signContract"], await host.ActiveAsync(id));
        await FundUse.CarryOutAsync(host, id, 30_000);
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "more" });

        // Draw 3: 50,000 beyond the 10,000 left — the owners vote on it
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "2幢外墙维修", drawAmount = 50_000 });
        Assert.Equal(["extraVoteClosed"], await host.ActiveAsync(id));
        var extraBallot = await FundUse.BallotIdAsync(host, id);
        Assert.NotEqual(planBallot, extraBallot);
        await FundUse.AllVoteAsync(host, id, "agree", "draw");
        Assert.Equal(["signContract"], await host.ActiveAsync(id));
        await FundUse.CarryOutAsync(host, id, 50_000);
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "finish" });

        Assert.Equal("completed", await host.StatusAsync(id));
        variables = await host.VariablesAsync(id);
        Assert.Equal(3, variables["drawCount"]!.GetValue<int>());
        Assert.Equal(140_000, variables["drawnTotal"]!.GetValue<long>());
        Assert.Equal(1, variables["extraVotes"]!.GetValue<int>());
        Assert.Equal(0, variables["annualPlanRemaining"]!.GetValue<long>());
        Assert.Equal(3, (await host.NoticesAsync(id)).Count); // one settlement posting per draw
        await host.IntactJournalAsync(id, "openPlanVote", "recordPlan", "withinGw", "openExtraVote", "raisePlan", "superviseContract", "postSettlement", "finished");
    }
}

public sealed class FundNormalUseTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public Task An_annual_plan_voted_once_is_drawn_in_batches_and_a_draw_beyond_it_needs_its_own_vote() => FundUse.MainPathAsync(host);

    [Fact]
    public async Task A_plan_the_owners_reject_ends_and_the_firm_that_submitted_it_is_told()
    {
        var id = await FundUse.StartAsync(host, "firm.binjiang", 80_000);
        await FundUse.AllVoteAsync(host, id, "disagree", "plan");
        Assert.Equal("completed", await host.StatusAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.True(variables["ballotQuorum"]!.GetValue<bool>());
        Assert.False(variables["ballotApproved"]!.GetValue<bool>());
        Assert.Single(await host.NotificationsAsync(id, "firm.binjiang", "result"));
        await host.IntactJournalAsync(id, "notifyPlanRejected", "planRejected");
    }

    [Fact]
    public async Task A_plan_that_raises_the_fund_is_a_major_matter_needing_three_quarters()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 200_000, raisesFund: true);
        var ballotId = await FundUse.BallotIdAsync(host, id);
        using (var li = await host.As("owner.li"))
        {
            var ballot = await li.GetAsync($"/api/ballots/{ballotId}").Expect(HttpStatusCode.OK);
            Assert.Equal("major", ballot["questions"]![0]!["matter"]!.GetValue<string>());
        }

        // Five of seven agree (5/7 < 3/4 by headcount): an ordinary matter would pass, a major one does not
        foreach (var owner in FundUse.Owners.Take(5))
        {
            await host.VoteAsync(ballotId, owner, "agree", "plan");
        }

        foreach (var owner in FundUse.Owners.Skip(5))
        {
            await host.VoteAsync(ballotId, owner, "disagree", "plan");
        }

        var variables = await host.VariablesAsync(id);
        Assert.True(variables["ballotQuorum"]!.GetValue<bool>());
        Assert.False(variables["ballotApproved"]!.GetValue<bool>());
        Assert.Equal("completed", await host.StatusAsync(id));
    }

    [Fact]
    public async Task A_draw_beyond_the_plan_that_the_owners_reject_is_not_carried_out()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 10_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "电梯改造", drawAmount = 90_000 });
        await FundUse.AllVoteAsync(host, id, "disagree", "draw");
        Assert.Equal(["nextDraw"], await host.ActiveAsync(id));
        Assert.Equal(10_000, (await host.VariablesAsync(id))["annualPlanRemaining"]!.GetValue<long>());
        Assert.Single(await host.NotificationsAsync(id, "committee.binjiang", "result"));
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "finish" });
        Assert.Equal("completed", await host.StatusAsync(id));
    }
}

/// <summary>Issue 17 corrections of P6: the plan bound to its year, the vote on the excess only, the owners' shares.</summary>
public sealed class FundNormalUseCorrectionTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task A_draw_beyond_what_is_left_puts_only_the_excess_to_the_vote_and_the_plans_remainder_is_kept()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 10_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");

        // 50,000 asked with 10,000 left: the owners vote on the 40,000 beyond the plan, not on the whole draw
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "2幢外墙维修", drawAmount = 50_000 });
        Assert.Equal(["extraVoteClosed"], await host.ActiveAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.Equal((10_000L, 40_000L), (variables["drawFromPlan"]!.GetValue<long>(), variables["drawExcess"]!.GetValue<long>()));
        using (var li = await host.As("owner.li"))
        {
            var ballot = await li.GetAsync($"/api/ballots/{variables["ballotId"]!.GetValue<string>()}").Expect(HttpStatusCode.OK);
            var text = ballot["questions"]![0]!["text"]!.GetValue<string>();
            Assert.Contains("超出部分40000元", text, StringComparison.Ordinal);
            Assert.Contains("10000元在年度计划剩余额度内", text, StringComparison.Ordinal);
        }

        await FundUse.AllVoteAsync(host, id, "agree", "draw");
        Assert.Equal(10_000, (await host.VariablesAsync(id))["annualPlanRemaining"]!.GetValue<long>()); // not replaced by the draw

        // Settled at 38,000: all of it within the 40,000 the owners voted for this draw; the plan's 10,000 stays
        await FundUse.CarryOutAsync(host, id, 50_000, settled: 38_000);
        variables = await host.VariablesAsync(id);
        Assert.Equal(10_000, variables["annualPlanRemaining"]!.GetValue<long>());
        Assert.Equal(40_000, variables["extraApprovedTotal"]!.GetValue<long>());
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "more" });

        // ... so a later 10,000 draw needs no vote
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "小区道路修补", drawAmount = 10_000 });
        Assert.Equal(["signContract"], await host.ActiveAsync(id));
        await FundUse.CarryOutAsync(host, id, 10_000);
        Assert.Equal(0, (await host.VariablesAsync(id))["annualPlanRemaining"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_settlement_above_the_voted_excess_takes_the_rest_from_the_plans_remainder()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 30_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "电梯维修", drawAmount = 50_000 });
        await FundUse.AllVoteAsync(host, id, "agree", "draw"); // the 20,000 beyond the plan
        await FundUse.CarryOutAsync(host, id, 50_000, settled: 45_000);
        Assert.Equal(5_000, (await host.VariablesAsync(id))["annualPlanRemaining"]!.GetValue<long>()); // 30,000 − (45,000 − 20,000)
    }

    [Fact]
    public async Task A_plan_for_a_year_already_over_is_not_put_to_the_vote()
    {
        var id = await FundUse.StartAsync(host, "firm.binjiang", 50_000, planYear: 2025);
        Assert.Equal("completed", await host.StatusAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.Null(variables["ballotId"]);
        Assert.Single(await host.NotificationsAsync(id, "firm.binjiang", "result"));
        await host.IntactJournalAsync(id, "notifyYearOver", "yearOver");
    }

    [Fact]
    public async Task The_settlement_is_shared_over_the_owners_of_the_units_concerned_and_adds_up_to_the_fen()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 100_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");

        // Building 2's roof: 2-301 (owner.li), 2-101 (owner.liu), 2-102 (owner.chen), 120 m² each; 10,000 ÷ 3 leaves one fen
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "2幢屋面防水", drawAmount = 10_000, affectedUnits = "2" });
        await FundUse.CarryOutAsync(host, id, 10_000);
        var variables = await host.VariablesAsync(id);
        var shares = variables["costShares"]!.AsArray().Select(s => (s!["unit"]!.GetValue<string>(), s["owner"]!.GetValue<string>(), s["share"]!.GetValue<decimal>())).ToList();
        Assert.Equal([("2-101", "owner.liu", 3_333.34m), ("2-102", "owner.chen", 3_333.33m), ("2-301", "owner.li", 3_333.33m)], shares);
        Assert.Equal(360m, variables["sharedArea"]!.GetValue<decimal>());
        Assert.Equal(3, variables["sharedUnitCount"]!.GetValue<int>());
        var notice = Assert.Single(await host.NoticesAsync(id));
        Assert.Contains("由受益范围内3户按专有部分面积分摊", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("已按专有部分面积分摊记入业主分户账", notice.Body, StringComparison.Ordinal);
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "more" });

        // The next draw without a list is the whole compound's: nine units, owner.li's three counted together
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "小区道路修补", drawAmount = 20_088 });
        await FundUse.CarryOutAsync(host, id, 20_088);
        variables = await host.VariablesAsync(id);
        Assert.Equal(9, variables["costShares"]!.AsArray().Count);
        Assert.Equal(20_088m, variables["costShares"]!.AsArray().Sum(s => s!["share"]!.GetValue<decimal>()));
        var li = variables["ownerShares"]!.AsArray().Single(o => o!["owner"]!.GetValue<string>() == "owner.li")!;
        Assert.Equal((3, 299m, 5_980m), (li["units"]!.GetValue<int>(), li["area"]!.GetValue<decimal>(), li["share"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_refused_draws_list_of_units_does_not_carry_over_to_the_next_draw()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 10_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "2幢电梯改造", drawAmount = 90_000, affectedUnits = "2" });
        await FundUse.AllVoteAsync(host, id, "disagree", "draw");
        await host.CompleteAsAsync("committee.binjiang", id, "nextDraw", new { nextStep = "more" });

        // The next draw names no units: the whole compound's nine units share it
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "小区道路修补", drawAmount = 5_022 });
        await FundUse.CarryOutAsync(host, id, 5_022);
        var variables = await host.VariablesAsync(id);
        Assert.Equal(9, variables["sharedUnitCount"]!.GetValue<int>());
        Assert.Equal(5m, variables["costPerSquareMetre"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_building_not_in_the_register_goes_back_to_the_committee_before_anything_is_posted()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 100_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "9幢屋面防水", drawAmount = 9_000, affectedUnits = "9" });
        await FundUse.CarryOutAsync(host, id, 9_000);

        Assert.Equal(["correctAffectedUnits"], await host.ActiveAsync(id));
        Assert.Empty(await host.NoticesAsync(id));
        await host.AssertNotSeenAsync(id, "correctAffectedUnits", "firm.binjiang", "owner.li");
        await host.CompleteAsAsync("committee.binjiang", id, "correctAffectedUnits", new { affectedUnits = "2" });

        Assert.Equal(["nextDraw"], await host.ActiveAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.Equal(3, variables["sharedUnitCount"]!.GetValue<int>());
        Assert.Equal(9_000m, variables["costShares"]!.AsArray().Sum(x => x!["share"]!.GetValue<decimal>()));
        Assert.Single(await host.NoticesAsync(id));
    }
}

/// <summary>The plan's year running out (its own host: the clock moves to the next year).</summary>
public sealed class FundNormalUseYearEndTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task The_plan_ends_with_its_year_and_the_committee_is_told_a_new_year_needs_a_new_plan()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 100_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        Assert.Equal("2027-01-01T00:00:00+08:00", (await host.VariablesAsync(id))["planExpiresAt"]!.GetValue<string>());
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "3幢屋面防水", drawAmount = 60_000 });
        await FundUse.CarryOutAsync(host, id, 60_000);
        Assert.Equal(["nextDraw"], await host.ActiveAsync(id));

        await host.AdvanceToAsync(Cn(2026, 12, 31, 23, 59));
        Assert.Equal(["nextDraw"], await host.ActiveAsync(id));
        await host.AdvanceToAsync(Cn(2027, 1, 1, 0));
        Assert.Equal("completed", await host.StatusAsync(id));
        var told = Assert.Single(await host.NotificationsAsync(id, "committee.binjiang", "result"));
        Assert.Contains("2026年度", told.Title, StringComparison.Ordinal);
        Assert.Contains("剩余额度40000元随年度结束失效", told.Body, StringComparison.Ordinal);
        await host.IntactJournalAsync(id, "nextExpired", "notifyExpired", "planExpired");
    }
}

/// <summary>P6 main path on PostgreSQL.</summary>
public sealed class FundNormalUsePostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public Task Main_path_on_PostgreSQL() => FundUse.MainPathAsync(host);

    [Fact]
    public async Task The_excess_vote_keeps_the_remainder_and_the_shares_add_up_on_PostgreSQL()
    {
        var id = await FundUse.StartAsync(host, "committee.binjiang", 10_000);
        await FundUse.AllVoteAsync(host, id, "agree", "plan");
        await host.CompleteAsAsync("committee.binjiang", id, "requestDraw", new { drawItem = "2幢外墙维修", drawAmount = 50_000, affectedUnits = "2" });
        await FundUse.AllVoteAsync(host, id, "agree", "draw");
        await FundUse.CarryOutAsync(host, id, 50_000, settled: 38_000);
        var variables = await host.VariablesAsync(id);
        Assert.Equal(10_000, variables["annualPlanRemaining"]!.GetValue<long>());
        Assert.Equal(38_000m, variables["costShares"]!.AsArray().Sum(s => s!["share"]!.GetValue<decimal>()));
        Assert.Equal(3, variables["costShares"]!.AsArray().Count);
    }
}
