using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using Anju.Host.Persistence;
using Anju.Host.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Anju.Definitions.Tests.OwnersVoting;

namespace Anju.Definitions.Tests;

/// <summary>Owners' voting and the records P4 and P6 leave, shared by their scenario classes.</summary>
public static class OwnersVoting
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public static DateTimeOffset Cn(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Cst);

    public static async Task<JsonObject> VariablesAsync(this ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return (await admin.InstanceAsync(id))["variables"]!.AsObject();
    }

    public static async Task<string> StatusAsync(this ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return (await admin.InstanceAsync(id))["status"]!.GetValue<string>();
    }

    public static async Task<List<string>> ActiveAsync(this ProcedureHost host, string id)
    {
        using var admin = await host.As("admin");
        return await admin.ActiveAsync(id);
    }

    /// <summary>One owner's ballot paper through the voting API: the same answer to every question.</summary>
    public static async Task VoteAsync(this ProcedureHost host, string ballotId, string owner, string answer, params string[] questions)
    {
        using var client = await host.As(owner);
        var answers = new JsonObject();
        foreach (var question in questions)
        {
            answers[question] = answer;
        }

        await client.PostAsJsonAsync($"/api/ballots/{ballotId}/votes", new { answers }).Expect(HttpStatusCode.Created);
    }

    public static async Task AssertNotSeenAsync(this ProcedureHost host, string id, string activity, params string[] users)
    {
        foreach (var user in users)
        {
            using var client = await host.As(user);
            Assert.False(await client.SeesTaskAsync(id, activity), $"{user} must not see '{activity}'");
        }
    }

    public static async Task<JsonObject> SeenTaskAsync(this ProcedureHost host, string id, string activity, string user)
    {
        using var client = await host.As(user);
        return await client.TaskAsync(id, activity);
    }

    public static async Task CompleteAsAsync(this ProcedureHost host, string user, string id, string activity, object? variables = null)
    {
        using var client = await host.As(user);
        await client.CompleteAsync(id, activity, variables);
    }

    public static async Task<(Compound Compound, List<RegistryChange> Changes)> RegistryAsync(this ProcedureHost host, string path)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var compound = await db.Compounds.AsNoTracking().SingleAsync(c => c.Path == path);
        var changes = await db.RegistryChanges.AsNoTracking().Where(c => c.Entity == "compound" && c.Key == path).ToListAsync();
        return (compound, changes);
    }

    /// <summary>Asserts the journal's hash chain verifies and that it recorded the activities.</summary>
    public static async Task<List<JsonObject>> IntactJournalAsync(this ProcedureHost host, string id, params string[] activities)
    {
        using var admin = await host.As("admin");
        var body = await admin.GetAsync($"/api/instances/{id}/journal").Expect(HttpStatusCode.OK);
        var verification = body["verification"]!.AsObject();
        Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
        var entries = body["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var recorded = entries.Select(e => e["activityId"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.All(activities, a => Assert.Contains(a, recorded));
        return entries;
    }

    /// <summary>Moves the clock to just before a moment, asserting nothing of the kind was sent, then to it.</summary>
    public static async Task AssertNotifiedAtAsync(this ProcedureHost host, string id, string username, string kind, DateTimeOffset at)
    {
        await host.AdvanceToAsync(at.AddMinutes(-1));
        Assert.Empty(await host.NotificationsAsync(id, username, kind));
        await host.AdvanceToAsync(at);
        var notification = Assert.Single(await host.NotificationsAsync(id, username, kind));
        Assert.Equal(at.UtcDateTime, DateTime.SpecifyKind(notification.CreatedAt, DateTimeKind.Utc));
    }
}

/// <summary>P4 业主委员会组建: the steps the scenario classes share.</summary>
public static class Formation
{
    public const string Key = "committee-formation";
    public static readonly string[] Questions = ["members", "rules", "statute"];
    public static readonly string[] XingfuliOwners = ["owner.sun", "owner.zhou", "owner.wu", "owner.zheng", "owner.feng", "owner.he"];

