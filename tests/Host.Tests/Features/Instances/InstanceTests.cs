using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Host.Requests;

namespace Anju.Host.Tests.Features.Instances;

public abstract class InstanceTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Approval = "Features/Instances/InstanceTests.Approval.bpmn";

    private async Task<string> DeployAsync()
    {
        var suffix = ProcessApi.NewSuffix();
        await (await host.ClientAsync("admin")).DeployAsync(Approval, suffix);
        return $"approval-{suffix}";
    }

    [Fact]
    public async Task A_firm_starts_an_instance_in_its_own_compound()
    {
        var key = await DeployAsync();
        var firm = await host.ClientAsync("firm.binjiang");

        var response = await firm.PostAsJsonAsync($"/api/definitions/{key}/instances", new
        {
            businessKey = "WX-2026-001",
            jurisdiction = "binjiang-garden",
            variables = new { building = "3幢", urgent = true },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var instance = await response.Json();
        Assert.Equal($"/api/instances/{instance["id"]}", response.Headers.Location!.OriginalString);
        Assert.Equal(key, instance["definitionKey"]!.GetValue<string>());
        Assert.Equal(1, instance["definitionVersion"]!.GetValue<int>());
        Assert.Equal("jiangyin/chengjiang/huangshan/binjiang-garden", instance["jurisdiction"]!.GetValue<string>());
        Assert.Equal("active", instance["status"]!.GetValue<string>());
        Assert.Equal("3幢", instance["variables"]!["building"]!.GetValue<string>());
        Assert.Equal(["handle"], instance["activeActivityIds"].Strings());
        Assert.Contains("start", instance["completedActivityIds"].Strings());
        Assert.Empty(instance["incidents"]!.AsArray());
        Assert.NotNull(instance["startedAt"]);
        Assert.Null(instance["endedAt"]);
    }

    [Fact]
    public async Task Without_a_jurisdiction_the_callers_first_one_is_used()
    {
        var key = await DeployAsync();

        var instance = await (await host.ClientAsync("owner.li")).StartAsync(key, new { });

        Assert.Equal("jiangyin/chengjiang/huangshan/binjiang-garden", instance["jurisdiction"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starting_outside_ones_reach_or_in_an_unknown_place_or_with_bad_variables_is_400()
    {
        var key = await DeployAsync();
        var firm = await host.ClientAsync("firm.binjiang");

        var outside = await firm.PostAsJsonAsync($"/api/definitions/{key}/instances", new { jurisdiction = "xingfuli" });
        var unknown = await firm.PostAsJsonAsync($"/api/definitions/{key}/instances", new { jurisdiction = "atlantis" });
        var badVariables = await firm.PostAsJsonAsync($"/api/definitions/{key}/instances", new { variables = new[] { 1, 2 } });
        var noSuchProcess = await firm.PostAsJsonAsync("/api/definitions/no-such-process/instances", new { });

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("jurisdictionOutOfReach", (await outside.Json()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknownJurisdiction", (await unknown.Json()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, badVariables.StatusCode);
        Assert.NotNull((await badVariables.Json())["errors"]!["variables"]);
        Assert.Equal(HttpStatusCode.NotFound, noSuchProcess.StatusCode);
    }

    [Fact]
    public async Task A_retried_start_with_the_same_idempotency_key_starts_one_instance()
    {
        var key = await DeployAsync();
        var firm = await host.ClientAsync("firm.binjiang");
        var businessKey = "IDEM-" + ProcessApi.NewSuffix();

        async Task<JsonObject> Start()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/definitions/{key}/instances") { Content = JsonContent.Create(new { businessKey }) };
            request.Headers.Add("Idempotency-Key", businessKey);
            var response = await firm.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Json();
        }

        var first = await Start();
        var second = await Start();

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        var page = await firm.GetFromJsonAsync<JsonObject>($"/api/instances?businessKey={businessKey}");
        Assert.Equal(1, page!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_street_office_sees_its_streets_instances_and_not_another_streets()
    {
        var key = await DeployAsync();
        var admin = await host.ClientAsync("admin");
        var businessKey = "VIS-" + ProcessApi.NewSuffix();
        var chengjiang = await admin.StartAsync(key, new { businessKey, jurisdiction = "binjiang-garden" });
        var nanzha = await admin.StartAsync(key, new { businessKey, jurisdiction = "xingfuli" });
        var street = await host.ClientAsync("street.chengjiang");

        var page = await street.GetFromJsonAsync<JsonObject>($"/api/instances?businessKey={businessKey}");
        var seen = await street.GetAsync($"/api/instances/{chengjiang["id"]}");
        var hidden = await street.GetAsync($"/api/instances/{nanzha["id"]}");
        var hiddenJournal = await street.GetAsync($"/api/instances/{nanzha["id"]}/journal");

        Assert.Equal(1, page!["total"]!.GetValue<int>());
        Assert.Equal(chengjiang["id"]!.GetValue<string>(), page["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenJournal.StatusCode);
        var adminPage = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?businessKey={businessKey}&jurisdiction=nanzha&definitionKey={key}");
        Assert.Equal(nanzha["id"]!.GetValue<string>(), Assert.Single(adminPage!["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_owner_sees_only_the_cases_they_filed_not_their_neighbours()
    {
        var key = await DeployAsync();
        var admin = await host.ClientAsync("admin");
        var owner = await host.ClientAsync("owner.li");
        var businessKey = "OWN-" + ProcessApi.NewSuffix();
        var mine = await owner.StartAsync(key, new { businessKey, jurisdiction = "binjiang-garden" });
        var neighbours = await admin.StartAsync(key, new { businessKey, jurisdiction = "binjiang-garden" });
        var elsewhere = await admin.StartAsync(key, new { businessKey, jurisdiction = "yuxiu-court" });

        var page = await owner.GetFromJsonAsync<JsonObject>($"/api/instances?businessKey={businessKey}");

        Assert.Equal([mine["id"]!.GetValue<string>()], page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/instances/{mine["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/instances/{neighbours["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/instances/{neighbours["id"]}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/instances/{elsewhere["id"]}")).StatusCode);
        var firm = await host.ClientAsync("firm.binjiang");
        Assert.Equal(HttpStatusCode.OK, (await firm.GetAsync($"/api/instances/{neighbours["id"]}")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_pages()
    {
        var key = await DeployAsync();
        var admin = await host.ClientAsync("admin");
        var businessKey = "PAGE-" + ProcessApi.NewSuffix();
        for (var i = 0; i < 3; i++)
        {
            await admin.StartAsync(key, new { businessKey, jurisdiction = "binjiang-garden" });
        }

        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?businessKey={businessKey}&status=active&page=2&pageSize=2");
        var none = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?businessKey={businessKey}&status=completed");
        var badStatus = await admin.GetAsync("/api/instances?status=sleeping");

        Assert.Equal(3, page!["total"]!.GetValue<int>());
        Assert.Single(page["items"]!.AsArray());
        Assert.Equal(0, none!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task The_journal_lists_every_change_and_its_chain_is_intact()
    {
        var key = await DeployAsync();
        var firm = await host.ClientAsync("firm.binjiang");
        var instance = await firm.StartAsync(key, new { businessKey = "J-1" });

        var journal = await firm.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}/journal");

        var entries = journal!["entries"]!.AsArray();
        Assert.Equal("InstanceStarted", entries[0]!["type"]!.GetValue<string>());
        Assert.Equal("firm.binjiang", entries[0]!["actor"]!.GetValue<string>());
        Assert.Equal("J-1", entries[0]!["details"]!["businessKey"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e!["seq"]!.GetValue<long>()));
        Assert.True(journal["verification"]!["intact"]!.GetValue<bool>(), journal["verification"]!.ToJsonString());
    }

    [Fact]
    public async Task Administrators_cancel_with_a_reason_once()
    {
        var key = await DeployAsync();
        var admin = await host.ClientAsync("admin");
        var instance = await admin.StartAsync(key, new { jurisdiction = "binjiang-garden" });
        var url = $"/api/instances/{instance["id"]}/cancel";

        var byStreet = await (await host.ClientAsync("street.chengjiang")).PostAsJsonAsync(url, new { reason = "重复提交" });
        var noReason = await admin.PostAsJsonAsync(url, new { reason = " " });
        var cancelled = await admin.PostAsJsonAsync(url, new { reason = "重复提交" });
        var twice = await admin.PostAsJsonAsync(url, new { reason = "重复提交" });
        var unknown = await admin.PostAsJsonAsync($"/api/instances/{Guid.NewGuid()}/cancel", new { reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, byStreet.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("instanceEnded", (await twice.Json()).Code());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}");
        Assert.Equal("terminated", view!["status"]!.GetValue<string>());
        Assert.NotNull(view["endedAt"]);
    }
}

public sealed class SqliteInstanceTests(SqliteHost host) : InstanceTests<SqliteHost>(host);

public sealed class PostgresInstanceTests(PostgresHost host) : InstanceTests<PostgresHost>(host);
