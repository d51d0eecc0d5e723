using System.Net;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using Anju.Host.Features.Assessments;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Anju.Definitions.Tests.Support.ProcedureApi;

namespace Anju.Definitions.Tests;

/// <summary>
/// P5's 多次列入黑榜 (§14) as a rolling window: a firm on this quarter's black list that was black-listed (any of its
/// compounds) in at least 2 of the last 4 quarters, this one included, is supervised and gets a credit record (§15).
/// The earlier quarters' published lists are entered as data; 2026Q1 is assessed through the API as the real roles,
/// with 毓秀苑 scoring lowest (black list).
/// </summary>
public abstract class AssessmentRepeatScenario(ProcedureHost host)
{
    private const string YuxiuFirm = "江阴毓秀物业管理有限公司";
    private const string OtherCompound = "jiangyin/chengjiang/huangshan/old-court";
    private readonly AssessmentDriver _driver = new(host);

    [Fact]
    public async Task A_black_listing_three_quarters_back_counts_and_one_four_quarters_back_does_not()
    {
        await _driver.EnsureComplaintDefinitionAsync();

        // 2025Q1 is outside 2026Q1's window (2025Q2..2026Q1): once in the window is not 多次.
        await PublishedBlackAsync("2025Q1", OtherCompound);
        var first = await AssessAsync("2026Q1", firmAnswers: false);
        Assert.Empty(first["blackRepeated"]!.AsArray());
        Assert.Contains("endPublished", (await (await _driver.As("admin")).InstanceAsync(first["id"]!.GetValue<string>()))["completedActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()));

        // 2025Q2 (another compound of the same firm, not the quarter before) is inside it: twice within a year.
        await PublishedBlackAsync("2025Q2", OtherCompound);
        var second = await AssessAsync("2026Q1", firmAnswers: true);
        var repeated = Assert.Single(second["blackRepeated"]!.AsArray())!;
        Assert.Equal(YuxiuFirm, repeated["firm"]!.GetValue<string>());
        Assert.Equal(Yuxiu, repeated["compound"]!.GetValue<string>());
        Assert.Equal(2, repeated["times"]!.GetValue<int>());
        Assert.Equal(["2025Q2", "2026Q1"], repeated["quarters"]!.AsArray().Select(q => q!.GetValue<string>()));

        var chengjiang = await _driver.As("street.chengjiang");
        Assert.NotNull(await chengjiang.TaskAsync(second["id"]!.GetValue<string>(), "supervise"));
        var credit = (await (await _driver.As("bureau.housing")).GetAsync("/api/credit-records").Expect(HttpStatusCode.OK))["items"]!.AsArray();
        var record = Assert.Single(credit)!;
        Assert.Equal("black-list-repeated", record["kind"]!.GetValue<string>());
        Assert.Contains("2025Q2、2026Q1", record["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Assesses a quarter with 毓秀苑 lowest; its firm confirms in the objection period, or lets the 5 working days
    /// lapse (deemed no objection). Returns the city instance's variables with its id.
    /// </summary>
    private async Task<JsonObject> AssessAsync(string quarter, bool firmAnswers)
    {
        var id = (await _driver.StartQuarterAsync(quarter))["id"]!.GetValue<string>();
        foreach (var (compound, score) in new[] { (Binjiang, 85), (Yuxiu, 60), (Xingfuli, 75), (AssessmentDriver.Dingshan, 90) })
        {
            await _driver.ScoreAsync(compound, score, AssessmentDriver.People[compound].Committee is null ? null : score, score, score);
            await _driver.ReviewAsync(compound, score);
        }

        if (firmAnswers)
        {
            await _driver.FirmRespondsAsync("firm.yuxiu", Yuxiu, objects: false);
        }
        else
        {
            var objection = await _driver.FindTaskAsync("firm.yuxiu", "firmObjection", Yuxiu, "quarterly-assessment");
            // 5 working days from Monday 2026-03-02 09:00: Monday 2026-03-09 09:00.
            Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(8)), objection!["dueAt"]!.GetValue<DateTimeOffset>());
            await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(8)));
            _driver.ForgetLogins();
            Assert.Null(await _driver.FindTaskAsync("firm.yuxiu", "firmObjection", Yuxiu, "quarterly-assessment"));
        }

        await (await _driver.As("admin")).GetAsync($"/api/assessments/{quarter}/lists").Expect(HttpStatusCode.OK);

        var instance = await (await _driver.As("admin")).InstanceAsync(id);
        var variables = instance["variables"]!.AsObject().DeepClone().AsObject();
        variables["id"] = id;
        return variables;
    }

    /// <summary>A published black-list entry of an earlier quarter for 毓秀苑's firm (the data a past assessment left).</summary>
    private async Task PublishedBlackAsync(string quarter, string compound)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        db.Set<AssessmentListEntry>().Add(new AssessmentListEntry
        {
            Quarter = quarter,
            CompoundPath = compound,
            CompoundName = "旧苑",
            PropertyFirm = YuxiuFirm,
            StreetPath = "jiangyin/chengjiang",
            Rank = 4,
            CompositeScore = 55m,
            List = AssessmentLists.Black,
            InstanceId = Guid.Empty,
            PublishedAt = host.Clock.GetUtcNow().UtcDateTime.AddDays(-200),
        });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Set<AssessmentListEntry>().CountAsync(e => e.Quarter == quarter));
    }
}

