using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Voting;

public abstract class CompoundUnitsTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task The_street_office_lists_the_owners_register_with_one_entry_per_owner()
    {
        var street = await host.ClientAsync("street.chengjiang");

        var register = await street.GetFromJsonAsync<JsonObject>("/api/compounds/binjiang-garden/units");
        var byPath = await street.GetAsync("/api/compounds/jiangyin%2Fchengjiang%2Fhuangshan%2Fbinjiang-garden/units");

        Assert.Equal("jiangyin/chengjiang/huangshan/binjiang-garden", register!["compound"]!.GetValue<string>());
        Assert.Equal(7, register["ownerCount"]!.GetValue<int>());
        Assert.Equal(1004.4m, register["totalArea"]!.GetValue<decimal>());
        Assert.Equal(9, register["units"]!.AsArray().Count);
        var li = register["owners"]!.AsArray().Single(o => o!["owner"]!.GetValue<string>() == "owner.li")!;
        Assert.Equal(3, li["units"]!.GetValue<int>());
        Assert.Equal(299m, li["area"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.OK, byPath.StatusCode);
    }

    [Fact]
    public async Task The_register_is_out_of_reach_for_other_streets_and_closed_to_owners_and_firms()
    {
        var nanzha = await (await host.ClientAsync("street.nanzha")).GetAsync("/api/compounds/binjiang-garden/units");
        var owner = await (await host.ClientAsync("owner.li")).GetAsync("/api/compounds/binjiang-garden/units");
        var firm = await (await host.ClientAsync("firm.binjiang")).GetAsync("/api/compounds/binjiang-garden/units");
        var community = await (await host.ClientAsync("street.chengjiang")).GetAsync("/api/compounds/huangshan/units");

        Assert.Equal(HttpStatusCode.NotFound, nanzha.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, owner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, firm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, community.StatusCode); // a community is not a compound
    }

    [Fact]
    public async Task Registering_a_unit_checks_number_area_and_owner_and_refuses_a_second_registration()
    {
        var street = await host.ClientAsync("street.chengjiang");

        var created = await street.PostAsJsonAsync("/api/compounds/yuxiu-court/units", new { number = "5-101", area = 95.25m, owner = "owner.li" });
        var again = await street.PostAsJsonAsync("/api/compounds/yuxiu-court/units", new { number = "5-101", area = 80m, owner = "owner.wang" });
        var invalid = await street.PostAsJsonAsync("/api/compounds/yuxiu-court/units", new { number = " ", area = 1.234m, owner = "street.nanzha" });
        var zero = await street.PostAsJsonAsync("/api/compounds/yuxiu-court/units", new { number = "5-102", area = 0, owner = "nobody" });
        var elsewhere = await (await host.ClientAsync("street.nanzha")).PostAsJsonAsync("/api/compounds/yuxiu-court/units", new { number = "5-103", area = 80m, owner = "owner.li" });
        var register = await street.GetFromJsonAsync<JsonObject>("/api/compounds/yuxiu-court/units");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(95.25m, (await created.Json())["area"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("unit.exists", (await again.Json()).Code());
        var errors = (await invalid.Json())["errors"]!.AsObject();
        Assert.Equal(["area", "number", "owner"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        var zeroErrors = (await zero.Json())["errors"]!.AsObject();
        Assert.Equal(["area", "owner"], zeroErrors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var unit = Assert.Single(register!["units"]!.AsArray())!;
        Assert.Equal("owner.li", unit["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ballot_takes_its_owners_from_the_register_when_it_opens()
    {
        var admin = await host.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/compounds/dingshan-yayuan/units", new { number = "1-101", area = 100m, owner = "owner.zhao" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The register is the whole compound here: the registry's figures agree with it, so no confirmation is needed.
        var registry = await admin.PutAsJsonAsync("/api/registry/compounds/jiangyin/yunting/dingshan/dingshan-yayuan", new { floorArea = 100m, units = 1 });
        Assert.Equal(HttpStatusCode.OK, registry.StatusCode);

        var instance = await admin.StartVoteAsync("dingshan-yayuan", VotingApi.OneQuestion("major"));
        var ballotId = instance.BallotId();
        var zhao = await host.ClientAsync("owner.zhao");
        var ballot = await zhao.GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}");
        var notElector = await (await host.ClientAsync("owner.li")).GetAsync($"/api/ballots/{ballotId}");
        var vote = await zhao.VoteAsync(ballotId, new { q1 = "agree" });
        var view = await admin.InstanceAsync(instance);

        Assert.Equal(1, ballot!["eligibleHeadcount"]!.GetValue<int>());
        Assert.Equal(100m, ballot["eligibleArea"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.NotFound, notElector.StatusCode);
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        Assert.Equal(["carryOut"], view["activeActivityIds"].Strings());
        Assert.True(view["variables"]!["ballotApproved"]!.GetValue<bool>());
    }

    /// <summary>A new compound in 黄山社区 (street.chengjiang, community.huangshan) with the given registry figures.</summary>
    private static async Task<string> NewCompoundAsync(HttpClient admin, decimal floorArea, int units)
    {
        var id = "units-" + ProcessApi.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/registry/compounds", new { community = "huangshan", id, name = "名册小区" + id[^4..], floorArea, units });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    [Fact]
    public async Task The_street_office_corrects_and_removes_a_unit_and_each_change_is_in_the_registry_log()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var compound = await NewCompoundAsync(admin, 200m, 2);
        var added = await (await street.PostAsJsonAsync($"/api/compounds/{compound}/units", new { number = "1-101", area = 90m, owner = "owner.li" })).Json();
        var other = await (await street.PostAsJsonAsync($"/api/compounds/{compound}/units", new { number = "1-102", area = 110m, developer = true, ownerName = "江阴测试置业" })).Json();
        var id = added["id"]!.GetValue<string>();

        var corrected = await street.PutAsJsonAsync($"/api/compounds/{compound}/units/{id}", new { area = 95.5m, ownerName = "王五", ownerIdTail = "123x", ownerPhone = "13900000000" });
        var renumbered = await street.PutAsJsonAsync($"/api/compounds/{compound}/units/{id}", new { number = "1-201" });
        var taken = await street.PutAsJsonAsync($"/api/compounds/{compound}/units/{id}", new { number = "1-102" });
        var invalid = await street.PutAsJsonAsync($"/api/compounds/{compound}/units/{id}", new { area = 0m, ownerName = "王五", ownerIdTail = "12" });
        var elsewhere = await (await host.ClientAsync("street.nanzha")).PutAsJsonAsync($"/api/compounds/{compound}/units/{id}", new { area = 80m });
        var byCommunity = await (await host.ClientAsync("community.huangshan")).DeleteAsync($"/api/compounds/{compound}/units/{id}");
        var removed = await street.DeleteAsync($"/api/compounds/{compound}/units/{other["id"]!.GetValue<string>()}");
        var again = await street.DeleteAsync($"/api/compounds/{compound}/units/{other["id"]!.GetValue<string>()}");
        var register = await street.GetFromJsonAsync<JsonObject>($"/api/compounds/{compound}/units");
        var log = await admin.GetFromJsonAsync<JsonObject>($"/api/registry/changes?entity=unit&key=jiangyin/chengjiang/huangshan/{compound}");

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var view = await corrected.Json();
        Assert.Equal("person", view["ownerKind"]!.GetValue<string>());
        Assert.Equal("王五", view["ownerName"]!.GetValue<string>());
        Assert.Equal("123X", view["ownerIdTail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, renumbered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("unit.exists", (await taken.Json()).Code());
        Assert.Equal(["area", "ownerIdTail"], (await invalid.Json())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCommunity.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var unit = Assert.Single(register!["units"]!.AsArray())!;
        Assert.Equal("1-201", unit["number"]!.GetValue<string>());
        Assert.Equal(95.5m, unit["area"]!.GetValue<decimal>());
        Assert.Equal("王五", unit["ownerName"]!.GetValue<string>());
        Assert.Equal(95.5m, register["totalArea"]!.GetValue<decimal>());

        // Newest first: the removal, the renumbering, the correction, then the two registrations.
        var items = log!["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Null(items[0]!["after"]);
        Assert.Equal("1-102", items[0]!["before"]!["number"]!.GetValue<string>());
        Assert.Equal("1-201", items[1]!["after"]!["number"]!.GetValue<string>());
        Assert.Equal("owner.li", items[2]!["before"]!["owner"]!.GetValue<string>());
        Assert.Equal("王五", items[2]!["after"]!["ownerName"]!.GetValue<string>());
        Assert.Null(items[4]!["before"]);
        Assert.All(items, i => Assert.Equal("street.chengjiang", i!["changedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Units_cannot_be_changed_or_removed_while_a_ballot_of_the_compound_is_open()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var compound = await NewCompoundAsync(admin, 100m, 1);
        var added = await (await street.PostAsJsonAsync($"/api/compounds/{compound}/units", new { number = "1-101", area = 100m, owner = "owner.li" })).Json();
        var id = added["id"]!.GetValue<string>();
        await admin.StartVoteAsync(compound, VotingApi.OneQuestion());

        var edit = await street.PutAsJsonAsync($"/api/compounds/{compound}/units/{id}", new { area = 99m });
        var delete = await admin.DeleteAsync($"/api/compounds/{compound}/units/{id}");
        var register = await street.GetFromJsonAsync<JsonObject>($"/api/compounds/{compound}/units");

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("unit.ballotOpen", (await edit.Json()).Code());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(100m, Assert.Single(register!["units"]!.AsArray())!["area"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_community_reads_the_register_of_its_compounds_but_does_not_keep_it()
    {
        var community = await host.ClientAsync("community.huangshan");

        var register = await community.GetAsync("/api/compounds/binjiang-garden/units");
        var add = await community.PostAsJsonAsync("/api/compounds/binjiang-garden/units", new { number = "9-999", area = 50m, ownerName = "赵六", ownerIdTail = "4321" });
        var otherCommunity = await (await host.ClientAsync("street.nanzha")).GetAsync("/api/compounds/binjiang-garden/units");

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCommunity.StatusCode);
    }
}

public sealed class SqliteCompoundUnitsTests(SqliteHost host) : CompoundUnitsTests<SqliteHost>(host);

public sealed class PostgresCompoundUnitsTests(PostgresHost host) : CompoundUnitsTests<PostgresHost>(host);
