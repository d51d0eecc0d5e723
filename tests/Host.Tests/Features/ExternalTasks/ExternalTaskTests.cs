using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.ExternalTasks;

/// <summary>External tasks (and the incidents a worker's last failure raises) through the API.</summary>
public abstract class ExternalTaskTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Notify = "Features/ExternalTasks/ExternalTaskTests.Notify.bpmn";

    private static object Fetch(string suffix, string workerId = "sms", long? wait = null) => new
    {
        workerId,
        maxTasks = 5,
        topics = new[] { new { topicName = $"notify-owner-{suffix}", lockDurationMs = 60_000 } },
        asyncResponseTimeoutMs = wait,
    };

    private async Task<(HttpClient Admin, string Suffix, JsonObject Instance)> StartAsync()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync(Notify, suffix);
        var instance = await admin.StartAsync($"notify-{suffix}", new { businessKey = "N-1", jurisdiction = "binjiang-garden", variables = new { phone = "13800000000" } });
        return (admin, suffix, instance);
    }

    [Fact]
    public async Task A_worker_fetches_locks_and_completes_a_task_and_the_instance_moves_on()
    {
        var (admin, suffix, instance) = await StartAsync();

        var locked = await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix))).JsonArrayAsync();
        var task = Assert.Single(locked)!;
        var again = await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix, "other"))).JsonArrayAsync();
        var completed = await admin.PostAsJsonAsync($"/api/external-tasks/{task["id"]}/complete", new { workerId = "sms", variables = new { notified = true } });

        Assert.Equal(instance["id"]!.GetValue<string>(), task["processInstanceId"]!.GetValue<string>());
        Assert.Equal($"notify-owner-{suffix}", task["topicName"]!.GetValue<string>());
        Assert.Equal("notify", task["activityId"]!.GetValue<string>());
        Assert.Equal("N-1", task["businessKey"]!.GetValue<string>());
        Assert.Equal("13800000000", task["variables"]!["phone"]!.GetValue<string>());
        Assert.NotNull(task["lockExpirationTime"]);
        Assert.Empty(again);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}");
        Assert.Equal(["confirm"], view!["activeActivityIds"].Strings());
        Assert.True(view["variables"]!["notified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Another_worker_cannot_complete_a_task_and_an_unknown_task_is_404()
    {
        var (admin, suffix, _) = await StartAsync();
        var task = (await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix))).JsonArrayAsync())[0]!;

        var wrongWorker = await admin.PostAsJsonAsync($"/api/external-tasks/{task["id"]}/complete", new { workerId = "intruder" });
        var unknown = await admin.PostAsJsonAsync($"/api/external-tasks/{Guid.NewGuid()}/complete", new { workerId = "sms" });

        Assert.Equal(HttpStatusCode.Conflict, wrongWorker.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Bodies_are_validated_field_by_field_and_other_roles_are_refused()
    {
        var admin = await host.ClientAsync("admin");

        var fetch = await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", new { maxTasks = 0, topics = Array.Empty<object>() });
        var failure = await admin.PostAsJsonAsync($"/api/external-tasks/{Guid.NewGuid()}/failure", new { workerId = "sms", retries = -1 });
        var byFirm = await (await host.ClientAsync("firm.binjiang")).PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch("x"));

        Assert.Equal(HttpStatusCode.BadRequest, fetch.StatusCode);
        var errors = (await fetch.Json())["errors"]!.AsObject();
        Assert.Equal(["workerId", "maxTasks", "topics"], errors.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal(["errorMessage", "retries"], (await failure.Json())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Forbidden, byFirm.StatusCode);
    }

    [Fact]
    public async Task Long_polling_answers_as_soon_as_a_task_appears()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync(Notify, suffix);

        var polling = admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix, wait: 30_000));
        await Task.Delay(600);
        Assert.False(polling.IsCompleted);
        var instance = await admin.StartAsync($"notify-{suffix}", new { jurisdiction = "binjiang-garden" });
        var locked = await (await polling).JsonArrayAsync();

        Assert.Equal(instance["id"]!.GetValue<string>(), Assert.Single(locked)!["processInstanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Long_polling_answers_an_empty_list_when_the_timeout_ends()
    {
        var admin = await host.ClientAsync("admin");
        var clock = Stopwatch.StartNew();

        var response = await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(ProcessApi.NewSuffix(), wait: 700));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.JsonArrayAsync());
        Assert.True(clock.ElapsedMilliseconds >= 700, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_failure_with_no_retries_left_raises_an_incident_that_an_administrator_retries()
    {
        var (admin, suffix, instance) = await StartAsync();
        var task = (await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix))).JsonArrayAsync())[0]!;

        var failed = await admin.PostAsJsonAsync($"/api/external-tasks/{task["id"]}/failure", new { workerId = "sms", errorMessage = "短信网关不可用", retries = 0, retryTimeoutMs = 0 });

        Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}");
        Assert.Equal("incident", view!["status"]!.GetValue<string>());
        var incidents = await admin.GetFromJsonAsync<JsonArray>($"/api/incidents?instanceId={instance["id"]}");
        var incident = Assert.Single(incidents!)!;
        Assert.Equal("failedExternalTask", incident["type"]!.GetValue<string>());
        Assert.Contains("短信网关不可用", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var incidentPage = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?status=incident&definitionKey=notify-{suffix}");
        Assert.Equal(1, incidentPage!["total"]!.GetValue<int>());
        var street = await host.ClientAsync("street.chengjiang");
        Assert.Contains((await street.GetFromJsonAsync<JsonArray>("/api/incidents"))!, i => i!["id"]!.GetValue<string>() == incident["id"]!.GetValue<string>());
        Assert.DoesNotContain((await (await host.ClientAsync("street.nanzha")).GetFromJsonAsync<JsonArray>("/api/incidents"))!, i => i!["id"]!.GetValue<string>() == incident["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry", new { reason = "短信网关已恢复" })).StatusCode);

        var retried = await admin.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry", new { reason = "短信网关已恢复" });

        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/incidents?instanceId={instance["id"]}"))!);
        Assert.Single(await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix))).JsonArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/incidents/{incident["id"]}/retry", new { reason = "短信网关已恢复" })).StatusCode);
    }

    [Fact]
    public async Task A_bpmn_error_is_caught_by_the_error_boundary_event()
    {
        var (admin, suffix, instance) = await StartAsync();
        var task = (await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix))).JsonArrayAsync())[0]!;

        var response = await admin.PostAsJsonAsync($"/api/external-tasks/{task["id"]}/bpmn-error", new { workerId = "sms", errorCode = "OWNER_UNKNOWN", variables = new { reason = "空号" } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}");
        Assert.Equal(["findOwner"], view!["activeActivityIds"].Strings());
    }

    [Fact]
    public async Task A_whole_case_walks_through_the_api_from_start_to_end()
    {
        var (admin, suffix, _) = await StartAsync();
        var firm = await host.ClientAsync("firm.binjiang");
        var started = await firm.StartAsync($"notify-{suffix}", new { businessKey = "WALK-1", variables = new { phone = "13900000000" } });
        var id = started["id"]!.GetValue<string>();

        var task = Assert.Single(await (await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", Fetch(suffix))).JsonArrayAsync(), t => t!["processInstanceId"]!.GetValue<string>() == id)!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/external-tasks/{task["id"]}/complete", new { workerId = "sms" })).StatusCode);
        var waiting = await firm.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        var confirm = waiting!["openTasks"]![0]!["id"]!.GetValue<Guid>();
        await host.Services.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(confirm, null, "firm.binjiang");

        var ended = await firm.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal("completed", ended!["status"]!.GetValue<string>());
        Assert.NotNull(ended["endedAt"]);
        Assert.Equal(["start", "notify", "confirm", "end"], ended["completedActivityIds"].Strings());
        var journal = await firm.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/journal");
        Assert.True(journal!["verification"]!["intact"]!.GetValue<bool>());
        Assert.Contains(journal["entries"]!.AsArray(), e => e!["actor"]?.GetValue<string>() == "firm.binjiang" && e["activityId"]?.GetValue<string>() == "confirm");
        var completed = await firm.GetFromJsonAsync<JsonObject>($"/api/instances?status=completed&businessKey=WALK-1&definitionKey=notify-{suffix}");
        Assert.Equal(1, completed!["total"]!.GetValue<int>());
    }
}

public sealed class SqliteExternalTaskTests(SqliteHost host) : ExternalTaskTests<SqliteHost>(host);

public sealed class PostgresExternalTaskTests(PostgresHost host) : ExternalTaskTests<PostgresHost>(host);