    public static async Task<string> StartAsync(ProcedureHost host, string user, string compound, object variables)
    {
        using var client = await host.As(user);
        return (await client.StartAsync(Key, compound, variables)).Id();
    }

    /// <summary>From the preparatory group to the open ballot (幸福里小区, 南闸街道, 幸福社区).</summary>
    public static async Task PrepareAsync(ProcedureHost host, string id, bool failQualificationOnce = false)
    {
        await host.CompleteAsAsync("street.nanzha", id, "formGroup", new { groupMembers = "南闸街道 赵科长；幸福社区 何主任；业主代表 孙先生、周女士", groupLeader = "幸福社区 何主任" });
        Assert.Equal(["groupNoticeWait"], await host.ActiveAsync(id));
        var notice = (await host.NoticesAsync(id)).Last();
        Assert.Equal(TimeSpan.FromDays(7), notice.Until - notice.PostedAt);
        await host.AdvanceAsync(TimeSpan.FromDays(7));
        await NoObjectionAsync(host, id, "groupObjections", "street.nanzha");
        await host.AssertNotSeenAsync(id, "prepareMeeting", "community.huangshan", "street.chengjiang");
        await host.CompleteAsAsync("community.xingfu", id, "prepareMeeting", new { votingRightsConfirmed = true, rulesDraft = "议事规则草案", statuteDraft = "管理规约草案" });
        await host.CompleteAsAsync("community.xingfu", id, "nominate", new { candidates = "孙先生、周女士、吴先生" });
        await host.CompleteAsAsync("community.xingfu", id, "communityCheck", new { communityQualified = "pass" });
        if (failQualificationOnce)
        {
            await host.CompleteAsAsync("street.nanzha", id, "streetCheck", new { streetQualified = "fail", streetCheckNote = "吴先生有欠缴物业费记录" });
            Assert.Equal(["nominate"], await host.ActiveAsync(id));
            await host.CompleteAsAsync("community.xingfu", id, "nominate", new { candidates = "孙先生、周女士、郑女士" });
            await host.CompleteAsAsync("community.xingfu", id, "communityCheck", new { communityQualified = "pass" });
        }

        await host.CompleteAsAsync("street.nanzha", id, "streetCheck", new { streetQualified = "pass" });
        Assert.Equal(["candidateNoticeWait"], await host.ActiveAsync(id));
        await host.AdvanceAsync(TimeSpan.FromDays(7));
        await NoObjectionAsync(host, id, "candidateObjections", "community.xingfu");
        Assert.Equal(["voteClosed"], await host.ActiveAsync(id));
    }

    /// <summary>When a posting ends, the group (or street office) records that no objection was raised; the process waits for it.</summary>
    public static async Task NoObjectionAsync(ProcedureHost host, string id, string activity, string user)
    {
        Assert.Equal([activity], await host.ActiveAsync(id));
        await host.CompleteAsAsync(user, id, activity, new { objectionResult = "none" });
    }

    public static async Task<string> BallotIdAsync(ProcedureHost host, string id) =>
        (await host.VariablesAsync(id))["ballotId"]!.GetValue<string>();