/// <summary>The rolling window on SQLite.</summary>
public sealed class AssessmentRepeatTests(OrdinaryWeekHost host) : AssessmentRepeatScenario(host), IClassFixture<OrdinaryWeekHost>;

/// <summary>The rolling window on PostgreSQL.</summary>
public sealed class AssessmentRepeatPostgresTests(OrdinaryWeekPostgresHost host) : AssessmentRepeatScenario(host), IClassFixture<OrdinaryWeekPostgresHost>;

/// <summary>
/// P5's objection period (异议期): 毓秀苑's firm objects to its provisional black listing; the housing bureau corrects
/// the score with a reason; the published lists rank the corrected score, the firm is told, the score row records it.
/// </summary>
public abstract class AssessmentObjectionScenario(ProcedureHost host)
{
    private readonly AssessmentDriver _driver = new(host);

    [Fact]
    public async Task A_corrected_objection_changes_the_published_black_list_and_is_recorded_with_its_reason()
    {
        await _driver.EnsureComplaintDefinitionAsync();
        var id = (await _driver.StartQuarterAsync("2025Q4"))["id"]!.GetValue<string>();
        foreach (var (compound, score) in new[] { (Binjiang, 85), (Yuxiu, 60), (Xingfuli, 75), (AssessmentDriver.Dingshan, 90) })
        {
            await _driver.ScoreAsync(compound, score, AssessmentDriver.People[compound].Committee is null ? null : score, score, score);
            await _driver.ReviewAsync(compound, score);
        }

        var admin = await _driver.As("admin");
        var provisional = (await admin.InstanceAsync(id))["variables"]!["provisionalBlack"]!.AsArray();
        Assert.Equal(Yuxiu, Assert.Single(provisional)!["compound"]!.GetValue<string>());

        // Only the compound's own firm may object; the bureau's answer task appears once it does.
        Assert.Null(await _driver.FindTaskAsync("firm.binjiang", "firmObjection", Yuxiu, "quarterly-assessment"));
        Assert.Null(await _driver.FindTaskAsync("bureau.housing", "answerObjection", Yuxiu, "quarterly-assessment"));
        await _driver.FirmRespondsAsync("firm.yuxiu", Yuxiu, objects: true, reason: "社区巡查评分漏计了已整改项目");
        await admin.GetAsync("/api/assessments/2025Q4/lists").Expect(HttpStatusCode.NotFound);
        await _driver.BureauAnswersAsync(Yuxiu, "经复核，社区巡查漏计3项已整改内容，更正综合得分", correctedScore: 78);

        // Published: 定山雅苑 90 (red) > 滨江花园 85 > 毓秀苑 78 > 幸福里 75 (black).
        var lists = await admin.GetAsync("/api/assessments/2025Q4/lists").Expect(HttpStatusCode.OK);
        Assert.Equal([Xingfuli], lists["black"]!.AsArray().Select(e => e!["compound"]!.GetValue<string>()));
        var bureau = await _driver.As("bureau.housing");
        var yuxiu = (await bureau.GetAsync("/api/assessments/2025Q4/scores").Expect(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(s => s!["compoundPath"]!.GetValue<string>() == Yuxiu)!;
        Assert.Equal(78m, yuxiu["compositeScore"]!.GetValue<decimal>());
        Assert.Equal(18m, yuxiu["adjustment"]!.GetValue<decimal>());
        Assert.Equal("异议更正：经复核，社区巡查漏计3项已整改内容，更正综合得分", yuxiu["adjustmentReason"]!.GetValue<string>());
        Assert.Equal("bureau.housing", yuxiu["adjustedBy"]!.GetValue<string>());
        var told = Assert.Single(await host.NotificationsAsync(id, "firm.yuxiu", "result"));
        Assert.Contains("78", told.Body, StringComparison.Ordinal);
        Assert.Empty(await host.NotificationsAsync(id, "firm.binjiang", "result"));

        var journal = await admin.JournalAsync(id);
        Assert.Contains(journal, e => e["type"]!.GetValue<string>() == "TaskCompleted" && e["activityId"]!.GetValue<string>() == "firmObjection" && e["actor"]!.GetValue<string>() == "firm.yuxiu");
        Assert.Contains(journal, e => e["type"]!.GetValue<string>() == "TaskCompleted" && e["activityId"]!.GetValue<string>() == "answerObjection" && e["actor"]!.GetValue<string>() == "bureau.housing");
    }
}

/// <summary>The objection period on SQLite.</summary>
public sealed class AssessmentObjectionTests(OrdinaryWeekHost host) : AssessmentObjectionScenario(host), IClassFixture<OrdinaryWeekHost>;

/// <summary>The objection period on PostgreSQL.</summary>
public sealed class AssessmentObjectionPostgresTests(OrdinaryWeekPostgresHost host) : AssessmentObjectionScenario(host), IClassFixture<OrdinaryWeekPostgresHost>;
