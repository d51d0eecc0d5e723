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
}

public sealed class SqliteCompoundUnitsTests(SqliteHost host) : CompoundUnitsTests<SqliteHost>(host);

public sealed class PostgresCompoundUnitsTests(PostgresHost host) : CompoundUnitsTests<PostgresHost>(host);