    /// <summary>
    /// The main path on 幸福里小区 as the real roles, with four of six owners (exactly 2/3 by area and by headcount)
    /// voting, the 30-day filing limit reminded and escalated, a filing returned once; run on SQLite and PostgreSQL.
    /// </summary>
    public static async Task MainPathAsync(ProcedureHost host)
    {
        var started = host.Clock.GetUtcNow();
        var id = await StartAsync(host, "owner.sun", ProcedureApi.Xingfuli, new { initiatedBy = "owners", applicantShare = 0.33, applicationNote = "业主联名申请（2/6）" });
        var variables = await host.VariablesAsync(id);
        Assert.True(variables["conditionsMet"]!.GetValue<bool>());
        Assert.True(variables["applicationValid"]!.GetValue<bool>());
        Assert.Equal("owner.sun", variables["initiator"]!.GetValue<string>());

        // 审查成立条件: 南闸街道 only, 10 working days (Mon 2 March → Mon 16 March)
        Assert.Equal(Cn(2026, 3, 16, 9), (await host.SeenTaskAsync(id, "reviewConditions", "street.nanzha")).DueAt());
        await host.AssertNotSeenAsync(id, "reviewConditions", "street.chengjiang", "community.xingfu", "owner.sun", "committee.xingfuli");
        await host.CompleteAsAsync("street.nanzha", id, "reviewConditions", new { reviewDecision = "accept", reviewOpinion = "交付满两年，条件具备" });

        // 成立筹备组 within 60 calendar days
        Assert.Equal(started.AddDays(60), (await host.SeenTaskAsync(id, "formGroup", "street.nanzha")).DueAt());
        await host.AssertNotSeenAsync(id, "formGroup", "street.chengjiang", "community.xingfu");
        await PrepareAsync(host, id);

        // 业主大会电子投票: owners of 幸福里 reach the ballot, 滨江花园's do not
        var ballotId = await BallotIdAsync(host, id);
        using (var li = await host.As("owner.li"))
        {
            await li.GetAsync($"/api/ballots/{ballotId}").Expect(HttpStatusCode.NotFound);
        }

        using (var sun = await host.As("owner.sun"))
        {
            var ballot = await sun.GetAsync($"/api/ballots/{ballotId}").Expect(HttpStatusCode.OK);
            Assert.Equal(3, ballot["questions"]!.AsArray().Count);
            // Art. 278 items: (3) electing the committee, (1) the assembly's rules, (2) the management statute.
            Assert.Equal([3, 1, 2], ballot["questions"]!.AsArray().Select(q => q!["item"]!.GetValue<int>()));
        }

        foreach (var owner in XingfuliOwners.Take(4))
        {
            await host.VoteAsync(ballotId, owner, "agree", Questions);
        }

        Assert.Equal(["voteClosed"], await host.ActiveAsync(id)); // open until its closing time
        await host.AdvanceAsync(TimeSpan.FromDays(21));
        var closedAt = host.Clock.GetUtcNow();
        variables = await host.VariablesAsync(id);
        var result = variables["ballotResult"]!.AsObject();
        Assert.True(variables["ballotQuorum"]!.GetValue<bool>());
        Assert.True(variables["ballotApproved"]!.GetValue<bool>());
        Assert.Equal(4, result["turnoutHeadcount"]!.GetValue<int>());
        Assert.Equal(6, result["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(400m, result["turnoutArea"]!.GetValue<decimal>());
        Assert.Equal(600m, result["eligibleArea"]!.GetValue<decimal>());
        Assert.Equal(1, variables["voteRound"]!.GetValue<int>());

        // 备案 within 30 days: reminded at 20 days, escalated to 南闸街道 at 30
        var filing = await host.SeenTaskAsync(id, "submitFiling", "committee.xingfuli");
        Assert.Equal(closedAt.AddDays(30), filing.DueAt());
        await host.AssertNotSeenAsync(id, "submitFiling", "committee.binjiang", "owner.sun", "street.nanzha");
        await host.AssertNotifiedAtAsync(id, "committee.xingfuli", "reminder", closedAt.AddDays(20));
        await host.AssertNotifiedAtAsync(id, "street.nanzha", "escalation", closedAt.AddDays(30));
        Assert.Empty(await host.NotificationsAsync(id, "street.chengjiang", "escalation"));
        await host.AssertNotSeenAsync(id, "superviseFiling", "street.chengjiang", "committee.xingfuli");
        await host.CompleteAsAsync("street.nanzha", id, "superviseFiling", new { supervisionNote = "电话督促业委会三日内备案" });
        await host.CompleteAsAsync("committee.xingfuli", id, "submitFiling", new { filingDocuments = "选举结果" });
        await host.CompleteAsAsync("street.nanzha", id, "acceptFiling", new { filingDecision = "return", filingNote = "缺管理规约" });
        await host.CompleteAsAsync("committee.xingfuli", id, "submitFiling", new { filingDocuments = "选举结果、议事规则、管理规约、委员名单" });
        await host.CompleteAsAsync("street.nanzha", id, "acceptFiling", new { filingDecision = "accept" });

        // The registry shows the committee, with the change in its history
        Assert.Equal("completed", await host.StatusAsync(id));
        var (compound, changes) = await host.RegistryAsync(ProcedureApi.Xingfuli);
        Assert.Equal(CommitteeStatuses.OwnersCommittee, compound.CommitteeStatus);
        var change = Assert.Single(changes);
        Assert.Contains("owners-committee", change.After, StringComparison.Ordinal);
        Assert.Contains("none", change.Before, StringComparison.Ordinal);
        Assert.Contains(id, change.ChangedBy, StringComparison.Ordinal);
        variables = await host.VariablesAsync(id);
        Assert.Equal("owners-committee", variables["committeeStatus"]!.GetValue<string>());
        Assert.Single(await host.NotificationsAsync(id, "owner.sun", "result"));
        Assert.Equal(3, (await host.NoticesAsync(id)).Count); // group list, candidates, results
        await host.IntactJournalAsync(id, "reviewConditions", "formGroup", "openVote", "voteClosed", "postResults", "superviseFiling", "registerCommittee", "established");
    }
}

/// <summary>P4 on SQLite from an ordinary Monday: the main path and the paths that end early.</summary>
public sealed class CommitteeFormationTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public Task Owners_apply_and_elect_with_exactly_two_thirds_turnout_then_the_committee_files_and_the_registry_shows_it() =>
        Formation.MainPathAsync(host);

    [Fact]
    public async Task The_street_office_rejects_an_application()
    {
        var id = await Formation.StartAsync(host, "street.chengjiang", ProcedureApi.Yuxiu, new { initiatedBy = "developer", applicantShare = 0 });
        await host.AssertNotSeenAsync(id, "reviewConditions", "street.nanzha", "community.huangshan", "firm.yuxiu");
        await host.CompleteAsAsync("street.chengjiang", id, "reviewConditions", new { reviewDecision = "reject", reviewOpinion = "申请材料不全" });
        Assert.Equal("completed", await host.StatusAsync(id));
        Assert.Single(await host.NotificationsAsync(id, "street.chengjiang", "result"));
        await host.IntactJournalAsync(id, "notifyRejected", "rejected");
    }

    [Fact]
    public async Task An_owners_application_below_a_fifth_of_the_owners_is_not_accepted_even_if_the_reviewer_accepts()
    {
        var id = await Formation.StartAsync(host, "street.chengjiang", ProcedureApi.Yuxiu, new { initiatedBy = "owners", applicantShare = 0.15 });
        Assert.False((await host.VariablesAsync(id))["applicationValid"]!.GetValue<bool>());
        await host.CompleteAsAsync("street.chengjiang", id, "reviewConditions", new { reviewDecision = "accept", reviewOpinion = "经审查" });
        Assert.Equal("completed", await host.StatusAsync(id));
        await host.IntactJournalAsync(id, "rejected");
    }

    [Fact]
    public async Task A_compound_that_has_an_owners_committee_ends_at_once()
    {
        var id = await Formation.StartAsync(host, "street.chengjiang", ProcedureApi.Binjiang, new { initiatedBy = "street-office", applicantShare = 0 });
        Assert.Equal("completed", await host.StatusAsync(id));
        await host.IntactJournalAsync(id, "lookup", "alreadyHas");
    }
}

/// <summary>P4 main path on PostgreSQL.</summary>
public sealed class CommitteeFormationPostgresTests(OrdinaryWeekPostgresHost host) : IClassFixture<OrdinaryWeekPostgresHost>
{
    [Fact]
    public Task Main_path_on_PostgreSQL() => Formation.MainPathAsync(host);
}

/// <summary>P4 in 毓秀苑 (42% delivered, first delivery May 2025): conditions not met → 物业管理委员会.</summary>
public sealed class CommitteeFormationConditionsNotMetTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task The_street_office_forms_a_property_management_committee_when_the_conditions_are_not_met()
    {
        var id = await Formation.StartAsync(host, "street.chengjiang", ProcedureApi.Yuxiu, new { initiatedBy = "street-office", applicantShare = 0 });
        var variables = await host.VariablesAsync(id);
        Assert.Equal(0.42m, variables["deliveredShare"]!.GetValue<decimal>());
        Assert.Equal(0, variables["yearsSinceFirstDelivery"]!.GetValue<int>());
        Assert.False(variables["conditionsMet"]!.GetValue<bool>());

