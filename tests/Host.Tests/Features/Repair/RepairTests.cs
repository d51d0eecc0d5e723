using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Repair;

/// <summary>The administrators' repair tools through the API: modify, edit a variable, retry, bulk cancel and retry.</summary>
public abstract class RepairTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Stuck = "Features/Repair/RepairTests.Stuck.bpmn";

    private async Task<(HttpClient Admin, string Key)> DeployAsync()
    {
        var suffix = ProcessApi.NewSuffix();
        var admin = await host.ClientAsync("admin");
        await admin.DeployAsync(Stuck, suffix);
        return (admin, $"stuck-{suffix}");
    }

    private static async Task<string> StartAsync(HttpClient admin, string key) =>
        (await admin.StartAsync(key, new { jurisdiction = "binjiang-garden" }))["id"]!.GetValue<string>();

    /// <summary>A case moved onto the gateway, where it stops on an incident ("approved" is not set).</summary>
    private static async Task<string> StuckAsync(HttpClient admin, string key)
    {
        var id = await StartAsync(admin, key);
        var moved = await admin.PostAsJsonAsync($"/api/instances/{id}/modify", new
        {
            instructions = new object[] { new { type = "cancel", activityId = "accept" }, new { type = "startBefore", activityId = "gw" } },
            reason = "受理已线下完成",
        });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("incident", (await moved.Json())["status"]!.GetValue<string>());
        return id;
    }

    private static async Task<JsonArray> JournalAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/journal"))!["entries"]!.AsArray();

    private static JsonNode Entry(JsonArray journal, string type) =>
        Assert.Single(journal, e => e!["type"]!.GetValue<string>() == type)!;

    [Fact]
    public async Task A_stuck_case_is_moved_edited_and_retried_and_each_step_is_journaled_with_actor_and_reason()
    {
        var (admin, key) = await DeployAsync();
        var id = await StuckAsync(admin, key);
        var incidents = await (await admin.GetAsync($"/api/incidents?instanceId={id}")).JsonArrayAsync();
        var incident = Assert.Single(incidents)!;
        Assert.Equal("gw", incident["activityId"]!.GetValue<string>());

        var edited = await admin.PutAsJsonAsync($"/api/instances/{id}/variables/approved", new { value = "true", type = "boolean", reason = "审核意见漏填" });
        var retried = await admin.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry", new { reason = "已补填审核意见" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var change = await edited.Json();
        Assert.Null(change["oldValue"]);
        Assert.True(change["newValue"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal("active", view!["status"]!.GetValue<string>());
        Assert.Equal(["handle"], view["activeActivityIds"].Strings());

        var journal = await JournalAsync(admin, id);
        var modified = Entry(journal, "InstanceModified");
        Assert.Equal("admin", modified["actor"]!.GetValue<string>());
        Assert.Equal("受理已线下完成", modified["details"]!["reason"]!.GetValue<string>());
        Assert.Equal(["accept", "gw"], modified["details"]!["instructions"]!.AsArray().Select(i => i!["activityId"]!.GetValue<string>()));
        var variable = Entry(journal, "VariableEdited");
        Assert.Equal("admin", variable["actor"]!.GetValue<string>());
        Assert.Equal("approved", variable["details"]!["name"]!.GetValue<string>());
        Assert.True(variable["details"]!["newValue"]!.GetValue<bool>());
        Assert.Equal("审核意见漏填", variable["details"]!["reason"]!.GetValue<string>());
        var retry = Entry(journal, "IncidentRetried");
        Assert.Equal("admin", retry["actor"]!.GetValue<string>());
        Assert.Equal("已补填审核意见", retry["details"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_repair_needs_a_reason_of_at_most_500_characters()
    {
        var (admin, key) = await DeployAsync();
        var id = await StuckAsync(admin, key);
        var incident = (await (await admin.GetAsync($"/api/incidents?instanceId={id}")).JsonArrayAsync())[0]!["id"]!.GetValue<string>();
        var tooLong = new string('因', 501);

        HttpResponseMessage[] refused =
        [
            await admin.PostAsJsonAsync($"/api/instances/{id}/modify", new { instructions = new[] { new { type = "startBefore", activityId = "handle" } } }),
            await admin.PostAsJsonAsync($"/api/instances/{id}/modify", new { instructions = new[] { new { type = "startBefore", activityId = "handle" } }, reason = tooLong }),
            await admin.PutAsJsonAsync($"/api/instances/{id}/variables/approved", new { value = true, reason = " " }),
            await admin.PutAsJsonAsync($"/api/instances/{id}/variables/approved", new { value = true, reason = tooLong }),
            await admin.PostAsync($"/api/incidents/{incident}/retry", null),
            await admin.PostAsJsonAsync($"/api/incidents/{incident}/retry", new { reason = "" }),
            await admin.PostAsJsonAsync("/api/instances/bulk/cancel", new { instanceIds = new[] { id } }),
            await admin.PostAsJsonAsync("/api/incidents/bulk/retry", new { incidentIds = new[] { incident }, reason = tooLong }),
        ];

        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.Json())["errors"]!["reason"]);
        }

        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal("incident", view!["status"]!.GetValue<string>());
        Assert.DoesNotContain(await JournalAsync(admin, id), e => e!["type"]!.GetValue<string>() is "VariableEdited" or "IncidentRetried" or "InstanceCancelled");
    }

    [Fact]
    public async Task Only_administrators_repair()
    {
        var (admin, key) = await DeployAsync();
        var id = await StartAsync(admin, key);
        var street = await host.ClientAsync("street.chengjiang");
        var firm = await host.ClientAsync("firm.binjiang");

        HttpResponseMessage[] refused =
        [
            await street.PostAsJsonAsync($"/api/instances/{id}/modify", new { instructions = new[] { new { type = "cancel", activityId = "accept" } }, reason = "x" }),
            await firm.PutAsJsonAsync($"/api/instances/{id}/variables/approved", new { value = true, reason = "x" }),
            await street.PostAsJsonAsync("/api/instances/bulk/cancel", new { instanceIds = new[] { id }, reason = "x" }),
            await firm.PostAsJsonAsync("/api/incidents/bulk/retry", new { instanceIds = new[] { id }, reason = "x" }),
        ];

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal(["accept"], view!["activeActivityIds"].Strings());
    }

    [Fact]
    public async Task A_modification_that_cannot_run_is_refused_naming_the_element_and_changes_nothing()
    {
        var (admin, key) = await DeployAsync();
        var id = await StartAsync(admin, key);
        var url = $"/api/instances/{id}/modify";

        var unknown = await admin.PostAsJsonAsync(url, new { instructions = new object[] { new { type = "cancel", activityId = "accept" }, new { type = "startBefore", activityId = "nope" } }, reason = "x" });
        var badType = await admin.PostAsJsonAsync(url, new { instructions = new[] { new { type = "jump", activityId = "handle" } }, reason = "x" });
        var none = await admin.PostAsJsonAsync(url, new { instructions = Array.Empty<object>(), reason = "x" });
        var noSuchInstance = await admin.PostAsJsonAsync($"/api/instances/{Guid.NewGuid()}/modify", new { instructions = new[] { new { type = "cancel", activityId = "accept" } }, reason = "x" });
        var all = await admin.PostAsJsonAsync(url, new { instructions = new[] { new { type = "cancel", activityId = "accept" } }, reason = "重复登记" });
        var ended = await admin.PostAsJsonAsync(url, new { instructions = new[] { new { type = "startBefore", activityId = "handle" } }, reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Json();
        Assert.Equal("repair.modifyRefused", problem.Code());
        Assert.Contains("nope", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.NotNull((await badType.Json())["errors"]!["instructions[0].type"]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchInstance.StatusCode);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("terminated", (await all.Json())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
        Assert.Equal("repair.instanceNotActive", (await ended.Json()).Code());
        Assert.Single(await JournalAsync(admin, id), e => e!["type"]!.GetValue<string>() == "InstanceModified");
    }

    [Fact]
    public async Task A_variable_is_set_as_its_type_and_a_value_not_of_that_type_or_too_large_is_refused()
    {
        var (admin, key) = await DeployAsync();
        var id = await StartAsync(admin, key);
        var url = $"/api/instances/{id}/variables/";

        var asLong = await admin.PutAsJsonAsync(url + "amount", new { value = "42", type = "long", reason = "x" });
        var asJson = await admin.PutAsJsonAsync(url + "detail", new { value = """{"floor":3}""", type = "json", reason = "x" });
        var asDouble = await admin.PutAsJsonAsync(url + "amount", new { value = 42.5, type = "double", reason = "改为含小数" });
        var notLong = await admin.PutAsJsonAsync(url + "amount", new { value = "四十二", type = "long", reason = "x" });
        var badJson = await admin.PutAsJsonAsync(url + "detail", new { value = "{floor", type = "json", reason = "x" });
        var unknownType = await admin.PutAsJsonAsync(url + "when", new { value = "2026-10-01", type = "date", reason = "x" });
        var tooLarge = await admin.PutAsJsonAsync(url + "blob", new { value = new string('x', 70_000), type = "string", reason = "x" });

        Assert.Equal(HttpStatusCode.OK, asLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asJson.StatusCode);
        Assert.Equal(42, (await asDouble.Json())["oldValue"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, notLong.StatusCode);
        Assert.NotNull((await notLong.Json())["errors"]!["value"]);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.NotNull((await unknownType.Json())["errors"]!["type"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal(42.5, view!["variables"]!["amount"]!.GetValue<double>());
        Assert.Equal(3, view["variables"]!["detail"]!["floor"]!.GetValue<int>());
        Assert.False(view["variables"]!.AsObject().ContainsKey("blob"));
        var edits = (await JournalAsync(admin, id)).Where(e => e!["type"]!.GetValue<string>() == "VariableEdited").ToList();
        Assert.Equal(3, edits.Count);
        Assert.Equal("改为含小数", edits[2]!["details"]!["reason"]!.GetValue<string>());
        Assert.Equal(42, edits[2]!["details"]!["oldValue"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bulk_cancel_answers_a_result_per_instance_and_journals_each_with_actor_and_reason()
    {
        var (admin, key) = await DeployAsync();
        var first = await StartAsync(admin, key);
        var second = await StartAsync(admin, key);
        var ended = await StartAsync(admin, key);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/instances/{ended}/cancel", new { reason = "先行取消" })).StatusCode);
        var unknown = Guid.NewGuid().ToString();

        var response = await admin.PostAsJsonAsync("/api/instances/bulk/cancel", new { instanceIds = new[] { first, second, ended, unknown }, reason = "配置错误批量取消" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Json())["results"]!.AsArray();
        Assert.Equal([first, second, ended, unknown], results.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal([true, true, false, false], results.Select(r => r!["ok"]!.GetValue<bool>()));
        Assert.Equal("instanceEnded", results[2]!["code"]!.GetValue<string>());
        Assert.Equal("notFound", results[3]!["code"]!.GetValue<string>());
        Assert.NotEmpty(results[3]!["message"]!.GetValue<string>());
        foreach (var id in new[] { first, second })
        {
            var cancelled = Entry(await JournalAsync(admin, id), "InstanceCancelled");
            Assert.Equal("admin", cancelled["actor"]!.GetValue<string>());
            Assert.Equal("配置错误批量取消", cancelled["details"]!["reason"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Bulk_retry_goes_on_where_fixed_and_says_which_failed_again_and_which_had_nothing_to_retry()
    {
        var (admin, key) = await DeployAsync();
        var fixedCase = await StuckAsync(admin, key);
        var stillBroken = await StuckAsync(admin, key);
        var healthy = await StartAsync(admin, key);
        await admin.PutAsJsonAsync($"/api/instances/{fixedCase}/variables/approved", new { value = true, type = "boolean", reason = "补填" });

        var byInstance = await admin.PostAsJsonAsync("/api/incidents/bulk/retry", new { instanceIds = new[] { fixedCase, stillBroken, healthy }, reason = "批量重试" });
        var byIncident = await admin.PostAsJsonAsync("/api/incidents/bulk/retry", new { incidentIds = new[] { Guid.NewGuid() }, reason = "批量重试" });

        Assert.Equal(HttpStatusCode.OK, byInstance.StatusCode);
        var results = (await byInstance.Json())["results"]!.AsArray();
        Assert.Equal([true, false, false], results.Select(r => r!["ok"]!.GetValue<bool>()));
        Assert.Equal("repair.failedAgain", results[1]!["code"]!.GetValue<string>());
        Assert.Equal("repair.noIncident", results[2]!["code"]!.GetValue<string>());
        Assert.Equal("notFound", (await byIncident.Json())["results"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["handle"], (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{fixedCase}"))!["activeActivityIds"].Strings());
        var retried = Entry(await JournalAsync(admin, stillBroken), "IncidentRetried");
        Assert.Equal("批量重试", retried["details"]!["reason"]!.GetValue<string>());
        Assert.Equal("admin", retried["actor"]!.GetValue<string>());
    }
}

public sealed class SqliteRepairTests(SqliteHost host) : RepairTests<SqliteHost>(host);

public sealed class PostgresRepairTests(PostgresHost host) : RepairTests<PostgresHost>(host);
