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
/// The ballot's base is the whole compound (docs/procedures.md, Voting): owners without accounts and the
/// developer's unsold units are in the register and count; paper and proxy votes are entered by community and
/// street staff with the scan; an owner votes once whichever channel; art. 278 items 6–8 need 3/4; a register that
/// disagrees with the registry opens no ballot until the street office confirms a tolerance. Each test builds its
/// own compound under 黄山社区 (community.huangshan, street.chengjiang) through the API.
/// </summary>
public abstract class OwnersRegisterTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly byte[] Scan = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");

    /// <summary>A new compound in 黄山社区 whose registry figures are <paramref name="floorArea"/> and <paramref name="units"/>.</summary>
    private static async Task<string> NewCompoundAsync(HttpClient admin, decimal floorArea, int units)
    {
        var id = "reg-" + ProcessApi.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/registry/compounds", new { community = "huangshan", id, name = "测试小区" + id[^4..], floorArea, units });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    private static async Task<string> NewOwnerAsync(HttpClient admin, string compound)
    {
        var username = "owner." + ProcessApi.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "业主 " + username[^4..],
            password = HostFixture.NewUserPassword,
            roles = new[] { "owner" },
            jurisdictions = new[] { compound },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return username;
    }

    private static async Task<JsonObject> AddUnitAsync(HttpClient staff, string compound, object unit)
    {
        var response = await staff.PostAsJsonAsync($"/api/compounds/{compound}/units", unit);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private static async Task<HttpResponseMessage> PostScanAsync(HttpClient staff, string ballotId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Scan);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "paper-ballot.pdf");
        return await staff.PostAsync($"/api/ballots/{ballotId}/scans", form);
    }

    private static async Task<string> UploadScanAsync(HttpClient staff, string ballotId)
    {
        var response = await PostScanAsync(staff, ballotId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json())["id"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> PaperVoteAsync(HttpClient staff, string ballotId, string owner, string scanId, object answers, string channel = "paper", string? proxyName = null) =>
        staff.PostAsJsonAsync($"/api/ballots/{ballotId}/paper-votes", new { owner, channel, proxyName, scanId, answers });

    /// <summary>Starts the vote fixture whose openBallot fails straight into an incident (one try), so that a refusal shows at once.</summary>
    private static async Task<JsonObject> StartVoteAsync(HttpClient admin, string compound, object variables)
    {
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Voting/OwnersRegisterTests.Vote.bpmn", suffix);
        return await admin.StartAsync($"regvote-{suffix}", new { jurisdiction = compound, variables });
    }

    private static object Question(string id, int item) => new { id, text = "事项 " + id, item };

    [Fact]
    public async Task A_ballot_counts_the_whole_compound_with_owners_without_accounts_paper_and_proxy_votes_and_one_vote_per_owner()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var community = await host.ClientAsync("community.huangshan");

        // Eight units, 750 m², six persons: three owners with accounts, two without (张三 holds two units and counts
        // once), and the developer's two unsold units counting as one.
        var compound = await NewCompoundAsync(admin, 750m, 8);
        var one = await NewOwnerAsync(admin, compound);
        var two = await NewOwnerAsync(admin, compound);
        var three = await NewOwnerAsync(admin, compound);
        await AddUnitAsync(street, compound, new { number = "1-101", area = 100m, owner = one });
        await AddUnitAsync(street, compound, new { number = "1-102", area = 100m, owner = two });
        await AddUnitAsync(street, compound, new { number = "1-201", area = 100m, owner = three });
        var zhang = await AddUnitAsync(street, compound, new { number = "2-101", area = 100m, ownerName = "张三", ownerPhone = "13800000001", ownerIdTail = "1234" });
        await AddUnitAsync(street, compound, new { number = "2-102", area = 50m, ownerName = "张三", ownerIdTail = "1234" });
        var li = await AddUnitAsync(street, compound, new { number = "2-201", area = 100m, ownerName = "李四", ownerIdTail = "567X" });
        var developer = await AddUnitAsync(street, compound, new { number = "3-101", area = 100m, developer = true, ownerName = "江阴测试置业有限公司" });
        await AddUnitAsync(street, compound, new { number = "3-102", area = 100m, developer = true, ownerName = "江阴测试置业有限公司" });
        var register = await street.GetFromJsonAsync<JsonObject>($"/api/compounds/{compound}/units");

        Assert.Equal(6, register!["ownerCount"]!.GetValue<int>());
        Assert.Equal(8, register["unitCount"]!.GetValue<int>());
        Assert.Equal(750m, register["totalArea"]!.GetValue<decimal>());
        Assert.True(register["comparison"]!["agrees"]!.GetValue<bool>());
        var zhangOwner = zhang["owner"]!.GetValue<string>();
        Assert.Equal(150m, register["owners"]!.AsArray().Single(o => o!["owner"]!.GetValue<string>() == zhangOwner)!["area"]!.GetValue<decimal>());
        Assert.Equal("developer", developer["ownerKind"]!.GetValue<string>());

        var instance = await StartVoteAsync(admin, compound, new
        {
            ballotTitle = "选聘物业服务企业",
            ballotQuestions = new[] { Question("firm", 4) },
            ballotDays = 5,
        });
        var ballotId = instance.BallotId();
        var ballot = await street.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");
        Assert.Equal(6, ballot!["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(750m, ballot["eligibleArea"]!.GetValue<decimal>());
        Assert.Equal(4, ballot["questions"]![0]!["item"]!.GetValue<int>());

        // Online: two owners with accounts. Paper: 张三 (entered by the community). Proxy: the developer (by the street).
        Assert.Equal(HttpStatusCode.Created, (await (await host.ClientAsync(one, password: HostFixture.NewUserPassword)).VoteAsync(ballotId, new { firm = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await host.ClientAsync(two, password: HostFixture.NewUserPassword)).VoteAsync(ballotId, new { firm = "disagree" })).StatusCode);
        var paperScan = await UploadScanAsync(community, ballotId);
        var paper = await PaperVoteAsync(community, ballotId, zhangOwner, paperScan, new { firm = "agree" });
        Assert.Equal(HttpStatusCode.Created, paper.StatusCode);
        var proxyScan = await UploadScanAsync(street, ballotId);
        var proxy = await PaperVoteAsync(street, ballotId, OwnersRegister.DeveloperKey, proxyScan, new { firm = "agree" }, "proxy", "王律师");
        Assert.Equal(HttpStatusCode.Created, proxy.StatusCode);

        // An owner votes once whichever channel: a paper for an owner who voted online, a second paper, an online
        // vote after a paper are all refused.
        var paperAfterOnline = await PaperVoteAsync(community, ballotId, one, paperScan, new { firm = "disagree" });
        var secondPaper = await PaperVoteAsync(street, ballotId, zhangOwner, proxyScan, new { firm = "disagree" });
        Assert.Equal(HttpStatusCode.Conflict, paperAfterOnline.StatusCode);
        Assert.Equal("ballot.ownerVoted", (await paperAfterOnline.Json()).Code());
        Assert.Equal(HttpStatusCode.Conflict, secondPaper.StatusCode);
        Assert.Equal("ballot.ownerVoted", (await secondPaper.Json()).Code());

        var electors = (await community.GetFromJsonAsync<JsonArray>($"/api/ballots/{ballotId}/electors"))!;
        Assert.Equal(6, electors.Count);
        Assert.Equal("paper", electors.Single(e => e!["owner"]!.GetValue<string>() == zhangOwner)!["channel"]!.GetValue<string>());
        Assert.False(electors.Single(e => e!["owner"]!.GetValue<string>() == li["owner"]!.GetValue<string>())!["voted"]!.GetValue<bool>());

        var audit = await street.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}/votes");
        var proxyRow = audit!["votes"]!.AsArray().Single(v => v!["owner"]!.GetValue<string>() == OwnersRegister.DeveloperKey)!;
        Assert.Equal("proxy", proxyRow["channel"]!.GetValue<string>());
        Assert.Equal("street.chengjiang", proxyRow["enteredBy"]!.GetValue<string>());
        Assert.Equal("王律师", proxyRow["proxyName"]!.GetValue<string>());
        Assert.Equal(proxyScan, proxyRow["scanId"]!.GetValue<string>());
        Assert.Equal(200m, proxyRow["area"]!.GetValue<decimal>());

        // Four of six persons (exactly 2/3) and 550 of 750 m² (over 2/3) took part: quorum on the whole compound.
        // Agree: 450 of 550 m², 3 of 4 persons, more than half of both.
        var closer = host.Services.GetRequiredService<BallotCloser>();
        Assert.True(await closer.CloseAsync(Guid.Parse(ballotId), BallotCloser.BecauseDeadline, DateTimeOffset.UtcNow));
        var result = (await admin.InstanceAsync(instance))["variables"]!["ballotResult"]!;
        Assert.Equal(6, result["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(750m, result["eligibleArea"]!.GetValue<decimal>());
        Assert.Equal(4, result["turnoutHeadcount"]!.GetValue<int>());
        Assert.Equal(550m, result["turnoutArea"]!.GetValue<decimal>());
        Assert.True(result["quorum"]!.GetValue<bool>());
        Assert.Equal(450m, result["questions"]![0]!["agreeArea"]!.GetValue<decimal>());
        Assert.True(result["questions"]![0]!["approved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_matter_7_question_fails_at_74_percent_and_passes_at_75_percent()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var community = await host.ClientAsync("community.huangshan");
        var compound = await NewCompoundAsync(admin, 100m, 4);
        string[] owners = ["甲", "乙", "丙", "丁"];
        decimal[] areas = [26m, 25m, 25m, 24m];
        var keys = new List<string>();
        for (var i = 0; i < owners.Length; i++)
        {
            var unit = await AddUnitAsync(street, compound, new { number = $"1-{i + 1:00}", area = areas[i], ownerName = owners[i], ownerIdTail = $"100{i}" });
            keys.Add(unit["owner"]!.GetValue<string>());
        }

        // Both questions are rebuilding (art. 278 item 7); the ordinary one (item 5) shows what 74 % would have done.
        var instance = await StartVoteAsync(admin, compound, new
        {
            ballotTitle = "改建、重建建筑物及其附属设施",
            ballotQuestions = new[] { Question("rebuildA", 7), Question("rebuildB", 7), Question("fund", 5) },
            ballotDays = 5,
        });
        var ballotId = instance.BallotId();
        var scan = await UploadScanAsync(community, ballotId);

        // 甲 (26) disagrees with A, 乙 (25) with B: A has 74 % of the area and 3 of 4 persons, B 75 % and 3 of 4.
        string[][] answers = [["disagree", "agree"], ["agree", "disagree"], ["agree", "agree"], ["agree", "agree"]];
        for (var i = 0; i < owners.Length; i++)
        {
            var response = await PaperVoteAsync(community, ballotId, keys[i], scan, new { rebuildA = answers[i][0], rebuildB = answers[i][1], fund = answers[i][0] });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var result = (await admin.InstanceAsync(instance))["variables"]!["ballotResult"]!;
        var questions = result["questions"]!.AsArray();
        Assert.Equal("allVoted", result["closedBecause"]!.GetValue<string>());
        Assert.Equal(74m, questions[0]!["agreeArea"]!.GetValue<decimal>());
        Assert.Equal("major", questions[0]!["matter"]!.GetValue<string>());
        Assert.False(questions[0]!["approved"]!.GetValue<bool>());
        Assert.Equal(75m, questions[1]!["agreeArea"]!.GetValue<decimal>());
        Assert.True(questions[1]!["approved"]!.GetValue<bool>());
        Assert.True(questions[2]!["approved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_art_278_item_fixes_the_majority_and_a_contradicting_matter_is_refused()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var compound = await NewCompoundAsync(admin, 100m, 1);
        await AddUnitAsync(street, compound, new { number = "1-01", area = 100m, ownerName = "甲", ownerIdTail = "0001" });

        var wrong = await StartVoteAsync(admin, compound, new
        {
            ballotTitle = "变更共有部分用途",
            ballotQuestions = new[] { new { id = "use", text = "改变共有部分用途", item = 8, matter = "ordinary" } },
            ballotDays = 5,
        });

        var incident = Assert.Single((await admin.InstanceAsync(wrong))["incidents"]!.AsArray())!;
        Assert.Contains("item 8 is a major matter", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_register_that_disagrees_with_the_registry_opens_no_ballot_until_the_street_office_confirms_a_tolerance()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");

        // The registry knows 10 units and 1,000 m²; the register lists 9 units and 900 m²: 10 % short of both.
        var compound = await NewCompoundAsync(admin, 1000m, 10);
        for (var i = 1; i <= 9; i++)
        {
            await AddUnitAsync(street, compound, new { number = $"1-{i:00}", area = 100m, ownerName = "业主" + i, ownerIdTail = $"200{i}" });
        }

        var refused = await admin.InstanceAsync(await StartVoteAsync(admin, compound, VotingApi.OneQuestion()));
        var incident = Assert.Single(refused["incidents"]!.AsArray())!;
        Assert.Contains("differs from the registry", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(refused["variables"]!["ballotId"]);
        var before = await street.GetFromJsonAsync<JsonObject>($"/api/compounds/{compound}/units");
        Assert.False(before!["comparison"]!["agrees"]!.GetValue<bool>());
        Assert.Equal(0.1m, before["comparison"]!["areaDifferenceShare"]!.GetValue<decimal>());

        // Only the street office confirms, with a note, and a tolerance that covers the difference.
        var byAdmin = await admin.PostAsJsonAsync($"/api/compounds/{compound}/register/confirmation", new { tolerance = 0.1m, note = "1 套房产权登记未办结" });
        var byCommunity = await (await host.ClientAsync("community.huangshan")).PostAsJsonAsync($"/api/compounds/{compound}/register/confirmation", new { tolerance = 0.1m, note = "x" });
        var byOtherStreet = await (await host.ClientAsync("street.nanzha")).PostAsJsonAsync($"/api/compounds/{compound}/register/confirmation", new { tolerance = 0.1m, note = "x" });
        var tooSmall = await street.PostAsJsonAsync($"/api/compounds/{compound}/register/confirmation", new { tolerance = 0.05m, note = "1 套房产权登记未办结" });
        var noNote = await street.PostAsJsonAsync($"/api/compounds/{compound}/register/confirmation", new { tolerance = 0.1m });
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCommunity.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherStreet.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.NotNull((await tooSmall.Json())["errors"]!["tolerance"]);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);

        var confirmed = await street.PostAsJsonAsync($"/api/compounds/{compound}/register/confirmation", new { tolerance = 0.1m, note = "1 套房产权登记未办结" });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var after = await street.GetFromJsonAsync<JsonObject>($"/api/compounds/{compound}/units");
        Assert.True(after!["comparison"]!["agrees"]!.GetValue<bool>());
        Assert.Equal("street.chengjiang", after["comparison"]!["confirmation"]!["confirmedBy"]!.GetValue<string>());
        var changes = await admin.GetFromJsonAsync<JsonObject>("/api/registry/changes?entity=register-confirmation");
        Assert.Contains(changes!["items"]!.AsArray(), c => c!["key"]!.GetValue<string>().EndsWith(compound, StringComparison.Ordinal) && c["changedBy"]!.GetValue<string>() == "street.chengjiang");

        var retried = await admin.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry", new { reason = "名册已由街道办确认" });
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
        var opened = await admin.InstanceAsync(refused);
        Assert.Equal(["closed"], opened["activeActivityIds"].Strings());
        var ballot = await street.GetFromJsonAsync<JsonObject>($"/api/ballots/{opened.BallotId()}");
        Assert.Equal(9, ballot!["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(900m, ballot["eligibleArea"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Only_community_and_street_staff_in_jurisdiction_enter_paper_votes()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var compound = await NewCompoundAsync(admin, 200m, 2);
        var owner = await NewOwnerAsync(admin, compound);
        await AddUnitAsync(street, compound, new { number = "1-01", area = 100m, owner });
        var person = await AddUnitAsync(street, compound, new { number = "1-02", area = 100m, ownerName = "甲", ownerIdTail = "0001" });
        var key = person["owner"]!.GetValue<string>();
        var ballotId = (await StartVoteAsync(admin, compound, VotingApi.OneQuestion())).BallotId();
        var scan = await UploadScanAsync(street, ballotId);
        var answers = new { q1 = "agree" };

        var byOwner = await PaperVoteAsync(await host.ClientAsync(owner, password: HostFixture.NewUserPassword), ballotId, key, scan, answers);
        var byAdmin = await PaperVoteAsync(admin, ballotId, key, scan, answers);
        var byBureau = await PaperVoteAsync(await host.ClientAsync("bureau.housing"), ballotId, key, scan, answers);
        var byFirm = await PaperVoteAsync(await host.ClientAsync("firm.binjiang"), ballotId, key, scan, answers);
        var byOtherStreet = await PaperVoteAsync(await host.ClientAsync("street.nanzha"), ballotId, key, scan, answers);
        var byOtherCommunity = await PaperVoteAsync(await host.ClientAsync("community.xingfu"), ballotId, key, scan, answers);
        var scanByOtherStreet = await PostScanAsync(await host.ClientAsync("street.nanzha"), ballotId);
        var noScan = await street.PostAsJsonAsync($"/api/ballots/{ballotId}/paper-votes", new { owner = key, channel = "paper", answers });
        var proxyWithoutName = await PaperVoteAsync(street, ballotId, key, scan, answers, "proxy");
        var notElector = await PaperVoteAsync(street, ballotId, "owner.li", scan, answers);

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byBureau.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byFirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherStreet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherCommunity.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, scanByOtherStreet.StatusCode);
        Assert.NotNull((await noScan.Json())["errors"]!["scanId"]);
        Assert.NotNull((await proxyWithoutName.Json())["errors"]!["proxyName"]);
        Assert.NotNull((await notElector.Json())["errors"]!["owner"]);
        var ballot = await street.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");
        Assert.Equal(0, ballot!["votesCast"]!.GetValue<int>());

        var entered = await PaperVoteAsync(street, ballotId, key, scan, answers);
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
    }
}

public sealed class SqliteOwnersRegisterTests(SqliteHost host) : OwnersRegisterTests<SqliteHost>(host);

public sealed class PostgresOwnersRegisterTests(PostgresHost host) : OwnersRegisterTests<PostgresHost>(host);
