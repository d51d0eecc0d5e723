using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Voting;
using Anju.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Voting;

/// <summary>
/// Ballots in 滨江花园 as the demo data registers it: seven owners, 1,004.40 m²; owner.li holds three units
/// (299 m²), wang and zhang 89.5, liu and chen 120, yang and zhao 143.2.
/// </summary>
public abstract class BallotTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Binjiang = "binjiang-garden";
    private static readonly string[] AllOwners = ["owner.li", "owner.wang", "owner.zhang", "owner.liu", "owner.chen", "owner.yang", "owner.zhao"];

    private async Task<(HttpClient Admin, JsonObject Instance, string BallotId)> OpenAsync(object? variables = null)
    {
        var admin = await host.ClientAsync("admin");
        var instance = await admin.StartVoteAsync(Binjiang, variables ?? VotingApi.OneQuestion());
        return (admin, instance, instance.BallotId());
    }

    [Fact]
    public async Task Opening_snapshots_the_owners_of_the_compound_and_the_process_waits_for_the_close()
    {
        var before = DateTimeOffset.UtcNow;
        var (admin, instance, ballotId) = await OpenAsync();
        var li = await host.ClientAsync("owner.li");

        var ballot = await li.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");
        var view = await admin.InstanceAsync(instance);

        Assert.Equal(["closed"], view["activeActivityIds"].Strings());
        Assert.Equal("open", ballot!["status"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang/huangshan/binjiang-garden", ballot["compound"]!.GetValue<string>());
        Assert.Equal("滨江花园", ballot["compoundName"]!.GetValue<string>());
        Assert.Equal(7, ballot["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(1004.4m, ballot["eligibleArea"]!.GetValue<decimal>());
        Assert.True(ballot["canVote"]!.GetValue<bool>());
        Assert.Null(ballot["myVote"]);
        Assert.Null(ballot["instanceId"]);
        Assert.Equal("ordinary", ballot["questions"]![0]!["matter"]!.GetValue<string>());

        // Five working days in China time: at least a week of calendar days when a weekend falls in between.
        var closesAt = ballot["closesAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(closesAt, before.AddDays(5), before.AddDays(12));
    }

    [Fact]
    public async Task An_owner_votes_once_and_sees_their_own_vote()
    {
        var (_, _, ballotId) = await OpenAsync();
        var li = await host.ClientAsync("owner.li");

        var first = await li.VoteAsync(ballotId, new { q1 = "agree" });
        var second = await li.VoteAsync(ballotId, new { q1 = "disagree" });
        var english = await (await host.ClientAsync("owner.li", "en")).VoteAsync(ballotId, new { q1 = "disagree" });
        var ballot = await li.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("agree", (await first.Json())["answers"]!["q1"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Json();
        Assert.Equal("ballot.duplicateVote", problem.Code());
        Assert.Contains("只能投一次", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("votes once", (await english.Json())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("agree", ballot!["myVote"]!["answers"]!["q1"]!.GetValue<string>());
        Assert.False(ballot["canVote"]!.GetValue<bool>());
        Assert.Equal(1, ballot["votesCast"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_vote_must_answer_every_question_with_a_known_option()
    {
        var (_, _, ballotId) = await OpenAsync(new
        {
            ballotTitle = "业主大会",
            ballotQuestions = new[]
            {
                new { id = "rules", text = "通过管理规约", matter = "ordinary" },
                new { id = "fund", text = "续筹维修资金", matter = "major" },
            },
            ballotDays = 5,
        });
        var li = await host.ClientAsync("owner.li");

        var missing = await li.VoteAsync(ballotId, new { rules = "agree" });
        var unknown = await li.VoteAsync(ballotId, new { rules = "agree", fund = "yes", roof = "agree" });
        var none = await li.PostAsJsonAsync($"/api/ballots/{ballotId}/votes", new { });
        var after = await li.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.Json())["errors"]!["answers.fund"]);
        var errors = (await unknown.Json())["errors"]!.AsObject();
        Assert.Equal(["answers.fund", "answers.roof"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.NotNull((await none.Json())["errors"]!["answers"]);
        Assert.Equal(0, after!["votesCast"]!.GetValue<int>());
        Assert.True(after["canVote"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_owner_of_another_compound_does_not_see_the_ballot_and_an_official_may_not_vote()
    {
        var (admin, _, ballotId) = await OpenAsync();
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username = "owner.xingfuli",
            displayName = "幸福里 业主",
            password = HostFixture.NewUserPassword,
            roles = new[] { "owner" },
            jurisdictions = new[] { "xingfuli" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stranger = await host.ClientAsync("owner.xingfuli", password: HostFixture.NewUserPassword);
        var street = await host.ClientAsync("street.chengjiang");

        var vote = await stranger.VoteAsync(ballotId, new { q1 = "agree" });
        var read = await stranger.GetAsync($"/api/ballots/{ballotId}");
        var list = await stranger.GetFromJsonAsync<JsonArray>("/api/ballots");
        var byStreet = await street.VoteAsync(ballotId, new { q1 = "agree" });

        Assert.Equal(HttpStatusCode.NotFound, vote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(list!);
        Assert.Equal(HttpStatusCode.Forbidden, byStreet.StatusCode);
        Assert.Equal("ballot.notElector", (await byStreet.Json()).Code());
    }

    [Fact]
    public async Task Votes_are_secret_between_owners()
    {
        var (_, _, ballotId) = await OpenAsync();
        var li = await host.ClientAsync("owner.li");
        var wang = await host.ClientAsync("owner.wang");
        Assert.Equal(HttpStatusCode.Created, (await li.VoteAsync(ballotId, new { q1 = "disagree" })).StatusCode);

        var seenByWang = await wang.GetStringAsync($"/api/ballots/{ballotId}");
        var listedForWang = await wang.GetStringAsync("/api/ballots?status=open");
        var auditByWang = await wang.GetAsync($"/api/ballots/{ballotId}/votes");
        var auditByLi = await li.GetAsync($"/api/ballots/{ballotId}/votes");
        var resultWhileOpen = await wang.GetAsync($"/api/ballots/{ballotId}/result");

        var ballot = JsonNode.Parse(seenByWang)!;
        Assert.Null(ballot["myVote"]);
        Assert.DoesNotContain("disagree", seenByWang, StringComparison.Ordinal);
        Assert.DoesNotContain("owner.li", seenByWang, StringComparison.Ordinal);
        Assert.Contains(ballotId, listedForWang, StringComparison.Ordinal);
        Assert.DoesNotContain("disagree", listedForWang, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, auditByWang.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditByLi.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, resultWhileOpen.StatusCode);
        Assert.Equal("ballot.notClosed", (await resultWhileOpen.Json()).Code());
    }

    [Fact]
    public async Task The_street_office_and_the_housing_bureau_audit_the_votes_and_each_read_is_recorded()
    {
        var (_, instance, ballotId) = await OpenAsync();
        Assert.Equal(HttpStatusCode.Created, (await (await host.ClientAsync("owner.li")).VoteAsync(ballotId, new { q1 = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await host.ClientAsync("owner.wang")).VoteAsync(ballotId, new { q1 = "abstain" })).StatusCode);
        var street = await host.ClientAsync("street.chengjiang");
        var bureau = await host.ClientAsync("bureau.housing");

        var first = await street.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}/votes");
        var second = await bureau.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}/votes");
        var nanzha = await (await host.ClientAsync("street.nanzha")).GetAsync($"/api/ballots/{ballotId}/votes");
        var community = await (await host.ClientAsync("community.huangshan")).GetAsync($"/api/ballots/{ballotId}/votes");
        var listedForNanzha = await (await host.ClientAsync("street.nanzha")).GetFromJsonAsync<JsonArray>("/api/ballots");
        var ballotForStreet = await street.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");

        var votes = first!["votes"]!.AsArray();
        Assert.Equal(["owner.li", "owner.wang"], votes.Select(v => v!["owner"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var li = votes.Single(v => v!["owner"]!.GetValue<string>() == "owner.li")!;
        Assert.Equal("agree", li["answers"]!["q1"]!.GetValue<string>());
        Assert.Equal(299m, li["area"]!.GetValue<decimal>());
        Assert.Equal(3, li["units"]!.GetValue<int>());
        Assert.Equal("业主 李先生", li["displayName"]!.GetValue<string>());
        Assert.Equal(["street.chengjiang"], first["reads"]!.AsArray().Select(r => r!["reader"]!.GetValue<string>()));
        Assert.Equal(["street.chengjiang", "bureau.housing"], second!["reads"]!.AsArray().Select(r => r!["reader"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, nanzha.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, community.StatusCode); // follows the ballot, does not audit it
        Assert.DoesNotContain(listedForNanzha!, b => b!["id"]!.GetValue<string>() == ballotId);
        Assert.Equal(instance["id"]!.GetValue<string>(), ballotForStreet!["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_last_owner_to_vote_closes_the_ballot_and_resumes_the_process_with_the_result()
    {
        var (admin, instance, ballotId) = await OpenAsync();
        string[] agree = ["owner.li", "owner.wang", "owner.zhang", "owner.liu", "owner.chen"];
        foreach (var owner in AllOwners)
        {
            var client = await host.ClientAsync(owner);
            var response = await client.VoteAsync(ballotId, new { q1 = agree.Contains(owner) ? "agree" : "disagree" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var view = await admin.InstanceAsync(instance);
        var ballot = await (await host.ClientAsync("owner.zhao")).GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");
        var result = await (await host.ClientAsync("owner.wang")).GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}/result");
        var late = await (await host.ClientAsync("owner.li")).VoteAsync(ballotId, new { q1 = "agree" });

        Assert.Equal(["carryOut"], view["activeActivityIds"].Strings());
        var variables = view["variables"]!;
        Assert.True(variables["ballotApproved"]!.GetValue<bool>());
        Assert.True(variables["ballotQuorum"]!.GetValue<bool>());
        var delivered = variables["ballotResult"]!;
        Assert.Equal(ballotId, delivered["ballotId"]!.GetValue<string>());
        Assert.Equal("allVoted", delivered["closedBecause"]!.GetValue<string>());
        Assert.Equal(7, delivered["turnoutHeadcount"]!.GetValue<int>());
        Assert.Equal(1004.4m, delivered["turnoutArea"]!.GetValue<decimal>());
        var q1 = delivered["questions"]![0]!;
        Assert.Equal("q1", q1["id"]!.GetValue<string>());
        Assert.True(q1["approved"]!.GetValue<bool>());
        Assert.Equal(5, q1["agreeHeadcount"]!.GetValue<int>());
        Assert.Equal(718m, q1["agreeArea"]!.GetValue<decimal>());
        Assert.Equal(2, q1["disagreeHeadcount"]!.GetValue<int>());
        Assert.Equal(286.4m, q1["disagreeArea"]!.GetValue<decimal>());
        Assert.Equal("closed", ballot!["status"]!.GetValue<string>());
        Assert.Equal("allVoted", ballot["closedBecause"]!.GetValue<string>());
        Assert.Equal(718m, result!["questions"]![0]!["agreeArea"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task At_its_closing_time_the_ballot_closes_with_the_votes_cast_and_resumes_the_process()
    {
        var closesAt = DateTimeOffset.UtcNow.AddHours(1);
        var (admin, instance, ballotId) = await OpenAsync(new
        {
            ballotTitle = "续聘物业",
            ballotQuestions = new[] { new { id = "q1", text = "同意续聘？", matter = "ordinary" } },
            ballotClosesAt = closesAt.ToString("O"),
        });
        var answers = new Dictionary<string, string> { ["owner.li"] = "agree", ["owner.wang"] = "disagree", ["owner.zhang"] = "disagree", ["owner.liu"] = "abstain", ["owner.chen"] = "abstain" };
        foreach (var (owner, answer) in answers)
        {
            Assert.Equal(HttpStatusCode.Created, (await (await host.ClientAsync(owner)).VoteAsync(ballotId, new { q1 = answer })).StatusCode);
        }

        var closer = host.Services.GetRequiredService<BallotCloser>();
        var closedEarly = await closer.CloseDueAsync(closesAt.AddMinutes(-1));
        var stillWaiting = await admin.InstanceAsync(instance);
        await closer.CloseDueAsync(closesAt.AddSeconds(1));
        var view = await admin.InstanceAsync(instance);
        var again = await closer.CloseAsync(Guid.Parse(ballotId), BallotCloser.BecauseDeadline, closesAt.AddSeconds(2));

        Assert.Equal(0, closedEarly);
        Assert.Equal(["closed"], stillWaiting["activeActivityIds"].Strings());
        Assert.Equal(["reconsider"], view["activeActivityIds"].Strings());
        var variables = view["variables"]!;
        Assert.True(variables["ballotQuorum"]!.GetValue<bool>()); // 5 of 7 owners, 718 of 1,004.4 m²
        Assert.False(variables["ballotApproved"]!.GetValue<bool>()); // li's 299 m² agree, but 1 owner of 5
        Assert.Equal("deadline", variables["ballotResult"]!["closedBecause"]!.GetValue<string>());
        Assert.Equal(299m, variables["ballotResult"]!["questions"]![0]!["agreeArea"]!.GetValue<decimal>());
        Assert.Equal(2, variables["ballotResult"]!["questions"]![0]!["abstainHeadcount"]!.GetValue<int>());
        Assert.False(again);
    }

    [Fact]
    public async Task Two_closers_racing_close_the_ballot_once_and_resume_the_process_once()
    {
        var closesAt = DateTimeOffset.UtcNow.AddHours(1);
        var (admin, instance, ballotId) = await OpenAsync(new
        {
            ballotTitle = "续聘物业",
            ballotQuestions = new[] { new { id = "q1", text = "同意续聘？", matter = "ordinary" } },
            ballotClosesAt = closesAt.ToString("O"),
        });
        var closer = host.Services.GetRequiredService<BallotCloser>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => closer.CloseAsync(Guid.Parse(ballotId), BallotCloser.BecauseDeadline, closesAt.AddSeconds(1)))));
        var view = await admin.InstanceAsync(instance);
        var journal = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}/journal"))!["entries"]!.AsArray();

        Assert.Single(outcomes, closed => closed);
        Assert.Equal(["reconsider"], view["activeActivityIds"].Strings());
        Assert.False(view["variables"]!["ballotQuorum"]!.GetValue<bool>());
        var received = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "MessageReceived")!;
        Assert.Equal("voting", received["actor"]!.GetValue<string>());
        Assert.Single(journal, e => e!["activityId"]?.GetValue<string>() == "reconsider" && e["type"]!.GetValue<string>() == "TaskCreated");
    }

    [Fact]
    public async Task A_compound_without_registered_owners_raises_noEligibleOwners()
    {
        var admin = await host.ClientAsync("admin");

        var instance = await admin.StartVoteAsync("yuxiu-court", VotingApi.OneQuestion());

        Assert.Equal(["registerOwners"], instance["activeActivityIds"].Strings());
        Assert.Null(instance["variables"]!["ballotId"]);
    }

    [Fact]
    public async Task The_BPMN_file_can_hold_the_title_questions_and_days_as_extension_properties()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Voting/BallotTests.Properties.bpmn", suffix);
        var before = DateTimeOffset.UtcNow;

        var instance = await admin.StartAsync($"vote-props-{suffix}", new { jurisdiction = Binjiang, variables = new { ballotWorkingDays = 10 } });
        var ballot = await (await host.ClientAsync("owner.li")).GetFromJsonAsync<JsonObject>($"/api/ballots/{instance.BallotId()}");

        Assert.Equal(["closed"], instance["activeActivityIds"].Strings());
        Assert.Equal("续筹维修资金", ballot!["title"]!.GetValue<string>());
        var question = Assert.Single(ballot["questions"]!.AsArray())!;
        Assert.Equal("raise", question["id"]!.GetValue<string>());
        Assert.Equal("major", question["matter"]!.GetValue<string>());
        Assert.InRange(ballot["closesAt"]!.GetValue<DateTimeOffset>(), before.AddDays(13), before.AddDays(20));
    }

    [Fact]
    public async Task Owners_list_the_open_ballots_they_may_vote_on()
    {
        var (_, _, ballotId) = await OpenAsync();

        var open = await (await host.ClientAsync("owner.yang")).GetFromJsonAsync<JsonArray>("/api/ballots?status=open");
        var closed = await (await host.ClientAsync("owner.yang")).GetFromJsonAsync<JsonArray>("/api/ballots?status=closed");
        var street = await (await host.ClientAsync("street.chengjiang")).GetFromJsonAsync<JsonArray>("/api/ballots?status=open");

        Assert.Contains(open!, b => b!["id"]!.GetValue<string>() == ballotId && b["canVote"]!.GetValue<bool>());
        Assert.DoesNotContain(closed!, b => b!["id"]!.GetValue<string>() == ballotId);
        Assert.Contains(street!, b => b!["id"]!.GetValue<string>() == ballotId && !b["canVote"]!.GetValue<bool>());
    }
}

public sealed class SqliteBallotTests(SqliteHost host) : BallotTests<SqliteHost>(host);

public sealed class PostgresBallotTests(PostgresHost host) : BallotTests<PostgresHost>(host);
