using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Anju.Host.Features.Voting;
using Anju.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Voting;

/// <summary>
/// Ballots as the console shows them to staff and owners (issue 18, part R): community staff, the street office and
/// the compound's owners' committee list the ballots of the compounds in their jurisdiction, open and closed, with
/// the turnout so far; staff of another street or community do not; a paper for an owner who has voted is refused
/// with its own message; a ballot carries the candidates of an election question and the documents the owners read,
/// and its result carries each question's text and item for everyone who reaches the ballot. Each test builds its
/// own compound under 黄山社区 (community.huangshan, street.chengjiang) through the API.
/// </summary>
public abstract class BallotStaffTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly byte[] Scan = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");

    private static async Task<string> NewCompoundAsync(HttpClient admin, decimal floorArea, int units)
    {
        var id = "staff-" + ProcessApi.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/registry/compounds", new { community = "huangshan", id, name = "表决小区" + id[^4..], floorArea, units });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    private static async Task<string> NewUserAsync(HttpClient admin, string prefix, string role, string compound)
    {
        var username = prefix + ProcessApi.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "用户 " + username[^4..],
            password = HostFixture.NewUserPassword,
            roles = new[] { role },
            jurisdictions = new[] { compound },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return username;
    }

    private static async Task<string> AddPersonAsync(HttpClient street, string compound, string number, decimal area, string name, string idTail)
    {
        var response = await street.PostAsJsonAsync($"/api/compounds/{compound}/units", new { number, area, ownerName = name, ownerIdTail = idTail });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json())["owner"]!.GetValue<string>();
    }

    private static async Task<string> UploadScanAsync(HttpClient staff, string ballotId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Scan);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "paper-ballot.pdf");
        var response = await staff.PostAsync($"/api/ballots/{ballotId}/scans", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json())["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> StartVoteAsync(HttpClient admin, string compound, object variables)
    {
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Voting/OwnersRegisterTests.Vote.bpmn", suffix);
        return await admin.StartAsync($"regvote-{suffix}", new { jurisdiction = compound, variables });
    }

    private static JsonObject? Listed(JsonArray list, string ballotId) =>
        list.OfType<JsonObject>().SingleOrDefault(b => b["id"]!.GetValue<string>() == ballotId);

    [Fact]
    public async Task Community_street_and_committee_staff_list_the_ballots_of_their_compounds_and_others_do_not()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var community = await host.ClientAsync("community.huangshan");
        var compound = await NewCompoundAsync(admin, 300m, 3);
        var committeeUser = await NewUserAsync(admin, "committee.", "owners-committee", compound);
        var committee = await host.ClientAsync(committeeUser, password: HostFixture.NewUserPassword);
        var a = await AddPersonAsync(street, compound, "1-01", 100m, "甲", "0001");
        await AddPersonAsync(street, compound, "1-02", 120m, "乙", "0002");
        await AddPersonAsync(street, compound, "1-03", 80m, "丙", "0003");
        var ballotId = (await StartVoteAsync(admin, compound, VotingApi.OneQuestion())).BallotId();
        var scan = await UploadScanAsync(community, ballotId);
        var entered = await community.PostAsJsonAsync($"/api/ballots/{ballotId}/paper-votes", new { owner = a, channel = "paper", scanId = scan, answers = new { q1 = "agree" } });
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);

        var byCommunity = (await community.GetFromJsonAsync<JsonArray>("/api/ballots"))!;
        var byStreet = (await street.GetFromJsonAsync<JsonArray>("/api/ballots?status=open"))!;
        var byCommittee = (await committee.GetFromJsonAsync<JsonArray>("/api/ballots"))!;
        var byOtherStreet = (await (await host.ClientAsync("street.nanzha")).GetFromJsonAsync<JsonArray>("/api/ballots"))!;
        var byOtherCommunity = (await (await host.ClientAsync("community.xingfu")).GetFromJsonAsync<JsonArray>("/api/ballots"))!;
        var byOtherCommittee = (await (await host.ClientAsync("committee.binjiang")).GetFromJsonAsync<JsonArray>("/api/ballots"))!;
        var byFirm = (await (await host.ClientAsync("firm.binjiang")).GetFromJsonAsync<JsonArray>("/api/ballots"))!;

        var row = Listed(byCommunity, ballotId);
        Assert.NotNull(row);
        Assert.Equal("表决小区" + compound[^4..], row["compoundName"]!.GetValue<string>());
        Assert.Equal("选聘新物业服务企业", row["title"]!.GetValue<string>());
        Assert.Equal("open", row["status"]!.GetValue<string>());
        Assert.Equal(1, row["votesCast"]!.GetValue<int>());
        Assert.Equal(3, row["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(100m, row["turnoutArea"]!.GetValue<decimal>());
        Assert.Equal(300m, row["eligibleArea"]!.GetValue<decimal>());
        Assert.False(row["canVote"]!.GetValue<bool>());
        Assert.NotNull(Listed(byStreet, ballotId));
        Assert.NotNull(Listed(byCommittee, ballotId));
        Assert.Null(Listed(byOtherStreet, ballotId));
        Assert.Null(Listed(byOtherCommunity, ballotId));
        Assert.Null(Listed(byOtherCommittee, ballotId));
        Assert.Null(Listed(byFirm, ballotId));

        // Community staff follow the ballot but do not audit who voted what; another community does not reach it.
        Assert.Equal(HttpStatusCode.OK, (await community.GetAsync($"/api/ballots/{ballotId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/api/ballots/{ballotId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.GetAsync($"/api/ballots/{ballotId}/votes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientAsync("community.xingfu")).GetAsync($"/api/ballots/{ballotId}")).StatusCode);

        // Closed ballots stay listed (newest first), with their status.
        var closer = host.Services.GetRequiredService<BallotCloser>();
        Assert.True(await closer.CloseAsync(Guid.Parse(ballotId), BallotCloser.BecauseDeadline, DateTimeOffset.UtcNow));
        var closed = (await community.GetFromJsonAsync<JsonArray>("/api/ballots?status=closed"))!;
        Assert.Equal("closed", Listed(closed, ballotId)!["status"]!.GetValue<string>());
        Assert.Null(Listed((await community.GetFromJsonAsync<JsonArray>("/api/ballots?status=open"))!, ballotId));
    }

    [Fact]
    public async Task A_paper_for_an_owner_who_has_voted_is_refused_with_its_own_message()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var community = await host.ClientAsync("community.huangshan");
        var compound = await NewCompoundAsync(admin, 200m, 2);
        var a = await AddPersonAsync(street, compound, "1-01", 100m, "甲", "0001");
        await AddPersonAsync(street, compound, "1-02", 100m, "乙", "0002");
        var ballotId = (await StartVoteAsync(admin, compound, VotingApi.OneQuestion())).BallotId();
        var scan = await UploadScanAsync(community, ballotId);
        var paper = new { owner = a, channel = "paper", scanId = scan, answers = new { q1 = "agree" } };
        Assert.Equal(HttpStatusCode.Created, (await community.PostAsJsonAsync($"/api/ballots/{ballotId}/paper-votes", paper)).StatusCode);

        var again = await street.PostAsJsonAsync($"/api/ballots/{ballotId}/paper-votes", new { owner = a, channel = "proxy", proxyName = "王律师", scanId = scan, answers = new { q1 = "disagree" } });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Json();
        Assert.Equal("ballot.ownerVoted", problem.Code());
        Assert.Contains("该业主已经投过票", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var electors = (await community.GetFromJsonAsync<JsonArray>($"/api/ballots/{ballotId}/electors"))!;
        var row = electors.OfType<JsonObject>().Single(e => e["owner"]!.GetValue<string>() == a);
        Assert.Equal("paper", row["channel"]!.GetValue<string>());
        Assert.Equal(["1-01"], row["unitNumbers"].Strings());
    }

    [Fact]
    public async Task A_ballot_carries_its_candidates_and_documents_and_its_result_the_questions_for_owners_and_staff()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var community = await host.ClientAsync("community.huangshan");
        var compound = await NewCompoundAsync(admin, 300m, 3);
        var ownerName = await NewUserAsync(admin, "owner.", "owner", compound);
        await street.PostAsJsonAsync($"/api/compounds/{compound}/units", new { number = "1-01", area = 100m, owner = ownerName });
        var b = await AddPersonAsync(street, compound, "1-02", 100m, "乙", "0002");
        await AddPersonAsync(street, compound, "1-03", 100m, "丙", "0003");

        // A tenant's account in the compound (owner role, not on the register) reads the result but cannot vote.
        var bystanderName = await NewUserAsync(admin, "owner.", "owner", compound);
        var instance = await StartVoteAsync(admin, compound, new
        {
            ballotTitle = "选举业主委员会",
            ballotQuestions = new object[]
            {
                new { id = "members", text = "选举候选人为业主委员会委员", item = 3, candidatesFrom = "nominees" },
                new { id = "rules", text = "通过《业主大会议事规则》", item = 1 },
                new { id = "rebuild", text = "改建北门", item = 7 },
            },
            nominees = "张三、李四，王五",
            rulesText = "第一条 业主大会由全体业主组成。",
            ballotDocuments = new object[]
            {
                new { title = "《业主大会议事规则》草案", from = "rulesText" },
                new { title = "《管理规约》草案", text = "第一条 业主应当遵守本规约。" },
            },
            ballotDays = 5,
        });
        var ballotId = instance.BallotId();
        var owner = await host.ClientAsync(ownerName, password: HostFixture.NewUserPassword);

        var ballot = (await owner.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}"))!;
        Assert.Equal(["张三", "李四", "王五"], ballot["questions"]![0]!["candidates"].Strings());
        Assert.Empty(ballot["questions"]![1]!["candidates"]!.AsArray());
        var documents = ballot["documents"]!.AsArray();
        Assert.Equal(["《业主大会议事规则》草案", "《管理规约》草案"], documents.Select(d => d!["title"]!.GetValue<string>()));
        Assert.Equal("第一条 业主大会由全体业主组成。", documents[0]!["text"]!.GetValue<string>());
        Assert.Null((await owner.GetFromJsonAsync<JsonArray>("/api/ballots"))!.OfType<JsonObject>().Single(x => x["id"]!.GetValue<string>() == ballotId)["documents"]);

        Assert.Equal(HttpStatusCode.Created, (await owner.VoteAsync(ballotId, new { members = "agree", rules = "agree", rebuild = "agree" })).StatusCode);
        var scan = await UploadScanAsync(community, ballotId);
        var paper = await community.PostAsJsonAsync($"/api/ballots/{ballotId}/paper-votes", new { owner = b, channel = "paper", scanId = scan, answers = new { members = "agree", rules = "disagree", rebuild = "abstain" } });
        Assert.Equal(HttpStatusCode.Created, paper.StatusCode);
        var closer = host.Services.GetRequiredService<BallotCloser>();
        Assert.True(await closer.CloseAsync(Guid.Parse(ballotId), BallotCloser.BecauseDeadline, DateTimeOffset.UtcNow));

        var bystander = await host.ClientAsync(bystanderName, password: HostFixture.NewUserPassword);
        foreach (var reader in new[] { owner, bystander, community, street })
        {
            var result = (await reader.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}/result"))!;
            Assert.Equal("选举业主委员会", result["title"]!.GetValue<string>());
            Assert.Equal(300m, result["eligibleArea"]!.GetValue<decimal>());
            Assert.Equal(2, result["turnoutHeadcount"]!.GetValue<int>());
            var questions = result["questions"]!.AsArray();
            Assert.Equal("选举候选人为业主委员会委员", questions[0]!["text"]!.GetValue<string>());
            Assert.Equal(3, questions[0]!["item"]!.GetValue<int>());
            Assert.Equal(["张三", "李四", "王五"], questions[0]!["candidates"].Strings());
            Assert.Equal("major", questions[2]!["matter"]!.GetValue<string>());
            Assert.Equal(7, questions[2]!["item"]!.GetValue<int>());
        }

        Assert.False((await bystander.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}"))!["canVote"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientAsync("owner.li")).GetAsync($"/api/ballots/{ballotId}/result")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientAsync("community.xingfu")).GetAsync($"/api/ballots/{ballotId}/result")).StatusCode);
    }

    [Fact]
    public async Task Documents_beyond_the_bounds_or_read_from_a_missing_variable_open_no_ballot()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var compound = await NewCompoundAsync(admin, 100m, 1);
        await AddPersonAsync(street, compound, "1-01", 100m, "甲", "0001");

        var tooMany = await StartVoteAsync(admin, compound, new
        {
            ballotTitle = "表决",
            ballotQuestions = new[] { new { id = "q1", text = "事项", item = 5 } },
            ballotDocuments = Enumerable.Range(1, 11).Select(i => new { title = $"文件{i}", text = "内容" }).ToArray(),
            ballotDays = 5,
        });
        var missing = await StartVoteAsync(admin, compound, new
        {
            ballotTitle = "表决",
            ballotQuestions = new[] { new { id = "q1", text = "事项", item = 5 } },
            ballotDocuments = new[] { new { title = "草案", from = "noSuchVariable" } },
            ballotDays = 5,
        });

        Assert.Contains("at most 10", Assert.Single((await admin.InstanceAsync(tooMany))["incidents"]!.AsArray())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("noSuchVariable", Assert.Single((await admin.InstanceAsync(missing))["incidents"]!.AsArray())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class SqliteBallotStaffTests(SqliteHost host) : BallotStaffTests<SqliteHost>(host);

public sealed class PostgresBallotStaffTests(PostgresHost host) : BallotStaffTests<PostgresHost>(host);
