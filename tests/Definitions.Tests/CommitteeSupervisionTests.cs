using System.Net;
using System.Net.Http.Json;
using Anju.Definitions.Tests.Support;
using static Anju.Definitions.Tests.OwnersVoting;

namespace Anju.Definitions.Tests;

/// <summary>
/// §12 业主自治组织监督 in 滨江花园 (城江街道, 黄山社区, committee.binjiang, seven owners): the street office calls an
/// extraordinary owners' meeting to adjust a committee that cannot work, and orders a committee to correct an
/// unlawful decision or annuls it, with notice to all owners.
/// </summary>
public static class Supervision
{
    public const string Key = "committee-supervision";

    public static object UnlawfulDecision => new
    {
        supervisionKind = "unlawful-decision",
        situation = "业主反映业委会擅自决定将3幢旁公共绿地改建为收费停车场",
        decisionBy = "owners-committee",
        decisionText = "业委会决定将3幢旁公共绿地改建为收费停车场",
    };

    public static async Task<string> StartAsync(ProcedureHost host, object variables)
    {
        using var street = await host.As("street.chengjiang");
        return (await street.StartAsync(Key, ProcedureApi.Binjiang, variables)).Id();
    }

    /// <summary>The street office orders correction within 5 working days; the committee does not correct; the decision is annulled and posted.</summary>
    public static async Task OrderThenAnnulAsync(ProcedureHost host)
    {
        var id = await StartAsync(host, UnlawfulDecision);
        Assert.Equal(["reviewDecision"], await host.ActiveAsync(id));
        await host.AssertNotSeenAsync(id, "reviewDecision", "street.nanzha", "community.huangshan", "committee.binjiang", "owner.li");

        // 责令改正 needs its legal basis and a period.
        using (var street = await host.As("street.chengjiang"))
        {
            var task = (await street.TaskAsync(id, "reviewDecision")).Id();
            await street.PostAsync($"/api/tasks/{task}/claim", null).Expect(HttpStatusCode.NoContent);
            var refused = await street.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { legalFinding = "改变共有部分用途须经业主大会四分之三以上同意", ruling = "correct" } })
                .Expect(HttpStatusCode.BadRequest);
            Assert.Contains("legalBasis", refused.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("correctDays", refused.ToJsonString(), StringComparison.Ordinal);
            await street.PostAsJsonAsync($"/api/tasks/{task}/complete", new
            {
                variables = new { legalFinding = "改变共有部分用途须经业主大会四分之三以上同意", ruling = "correct", legalBasis = "《民法典》第二百七十八条", correctDays = 5 },
            }).Expect(HttpStatusCode.NoContent);
        }

        var order = Assert.Single(await host.NotificationsAsync(id, "committee.binjiang", "result"));
        Assert.Contains("5个工作日内改正", order.Body, StringComparison.Ordinal);
        var started = host.Clock.GetUtcNow().ToOffset(Cst);
        var correct = await host.SeenTaskAsync(id, "correct", "committee.binjiang");
        Assert.Equal(started.AddDays(7), correct.DueAt()); // Monday 09:00 + 5 working days = next Monday 09:00
        await host.AssertNotSeenAsync(id, "correct", "committee.xingfuli", "street.chengjiang");

        // The period runs out without a correction: the street office checks and annuls.
        await host.AdvanceToAsync(started.AddDays(7).AddMinutes(-1));
        Assert.Equal(["correct"], await host.ActiveAsync(id));
        await host.AdvanceToAsync(started.AddDays(7));
        Assert.Equal(["verifyCorrection"], await host.ActiveAsync(id));
        await host.CompleteAsAsync("street.chengjiang", id, "verifyCorrection", new { corrected = "no", verifyNote = "期限届满未改正，绿地已开始施工" });

        Assert.Equal("completed", await host.StatusAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.Equal("annulled", variables["outcome"]!.GetValue<string>());
        var notice = Assert.Single(await host.NoticesAsync(id));
        Assert.Equal("关于滨江花园业主委员会违法决定的处理通告", notice.Title);
        Assert.Contains("撤销该决定", notice.Body!, StringComparison.Ordinal);
        Assert.Equal(ProcedureApi.Binjiang, notice.Jurisdiction);
        Assert.Equal(TimeSpan.FromDays(7), notice.Until - notice.PostedAt);
        foreach (var owner in FundUse.Owners)
        {
            Assert.Single(await host.NotificationsAsync(id, owner, "result"));
        }

        Assert.Empty(await host.NotificationsAsync(id, "owner.sun", "result")); // 幸福里's owners are not told
        await host.IntactJournalAsync(id, "reviewDecision", "correctOverdue", "verifyCorrection", "recordAnnulled", "postRuling", "rulingEnd");
    }
}

/// <summary>§12's order-then-annul path on SQLite, on its own clock from an ordinary Monday.</summary>
public sealed class CommitteeSupervisionOrderTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public Task An_unlawful_decision_not_corrected_in_time_is_annulled_and_posted_to_all_owners() => Supervision.OrderThenAnnulAsync(host);
}