        // Even "accept" cannot start an owners' meeting here: the conditions decide
        await host.CompleteAsAsync("street.chengjiang", id, "reviewConditions", new { reviewDecision = "accept", reviewOpinion = "经审查" });
        Assert.Equal(["appointManagement"], await host.ActiveAsync(id));
        await host.AssertNotSeenAsync(id, "appointManagement", "street.nanzha", "community.huangshan", "firm.yuxiu");
        await host.CompleteAsAsync("street.chengjiang", id, "appointManagement", new { managementMembers = "黄山社区 李主任；业主代表 3 名" });
        Assert.Equal(["managementNoticeWait"], await host.ActiveAsync(id));
        Assert.Equal(CommitteeStatuses.None, (await host.RegistryAsync(ProcedureApi.Yuxiu)).Compound.CommitteeStatus);
        await host.AdvanceAsync(TimeSpan.FromDays(7));
        await Formation.NoObjectionAsync(host, id, "managementObjections", "street.chengjiang");

        Assert.Equal("completed", await host.StatusAsync(id));
        var (compound, changes) = await host.RegistryAsync(ProcedureApi.Yuxiu);
        Assert.Equal(CommitteeStatuses.ManagementCommittee, compound.CommitteeStatus);
        Assert.Contains("management-committee", Assert.Single(changes).After, StringComparison.Ordinal);
        Assert.Equal("management-committee", (await host.VariablesAsync(id))["committeeStatus"]!.GetValue<string>());
        await host.IntactJournalAsync(id, "appointManagement", "postManagement", "registerManagement", "managementEstablished");
    }
}

