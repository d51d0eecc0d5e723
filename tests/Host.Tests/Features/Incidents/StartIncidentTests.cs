using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Incidents;

/// <summary>
/// The filer is told (issue 16, item 5) and incidents are told for people (item 6): a start whose new instance stops
/// at an incident at once says so in its answer, every administrator is notified, and the instance view and the
/// incident list name the element by name and id, in Chinese or English, with the engine's detail kept apart.
/// </summary>
public abstract class StartIncidentTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Broken = "Features/Incidents/StartIncidentTests.Broken.bpmn";

    private async Task<string> DeployAsync()
    {
        var suffix = ProcessApi.NewSuffix();
        await (await host.ClientAsync("admin")).DeployAsync(Broken, suffix);
        return $"broken-{suffix}";
    }

    [Fact]
    public async Task A_start_that_stops_at_an_incident_at_once_tells_the_filer_and_notifies_every_administrator()
    {
        var key = await DeployAsync();
        var owner = await host.ClientAsync("owner.li");
        var businessKey = "TS-" + ProcessApi.NewSuffix();

        var response = await owner.PostAsJsonAsync($"/api/definitions/{key}/instances", new { businessKey });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var instance = await response.Json();
        Assert.Equal("incident", instance["status"]!.GetValue<string>());
        var notice = instance["incident"]!;
        Assert.Equal("startIncident", notice["code"]!.GetValue<string>());
        Assert.Equal("accept", notice["activityId"]!.GetValue<string>());
        Assert.StartsWith("提交未成功", notice["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("管理员已收到通知", notice["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var id = instance["id"]!.GetValue<string>();
        var alert = await NotificationAsync(await host.ClientAsync("admin"), id);
        Assert.NotNull(alert);
        Assert.Equal("incident", alert["kind"]!.GetValue<string>());
        Assert.Contains("投诉处理（有误）", alert["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("“受理”（accept）", alert["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(businessKey, alert["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await NotificationAsync(await host.ClientAsync("community.huangshan"), id)); // administrators only
    }

    [Fact]
    public async Task A_start_that_does_not_stop_has_no_incident_member()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Deployments/DeploymentTests.Simple.bpmn", suffix);

        var response = await admin.PostAsJsonAsync($"/api/definitions/simple-{suffix}/instances", new { jurisdiction = "binjiang-garden" });

        var instance = await response.Json();
        Assert.Equal("active", instance["status"]!.GetValue<string>());
        Assert.False(instance.ContainsKey("incident"));
    }

    [Fact]
    public async Task Incidents_name_the_element_in_chinese_or_english_and_keep_the_technical_detail()
    {
        var key = await DeployAsync();
        var instance = await (await host.ClientAsync("owner.li")).StartAsync(key, new { });
        var id = instance["id"]!.GetValue<string>();

        var zh = await host.ClientAsync("admin");
        var en = await host.ClientAsync("admin", "en");
        var viewZh = (await zh.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["incidents"]![0]!;
        var viewEn = (await en.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["incidents"]![0]!;
        var listed = (await zh.GetFromJsonAsync<JsonArray>($"/api/incidents?instanceId={id}"))![0]!;

        Assert.Equal("expression", viewZh["type"]!.GetValue<string>());
        Assert.Equal("受理", viewZh["elementName"]!.GetValue<string>());
        Assert.Equal("“受理”（accept）中的表达式无法求值，案件停在此处。请检查流程定义或变量后重试。", viewZh["displayMessage"]!.GetValue<string>());
        Assert.Equal("An expression of \"受理\" (accept) could not be evaluated; the case stopped there. Check the definition or the variables, then retry.", viewEn["displayMessage"]!.GetValue<string>());
        Assert.Contains("acceptDeadline", viewZh["message"]!.GetValue<string>(), StringComparison.Ordinal); // the engine's detail
        Assert.Equal(viewZh["displayMessage"]!.GetValue<string>(), listed["displayMessage"]!.GetValue<string>());
        Assert.Equal("受理", listed["elementName"]!.GetValue<string>());
        Assert.Equal(viewZh["message"]!.GetValue<string>(), listed["message"]!.GetValue<string>());
    }

    private static async Task<JsonObject?> NotificationAsync(HttpClient client, string instanceId)
    {
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100"))!;
        return page["items"]!.AsArray().Select(n => n!.AsObject()).FirstOrDefault(n => n["instanceId"]?.GetValue<string>() == instanceId);
    }
}

public sealed class SqliteStartIncidentTests(SqliteHost host) : StartIncidentTests<SqliteHost>(host);

public sealed class PostgresStartIncidentTests(PostgresHost host) : StartIncidentTests<PostgresHost>(host);
