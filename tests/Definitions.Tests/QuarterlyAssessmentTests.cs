using System.Net;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.Support.ProcedureApi;

namespace Anju.Definitions.Tests;

/// <summary>
/// P5 quarterly red/black list (物业服务项目"红黑榜"考核) for the demo city of four managed compounds: 滨江花园 and
/// 定山雅苑 (owners' committees), 毓秀苑 and 幸福里 (none). Two quarters on demand, 2025Q4 then 2026Q1, so that a
/// firm black-listed twice in a row is supervised by its street office and gets a credit record.
/// </summary>
public abstract class QuarterlyAssessmentScenario(ProcedureHost host)
{
    private readonly AssessmentDriver _driver = new(host);

    [Fact]
    public async Task Two_quarters_score_rank_publish_and_supervise_a_firm_black_listed_twice()
    {
        // The real complaint-handling (P1) when it is deployed, else a stand-in with the same key (see the driver).
        await _driver.EnsureComplaintDefinitionAsync();
        var admin = await _driver.As("admin");

        // ---- 2025Q4 ----------------------------------------------------------------------------------------
        var q4 = await _driver.StartQuarterAsync("2025Q4");
        var q4Id = q4["id"]!.GetValue<string>();
        var variables = (await admin.InstanceAsync(q4Id))["variables"]!.AsObject();
        Assert.Equal("2025Q4", variables["quarter"]!.GetValue<string>());
        Assert.Equal(
            [Binjiang, Yuxiu, Xingfuli, AssessmentDriver.Dingshan],
            variables["compounds"]!.AsArray().Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal));

        await EachTaskLandsInItsCompoundOnly();

        // Every input the same within a compound, so the composite is that number whatever the weights.
        await _driver.ScoreAsync(Binjiang, 80, 80, 80, 80);
        await _driver.ScoreAsync(Yuxiu, 60, null, 60, 60);
        await _driver.ScoreAsync(Xingfuli, 70, null, 70, 70);
        await _driver.ScoreAsync(AssessmentDriver.Dingshan, 90, 90, 90, 90);
        Assert.Empty(await _driver.InboxAsync("street.chengjiang"));
        await _driver.ReviewAsync(Binjiang, 80);
        await _driver.ReviewAsync(Yuxiu, 60);
        await _driver.ReviewAsync(Xingfuli, 70);
        await _driver.ReviewAsync(AssessmentDriver.Dingshan, 90);