/// <summary>
/// P4 in 幸福里小区 across the 2026 Mid-Autumn and National Day holidays: the 60-day preparatory group limit, a
/// failed qualification check, and an owners' meeting missing its quorum twice → 物业管理委员会.
/// </summary>
public sealed class CommitteeFormationHolidayTests(NationalDayHost host) : IClassFixture<NationalDayHost>
{
    [Fact]
    public async Task Quorum_missed_twice_leads_to_a_property_management_committee()
    {
        // Fri 25 Sep 2026 09:00 is the Mid-Autumn holiday; the street office starts on its own initiative
        var id = await Formation.StartAsync(host, "street.nanzha", ProcedureApi.Xingfuli, new { initiatedBy = "street-office", applicantShare = 0 });

        // 10 working days: 28, 29, 30 Sep, 8, 9, 10 (调休 Saturday), 12, 13, 14, 15 Oct
        Assert.Equal(Cn(2026, 10, 15, 9), (await host.SeenTaskAsync(id, "reviewConditions", "street.nanzha")).DueAt());
        await host.CompleteAsAsync("street.nanzha", id, "reviewConditions", new { reviewDecision = "accept", reviewOpinion = "经审查" });

        // 60 calendar days for the preparatory group: reminder at 40 (4 Nov), escalation to the bureau at 60 (24 Nov)
        Assert.Equal(Cn(2026, 11, 24, 9), (await host.SeenTaskAsync(id, "formGroup", "street.nanzha")).DueAt());
        await host.AssertNotifiedAtAsync(id, "street.nanzha", "reminder", Cn(2026, 11, 4, 9));
        Assert.Empty(await host.NotificationsAsync(id, "street.chengjiang", "reminder"));
        await host.AssertNotifiedAtAsync(id, "bureau.housing", "escalation", Cn(2026, 11, 24, 9));
        await host.AssertNotSeenAsync(id, "superviseGroup", "street.nanzha", "community.xingfu");
        await host.CompleteAsAsync("bureau.housing", id, "superviseGroup", new { supervisionNote = "约谈南闸街道，限期成立筹备组" });
        await host.SeenTaskAsync(id, "formGroup", "street.nanzha"); // the overdue task stays open

        await Formation.PrepareAsync(host, id, failQualificationOnce: true);

        // First vote: three of six owners (1/2) — no quorum
        var first = await Formation.BallotIdAsync(host, id);
        foreach (var owner in Formation.XingfuliOwners.Take(3))
        {
            await host.VoteAsync(first, owner, "agree", Formation.Questions);
        }

        await host.AdvanceAsync(TimeSpan.FromDays(21));
        var variables = await host.VariablesAsync(id);
        Assert.False(variables["ballotQuorum"]!.GetValue<bool>());
        Assert.Equal(2, variables["voteRound"]!.GetValue<int>());
        Assert.Equal(["voteClosed"], await host.ActiveAsync(id));

        // The re-vote opened a new ballot; again only three vote
        var second = await Formation.BallotIdAsync(host, id);
        Assert.NotEqual(first, second);
        foreach (var owner in Formation.XingfuliOwners.Skip(3))
        {
            await host.VoteAsync(second, owner, "agree", Formation.Questions);
        }

        await host.AdvanceAsync(TimeSpan.FromDays(21));
        Assert.False((await host.VariablesAsync(id))["ballotQuorum"]!.GetValue<bool>());
        Assert.Equal(["appointManagement"], await host.ActiveAsync(id));
        await host.CompleteAsAsync("street.nanzha", id, "appointManagement", new { managementMembers = "幸福社区 何主任；业主代表 孙先生、周女士" });
        await host.AdvanceAsync(TimeSpan.FromDays(7));
        await Formation.NoObjectionAsync(host, id, "managementObjections", "street.nanzha");

        Assert.Equal("completed", await host.StatusAsync(id));
        Assert.Equal(CommitteeStatuses.ManagementCommittee, (await host.RegistryAsync(ProcedureApi.Xingfuli)).Compound.CommitteeStatus);
        await host.IntactJournalAsync(id, "groupReminder", "superviseGroup", "secondRound", "appointManagement", "registerManagement");
        Assert.Equal(3, (await host.NoticesAsync(id)).Count); // group list, candidates, management committee
    }
}