/// <summary>§12's other paths on SQLite.</summary>
public sealed class CommitteeSupervisionTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task A_committee_that_corrects_its_decision_is_recorded_as_corrected()
    {
        var id = await Supervision.StartAsync(host, Supervision.UnlawfulDecision);
        await host.CompleteAsAsync("street.chengjiang", id, "reviewDecision", new
        {
            legalFinding = "未经业主大会表决",
            ruling = "correct",
            legalBasis = "《民法典》第二百七十八条",
            correctDays = 10,
        });
        await host.CompleteAsAsync("committee.binjiang", id, "correct", new { correctionReport = "已撤回改建决定，绿地恢复原状" });
        await host.CompleteAsAsync("street.chengjiang", id, "verifyCorrection", new { corrected = "yes", verifyNote = "现场核实绿地已恢复" });

        Assert.Equal("completed", await host.StatusAsync(id));
        Assert.Equal("corrected", (await host.VariablesAsync(id))["outcome"]!.GetValue<string>());
        Assert.Contains("已改正", Assert.Single(await host.NoticesAsync(id)).Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_street_office_starts_it_and_an_unlawful_decision_must_be_described()
    {
        using (var owner = await host.As("owner.li"))
        {
            await owner.PostAsJsonAsync($"/api/definitions/{Supervision.Key}/instances", new { jurisdiction = ProcedureApi.Binjiang, variables = Supervision.UnlawfulDecision })
                .Expect(HttpStatusCode.Forbidden);
        }

        using var street = await host.As("street.chengjiang");
        var refused = await street.PostAsJsonAsync($"/api/definitions/{Supervision.Key}/instances", new
        {
            jurisdiction = ProcedureApi.Binjiang,
            variables = new { supervisionKind = "unlawful-decision", situation = "业主反映业委会决定违法" },
        }).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("decisionText", refused.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_street_office_calls_an_extraordinary_meeting_that_adjusts_the_committee()
    {
        var id = await Supervision.StartAsync(host, new { supervisionKind = "adjust-committee", situation = "业委会主任长期不在小区，连续半年未召开会议" });
        await host.AssertNotSeenAsync(id, "inquire", "street.nanzha", "committee.binjiang");
        await host.CompleteAsAsync("street.chengjiang", id, "inquire", new
        {
            inquiryFindings = "业委会连续半年未召开会议，主任失联",
            inquiryResult = "adjust",
            adjustProposal = "罢免业委会主任王某，补选孙某为业委会委员",
        });

        // The meeting is announced 15 days ahead (物业管理条例 art. 14); the vote opens when the notice period ends.
        var meeting = Assert.Single(await host.NoticesAsync(id));
        Assert.Equal("关于召开滨江花园业主大会临时会议的通告", meeting.Title);
        Assert.Equal(TimeSpan.FromDays(15), meeting.Until - meeting.PostedAt);
        Assert.Equal(["meetingNoticeWait"], await host.ActiveAsync(id));
        await host.AdvanceAsync(TimeSpan.FromDays(15));
        Assert.Equal(["adjustVoteClosed"], await host.ActiveAsync(id));

        var ballotId = (await host.VariablesAsync(id))["ballotId"]!.GetValue<string>();
        foreach (var owner in FundUse.Owners)
        {
            await host.VoteAsync(ballotId, owner, "agree", "adjust");
        }

        Assert.Equal("completed", await host.StatusAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.True(variables["ballotApproved"]!.GetValue<bool>());
        Assert.Equal("committee-adjusted", variables["outcome"]!.GetValue<string>());
        var result = (await host.NoticesAsync(id)).Last();
        Assert.Equal("滨江花园业主大会临时会议表决结果公告", result.Title);
        Assert.Contains("表决结果：通过", result.Body!, StringComparison.Ordinal);
        Assert.Single(await host.NotificationsAsync(id, "committee.binjiang", "result"));
        Assert.Single(await host.NotificationsAsync(id, "community.huangshan", "result"));
        await host.IntactJournalAsync(id, "inquire", "postMeeting", "openAdjustVote", "adjustVoteClosed", "postAdjustResult", "adjustEnd");
    }

    [Fact]
    public async Task A_committee_found_working_is_not_adjusted()
    {
        var id = await Supervision.StartAsync(host, new { supervisionKind = "adjust-committee", situation = "业主反映业委会不作为" });
        await host.CompleteAsAsync("street.chengjiang", id, "inquire", new { inquiryFindings = "业委会按期召开会议，账目公开", inquiryResult = "no-adjust" });
        Assert.Equal("completed", await host.StatusAsync(id));
        Assert.Equal("not-adjusted", (await host.VariablesAsync(id))["outcome"]!.GetValue<string>());
        Assert.Empty(await host.NoticesAsync(id));
    }
}

/// <summary>§12's order-then-annul path on PostgreSQL.</summary>
public sealed class CommitteeSupervisionPostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public Task An_unlawful_decision_not_corrected_in_time_is_annulled_on_PostgreSQL() => Supervision.OrderThenAnnulAsync(host);
}