        // Objection period: nothing is published yet; 毓秀苑 (provisionally black) is its firm's to confirm, nobody else's.
        await admin.GetAsync("/api/assessments/2025Q4/lists").Expect(HttpStatusCode.NotFound);
        Assert.Contains("firmObjection", (await admin.InstanceAsync(q4Id))["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(await _driver.FindTaskAsync("firm.binjiang", "firmObjection", Yuxiu, "quarterly-assessment"));
        await _driver.FirmRespondsAsync("firm.yuxiu", Yuxiu, objects: false);

        var q4Done = await admin.InstanceAsync(q4Id);
        Assert.Equal("completed", q4Done["status"]!.GetValue<string>());
        Assert.Contains("endPublished", q4Done["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Empty(q4Done["variables"]!["blackRepeated"]!.AsArray());
        var q4Lists = await admin.GetAsync("/api/assessments/2025Q4/lists").Expect(HttpStatusCode.OK);
        // 4 compounds × 10 % = 0.4, rounded half up 0, raised to the minimum of 1: one red, one black.
        Assert.Equal([AssessmentDriver.Dingshan], Paths(q4Lists["red"]));
        Assert.Equal([Yuxiu], Paths(q4Lists["black"]));

        // ---- complaints in 2026Q1 (the clock is Monday 2026-03-02) -------------------------------------------
        // 幸福里: three filed, none accepted yet: they do not count (the community may still reject them).
        for (var i = 0; i < 3; i++)
        {
            await admin.StartAsync("complaint-handling", Xingfuli, new { category = "facilities", description = $"电梯故障，第 {i + 1} 次投诉" });
        }

        await ComplaintsInBinjiangAsync();

        // ---- 2026Q1 ----------------------------------------------------------------------------------------
        var q1 = await _driver.StartQuarterAsync("2026Q1");
        var q1Id = q1["id"]!.GetValue<string>();

        // 滨江花园 (committee): weights 30/25/15/15/15 of 100.
        //   0.30×90 + 0.25×80 + 0.15×85 + 0.15×88 + 0.15×86 = 27 + 20 + 12.75 + 13.2 + 12.9 = 85.85;
        //   complaints: rejected 0, referred 0, open 1, satisfied 0.5, dissatisfied 1.5 = 3 × 2 points = 6 → 79.85
        await _driver.ScoreAsync(Binjiang, 90, 80, 85, 88);
        await _driver.ReviewAsync(Binjiang, 86);

        // 毓秀苑 (no committee): 30/15/15/15 of 75 → 0.40/0.20/0.20/0.20.
        //   0.40×70 + 0.20×75 + 0.20×72 + 0.20×74 = 28 + 15 + 14.4 + 14.8 = 72.2; bureau adjusts −3 (with reason) → 69.2
        await _driver.ScoreAsync(Yuxiu, 70, null, 75, 72);
        // First without a reason: the computation refuses (BPMN error) and the review comes back to the bureau.
        await _driver.ReviewAsync(Yuxiu, 74, adjustment: -3, reason: null);
        Assert.NotNull(await _driver.FindTaskAsync("bureau.housing", "bureauReview", Yuxiu));
        await _driver.ReviewAsync(Yuxiu, 74, adjustment: -3, reason: "消防通道长期堵塞，经督促未整改");

        // 幸福里 (no committee): 0.40×80 + 0.20×78 + 0.20×82 + 0.20×80 = 32 + 15.6 + 16.4 + 16 = 80.00;
        //   3 complaints, none accepted: no deduction → 80.00
        await _driver.ScoreAsync(Xingfuli, 80, null, 78, 82);
        await _driver.ReviewAsync(Xingfuli, 80);

        // 定山雅苑 (committee): 0.30×95 + 0.25×92 + 0.15×90 + 0.15×91 + 0.15×93 = 28.5 + 23 + 13.5 + 13.65 + 13.95 = 92.60
        await _driver.ScoreAsync(AssessmentDriver.Dingshan, 95, 92, 90, 91);
        await _driver.ReviewAsync(AssessmentDriver.Dingshan, 93);

        // 毓秀苑's firm objects; the bureau upholds the result and the firm is told why; then the lists are published.
        await _driver.FirmRespondsAsync("firm.yuxiu", Yuxiu, objects: true, reason: "消防通道已于2月底清理完毕，请复核");
        await (await _driver.As("admin")).GetAsync("/api/assessments/2026Q1/lists").Expect(HttpStatusCode.NotFound);
        await _driver.BureauAnswersAsync(Yuxiu, "经复核，季度内多次巡查仍发现堵塞，维持原结果");
        var answer = Assert.Single(await host.NotificationsAsync(q1Id, "firm.yuxiu", "result"));
        Assert.Contains("维持原考核结果", answer.Body, StringComparison.Ordinal);

        // Ranking: 定山雅苑 92.60 (1, red) > 幸福里 80.00 (2) > 滨江花园 79.85 (3) > 毓秀苑 69.20 (4, black).
        var bureau = await _driver.As("bureau.housing");
        var scores = (await bureau.GetAsync("/api/assessments/2026Q1/scores").Expect(HttpStatusCode.OK))["items"]!.AsArray()
            .ToDictionary(s => s!["compoundPath"]!.GetValue<string>(), s => s!.AsObject());
        Assert.Equal(4, scores.Count);
        Assert.Equal(85.85m, scores[Binjiang]["weightedScore"]!.GetValue<decimal>());
        Assert.Equal(3, scores[Binjiang]["complaintCount"]!.GetValue<int>());
        Assert.Equal(6m, scores[Binjiang]["complaintDeduction"]!.GetValue<decimal>());
        Assert.Equal(79.85m, scores[Binjiang]["compositeScore"]!.GetValue<decimal>());
        Assert.Equal(0.25m, scores[Binjiang]["committeeWeight"]!.GetValue<decimal>());
        Assert.Equal(72.2m, scores[Yuxiu]["weightedScore"]!.GetValue<decimal>());
        Assert.Equal(69.2m, scores[Yuxiu]["compositeScore"]!.GetValue<decimal>());
        Assert.Equal(0.4m, scores[Yuxiu]["ownersWeight"]!.GetValue<decimal>());
        Assert.Equal(0m, scores[Yuxiu]["committeeWeight"]!.GetValue<decimal>());
        Assert.Null(scores[Yuxiu]["committeeScore"]);
        Assert.Equal(-3m, scores[Yuxiu]["adjustment"]!.GetValue<decimal>());
        Assert.Equal("消防通道长期堵塞，经督促未整改", scores[Yuxiu]["adjustmentReason"]!.GetValue<string>());
        Assert.Equal("bureau.housing", scores[Yuxiu]["adjustedBy"]!.GetValue<string>());
        Assert.Equal(0, scores[Xingfuli]["complaintCount"]!.GetValue<int>());
        Assert.Equal(0m, scores[Xingfuli]["complaintDeduction"]!.GetValue<decimal>());
        Assert.Equal(80m, scores[Xingfuli]["compositeScore"]!.GetValue<decimal>());
        Assert.Equal(92.6m, scores[AssessmentDriver.Dingshan]["compositeScore"]!.GetValue<decimal>());
        Assert.Equal(0, scores[AssessmentDriver.Dingshan]["complaintCount"]!.GetValue<int>());

        var lists = await (await _driver.As("owner.li")).GetAsync("/api/assessments/2026Q1/lists").Expect(HttpStatusCode.OK);
        Assert.Equal([AssessmentDriver.Dingshan], Paths(lists["red"]));
        Assert.Equal([Yuxiu], Paths(lists["black"]));
        Assert.Equal(
            [(1, AssessmentDriver.Dingshan), (2, Xingfuli), (3, Binjiang), (4, Yuxiu)],
            lists["ranking"]!.AsArray().Select(r => (r!["rank"]!.GetValue<int>(), r["compound"]!.GetValue<string>())));

        // 毓秀苑's firm was black-listed in 2025Q4 and again in 2026Q1: 澄江街道 supervises it, nobody else sees it.
        var parent = await admin.InstanceAsync(q1Id);
        Assert.Equal(["supervise"], parent["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).Distinct());
        var twice = parent["variables"]!["blackRepeated"]!.AsArray();
        Assert.Single(twice);
        Assert.Equal(2, twice[0]!["times"]!.GetValue<int>());
        Assert.Equal("江阴毓秀物业管理有限公司", twice[0]!["firm"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang", twice[0]!["streetPath"]!.GetValue<string>());
        var chengjiang = await _driver.As("street.chengjiang");
        var supervise = await chengjiang.TaskAsync(q1Id, "supervise");
        Assert.Equal("jiangyin/chengjiang", supervise["jurisdiction"]!.GetValue<string>());
        // Due in 10 working days: Monday 2026-03-02 09:00 → Monday 2026-03-16 09:00 (+08:00).
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.FromHours(8)), supervise["dueAt"]!.GetValue<DateTimeOffset>());
        foreach (var other in new[] { "street.nanzha", "street.yunting", "community.huangshan", "firm.yuxiu", "bureau.housing" })
        {
            Assert.False(await (await _driver.As(other)).SeesTaskAsync(q1Id, "supervise"), $"{other} must not see the supervision task");
        }

        var credit = (await bureau.GetAsync("/api/credit-records").Expect(HttpStatusCode.OK))["items"]!.AsArray();
        var record = Assert.Single(credit);
        Assert.Equal("江阴毓秀物业管理有限公司", record!["firm"]!.GetValue<string>());
        Assert.Equal("black-list-repeated", record["kind"]!.GetValue<string>());
        Assert.Equal("2026Q1", record["quarter"]!.GetValue<string>());
        Assert.Equal(Yuxiu, record["compoundPath"]!.GetValue<string>());

        await chengjiang.CompleteAsync(q1Id, "supervise", new { supervisionMeasures = "约谈项目经理，限期 30 日内清理消防通道并报告", rectificationDeadline = "2026-04-15" });
        var ended = await admin.InstanceAsync(q1Id);
        Assert.Equal("completed", ended["status"]!.GetValue<string>());
        var journal = await admin.GetAsync($"/api/instances/{q1Id}/journal").Expect(HttpStatusCode.OK);
        Assert.True(journal["verification"]!["intact"]!.GetValue<bool>());
        Assert.Contains(journal["entries"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "TaskCompleted" && e["activityId"]!.GetValue<string>() == "supervise" && e["actor"]!.GetValue<string>() == "street.chengjiang");

        await ReadApiAuthorization();
    }

    /// <summary>
    /// Five complaints in 滨江花园 during 2026Q1, through P1 as the real roles: rejected and referred ones do not
    /// count; accepted ones weigh by satisfaction (open 1, satisfied 0.5, dissatisfied and ruled against the firm 1.5).
    /// </summary>
    private async Task ComplaintsInBinjiangAsync()
    {
        var rejected = await Complaint.FileOnPortalAsync(host);
        await Complaint.DecideAsync(host, rejected, new { decision = "reject", rejectReason = "重复投诉" });
        var referred = await Complaint.FileOnPortalAsync(host);
        await Complaint.DecideAsync(host, referred, new { decision = "refer", violationCategory = "fire-lane", acceptNote = "占用消防通道" });

        var open = await Complaint.FileOnPortalAsync(host);
        await Complaint.AcceptAsync(host, open);

        var satisfied = await Complaint.FileOnPortalAsync(host);
        await Complaint.AcceptAsync(host, satisfied);
        await Complaint.FirmReportsAsync(host, satisfied);
        await Complaint.VerifyAsync(host, satisfied, done: true);
        await Complaint.ReviewAsync(host, satisfied, "satisfied");

        var dissatisfied = await Complaint.FileOnPortalAsync(host);
        await Complaint.AcceptAsync(host, dissatisfied);
        for (var round = 0; round < 2; round++)
        {
            await Complaint.FirmReportsAsync(host, dissatisfied);
            await Complaint.VerifyAsync(host, dissatisfied, done: true);
            await Complaint.ReviewAsync(host, dissatisfied, "dissatisfied");
        }

        using var street = await host.As("street.chengjiang");
        await street.CompleteAsync(dissatisfied, "reviewRuling", new { streetRuling = "firm-failed", rulingNote = "物业未履责" });
        using var admin = await host.As("admin");
        foreach (var (id, outcome) in new[] { (rejected, "rejected"), (referred, "referred"), (satisfied, "resolved"), (dissatisfied, "ruled") })
        {
            Assert.Equal(outcome, (await admin.VariablesAsync(id))["outcome"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_quarter_that_is_not_published_or_malformed_is_refused()
    {
        var owner = await _driver.As("owner.li");
        await owner.GetAsync("/api/assessments/2019Q3/lists").Expect(HttpStatusCode.NotFound);
        await owner.GetAsync("/api/assessments/2019-3/lists").Expect(HttpStatusCode.BadRequest);
        var admin = await _driver.As("admin");
        await admin.GetAsync("/api/assessments/Q5/scores").Expect(HttpStatusCode.BadRequest);
    }

    /// <summary>Right after the start of 2025Q4: every scoring task sits in its own compound and role.</summary>
    private async Task EachTaskLandsInItsCompoundOnly()
    {
        async Task<List<(string Activity, string Jurisdiction)>> Sees(string user) =>
            [.. (await _driver.InboxAsync(user)).Select(t => (t["activityId"]!.GetValue<string>(), t["jurisdiction"]!.GetValue<string>())).Order()];

        Assert.Equal([("communityInspection", Xingfuli), ("ownersSurvey", Xingfuli)], await Sees("community.xingfu"));
        Assert.Equal(
            [("communityInspection", Binjiang), ("communityInspection", Yuxiu), ("ownersSurvey", Binjiang), ("ownersSurvey", Yuxiu)],
            await Sees("community.huangshan"));
        Assert.Equal([("communityInspection", AssessmentDriver.Dingshan), ("ownersSurvey", AssessmentDriver.Dingshan)], await Sees("community.dingshan"));
        Assert.Equal([("streetInspection", Xingfuli)], await Sees("street.nanzha"));
        Assert.Equal([("streetInspection", Binjiang), ("streetInspection", Yuxiu)], await Sees("street.chengjiang"));
        Assert.Equal([("streetInspection", AssessmentDriver.Dingshan)], await Sees("street.yunting"));
        // Committees score only their own compound; compounds without one get no committee task at all.
        Assert.Equal([("committeeScoring", Binjiang)], await Sees("committee.binjiang"));
        Assert.Equal([("committeeScoring", AssessmentDriver.Dingshan)], await Sees("committee.dingshan"));
        Assert.Equal(
            [("committeeScoring", Binjiang), ("committeeScoring", AssessmentDriver.Dingshan)],
            [.. (await Sees("admin")).Where(t => t.Activity == "committeeScoring")]);
        // Firms and owners score nothing; the bureau's review comes after the scoring.
        Assert.Empty(await Sees("firm.binjiang"));
        Assert.Empty(await Sees("owner.li"));
        Assert.Empty(await Sees("bureau.housing"));
    }

    private async Task ReadApiAuthorization()
    {
        // Lists are public information: every signed-in role reads them.
        foreach (var user in new[] { "owner.li", "firm.binjiang", "dept.chengguan", "community.xingfu" })
        {
            await (await _driver.As(user)).GetAsync("/api/assessments/2026Q1/lists").Expect(HttpStatusCode.OK);
        }

        // Scores: supervisors within their jurisdiction, firms for their own compounds.
        async Task<List<string>> ScoresSeenBy(string user) =>
            Paths((await (await _driver.As(user)).GetAsync("/api/assessments/2026Q1/scores").Expect(HttpStatusCode.OK))["items"]);

        Assert.Equal([Binjiang, Yuxiu], await ScoresSeenBy("street.chengjiang"));
        Assert.Equal([Xingfuli], await ScoresSeenBy("community.xingfu"));
        Assert.Equal([Binjiang], await ScoresSeenBy("firm.binjiang"));
        Assert.Equal([Yuxiu], await ScoresSeenBy("firm.yuxiu"));
        Assert.Equal(4, (await ScoresSeenBy("admin")).Count);
        var firm = await _driver.As("firm.binjiang");
        await firm.GetAsync($"/api/assessments/2026Q1/scores?compound={Uri.EscapeDataString(Yuxiu)}").Expect(HttpStatusCode.NotFound);
        var own = await firm.GetAsync($"/api/assessments/2026Q1/scores?compound={Uri.EscapeDataString(Binjiang)}").Expect(HttpStatusCode.OK);
        Assert.Equal([Binjiang], Paths(own["items"]));
        await (await _driver.As("street.nanzha")).GetAsync($"/api/assessments/2026Q1/scores?compound={Uri.EscapeDataString(Binjiang)}").Expect(HttpStatusCode.NotFound);
        await (await _driver.As("owner.li")).GetAsync("/api/assessments/2026Q1/scores").Expect(HttpStatusCode.Forbidden);
        await (await _driver.As("committee.binjiang")).GetAsync("/api/assessments/2026Q1/scores").Expect(HttpStatusCode.Forbidden);

        // Credit records: housing bureau and administrators only.
        await (await _driver.As("admin")).GetAsync("/api/credit-records").Expect(HttpStatusCode.OK);
        foreach (var user in new[] { "street.chengjiang", "firm.yuxiu", "owner.li", "community.huangshan" })
        {
            await (await _driver.As(user)).GetAsync("/api/credit-records").Expect(HttpStatusCode.Forbidden);
        }
    }

    private static List<string> Paths(JsonNode? items) =>
        [.. items!.AsArray().Select(i => (i!["compound"] ?? i["compoundPath"])!.GetValue<string>())];
}

/// <summary>The scenario on SQLite.</summary>
public sealed class QuarterlyAssessmentTests(OrdinaryWeekHost host) : QuarterlyAssessmentScenario(host), IClassFixture<OrdinaryWeekHost>;

/// <summary>The same scenario on PostgreSQL.</summary>
public sealed class QuarterlyAssessmentPostgresTests(OrdinaryWeekPostgresHost host) : QuarterlyAssessmentScenario(host), IClassFixture<OrdinaryWeekPostgresHost>;