/// <summary>P4 公示异议: objections raised during a posting are recorded and answered, and the process waits for the answer.</summary>
public sealed class CommitteeFormationObjectionTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    [Fact]
    public async Task An_objection_to_the_group_list_is_answered_and_an_upheld_one_to_the_candidates_sends_them_back()
    {
        var id = await Formation.StartAsync(host, "street.nanzha", ProcedureApi.Xingfuli, new { initiatedBy = "street-office", applicantShare = 0 });
        await host.CompleteAsAsync("street.nanzha", id, "reviewConditions", new { reviewDecision = "accept", reviewOpinion = "条件具备" });
        await host.CompleteAsAsync("street.nanzha", id, "formGroup", new { groupMembers = "南闸街道 赵科长；幸福社区 何主任；业主代表 孙先生", groupLeader = "幸福社区 何主任" });
        var posted = (await host.NoticesAsync(id)).Last();
        Assert.Contains("异议", posted.Body!, StringComparison.Ordinal);

        // The process does not move on while the posting runs, nor when it ends until the objections are answered.
        await host.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Equal(["groupObjections"], await host.ActiveAsync(id));
        var task = await host.SeenTaskAsync(id, "groupObjections", "street.nanzha");
        Assert.Equal(Cn(2026, 3, 16, 9), task.DueAt()); // 5 working days after the posting ends (Mon 9 March)
        await host.AssertNotSeenAsync(id, "groupObjections", "street.chengjiang", "community.xingfu", "owner.sun");

        // An objection must be written down with its answer.
        using (var street = await host.As("street.nanzha"))
        {
            var taskId = task["id"]!.GetValue<string>();
            await street.PostAsync($"/api/tasks/{taskId}/claim", null).Expect(HttpStatusCode.NoContent);
            var refused = await street.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { objectionResult = "dismissed" } })
                .Expect(HttpStatusCode.BadRequest);
            Assert.Contains("objectionAnswer", refused.ToJsonString(), StringComparison.Ordinal);
            await street.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new
            {
                variables = new { objectionResult = "dismissed", objectionText = "业主吴先生：业主代表未经推选", objectionAnswer = "业主代表经楼栋推选产生，已书面答复" },
            }).Expect(HttpStatusCode.NoContent);
        }

        Assert.Equal(["prepareMeeting"], await host.ActiveAsync(id));
        var variables = await host.VariablesAsync(id);
        Assert.Equal("dismissed", variables["objectionResult"]!.GetValue<string>());
        Assert.Equal("业主代表经楼栋推选产生，已书面答复", variables["objectionAnswer"]!.GetValue<string>());

        await host.CompleteAsAsync("community.xingfu", id, "prepareMeeting", new { votingRightsConfirmed = true, rulesDraft = "议事规则草案", statuteDraft = "管理规约草案" });
        await host.CompleteAsAsync("community.xingfu", id, "nominate", new { candidates = "孙先生、周女士、吴先生" });
        await host.CompleteAsAsync("community.xingfu", id, "communityCheck", new { communityQualified = "pass" });
        await host.CompleteAsAsync("street.nanzha", id, "streetCheck", new { streetQualified = "pass" });
        await host.AdvanceAsync(TimeSpan.FromDays(7));

        // Upheld: the candidates are nominated again and posted again; no ballot was opened.
        await host.CompleteAsAsync("community.xingfu", id, "candidateObjections", new
        {
            objectionResult = "upheld",
            objectionText = "业主周女士：吴先生长期欠缴物业费",
            objectionAnswer = "经核实属实，取消吴先生候选人资格",
        });
        Assert.Equal(["nominate"], await host.ActiveAsync(id));
        Assert.False((await host.VariablesAsync(id)).ContainsKey("ballotId"));
        await host.CompleteAsAsync("community.xingfu", id, "nominate", new { candidates = "孙先生、周女士、郑女士" });
        await host.CompleteAsAsync("community.xingfu", id, "communityCheck", new { communityQualified = "pass" });
        await host.CompleteAsAsync("street.nanzha", id, "streetCheck", new { streetQualified = "pass" });
        await host.AdvanceAsync(TimeSpan.FromDays(7));
        await Formation.NoObjectionAsync(host, id, "candidateObjections", "community.xingfu");
        Assert.Equal(["voteClosed"], await host.ActiveAsync(id));
        Assert.Equal(3, (await host.NoticesAsync(id)).Count); // group list, candidates twice

        var journal = await host.IntactJournalAsync(id, "groupObjections", "candidateObjections");
        var upheld = Assert.Single(journal, e => e["type"]!.GetValue<string>() == "TaskCompleted" && e["details"]!["variables"]!["objectionResult"]?.GetValue<string>() == "upheld");
        Assert.Equal("candidateObjections", upheld["activityId"]!.GetValue<string>());
        Assert.Equal("community.xingfu", upheld["actor"]!.GetValue<string>());
        Assert.Equal("业主周女士：吴先生长期欠缴物业费", upheld["details"]!["variables"]!["objectionText"]!.GetValue<string>());
    }
}
