using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Incidents;

/// <summary>
/// Listeners and input/output mappings through the API (issue 20, items 5 and 6): a completion whose complete listener
/// fails is refused with the reason and changes nothing; a listener that fails while the engine moves the case stops
/// it with a <c>listener</c> incident, told in Chinese by element name.
/// </summary>
public abstract class ListenerIncidentTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private async Task<(JsonObject Instance, string TaskId)> StartAsync()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Incidents/ListenerIncidentTests.Listeners.bpmn", suffix);
        var instance = await admin.StartAsync($"listeners-{suffix}", new { jurisdiction = "binjiang-garden" });
        var task = instance["openTasks"]!.AsArray().Single()!;
        return (instance, task["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_completion_whose_complete_listener_fails_is_refused_and_the_task_stays_open()
    {
        var (instance, taskId) = await StartAsync();
        Assert.True(instance["variables"]!["opened"]!.GetValue<bool>());
        Assert.Null(instance["variables"]!["base"]);
        var admin = await host.ClientAsync("admin");

        var refused = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["variables"] = new JsonObject { ["note"] = "无费用" } });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Json();
        Assert.Equal("invalidState", problem.Code());
        Assert.Contains("fee", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}"))!;
        Assert.Equal(["check"], view["activeActivityIds"].Strings());
        Assert.Null(view["variables"]!["note"]);
    }

    [Fact]
    public async Task A_listener_that_fails_as_the_case_moves_on_stops_it_with_an_incident_told_in_chinese()
    {
        var (instance, taskId) = await StartAsync();
        var admin = await host.ClientAsync("admin");

        var completed = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["variables"] = new JsonObject { ["fee"] = 30 } });

        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}"))!;
        Assert.Equal(80, view["variables"]!["total"]!.GetValue<int>());
        Assert.True(view["variables"]!["feeChecked"]!.GetValue<bool>());
        var incident = Assert.Single((await admin.GetFromJsonAsync<JsonArray>($"/api/incidents?instanceId={instance["id"]}"))!)!;
        Assert.Equal(("listener", "review"), (incident["type"]!.GetValue<string>(), incident["activityId"]!.GetValue<string>()));
        var text = incident["displayMessage"]!.GetValue<string>();
        Assert.Contains("“复核”（review）上的监听器执行失败", text, StringComparison.Ordinal);
        Assert.Contains("reviewerName", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteListenerIncidentTests(SqliteHost host) : ListenerIncidentTests<SqliteHost>(host);

public sealed class PostgresListenerIncidentTests(PostgresHost host) : ListenerIncidentTests<PostgresHost>(host);
