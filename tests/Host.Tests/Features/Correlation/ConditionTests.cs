using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Correlation;

/// <summary>
/// POST /api/conditions (issue 20, item 8): an administrator evaluates the conditional start events with variables;
/// a process whose condition holds starts there, one whose condition does not stays unstarted, and a retried request
/// with the same Idempotency-Key starts nothing more.
/// </summary>
public abstract class ConditionTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task Evaluating_conditions_starts_the_process_whose_condition_holds_once_per_key()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Correlation/ConditionTests.Leak.bpmn", suffix);
        var key = Guid.NewGuid().ToString();

        var low = await SendAsync(admin, new { variables = new { waterLevel = 10 }, processKey = $"leak-{suffix}" }, Guid.NewGuid().ToString());
        var first = await SendAsync(admin, new { variables = new { waterLevel = 45 }, processKey = $"leak-{suffix}", jurisdiction = "huangshan", businessKey = "JS-7" }, key);
        var again = await SendAsync(admin, new { variables = new { waterLevel = 45 }, processKey = $"leak-{suffix}", jurisdiction = "huangshan", businessKey = "JS-7" }, key);

        Assert.Equal(HttpStatusCode.OK, low.StatusCode);
        Assert.Empty((await low.Json())["startedInstanceIds"].Strings());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Json();
        var started = Assert.Single(answer["startedInstanceIds"].Strings());
        Assert.Equal(answer.ToJsonString(), (await again.Json()).ToJsonString());
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{started}"))!;
        Assert.Equal("jiangyin/chengjiang/huangshan", instance["jurisdiction"]!.GetValue<string>());
        Assert.Equal("JS-7", instance["businessKey"]!.GetValue<string>());
        Assert.Equal(["inspect"], instance["activeActivityIds"].Strings());
        var all = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=leak-{suffix}"))!;
        Assert.Equal(1, all["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Conditions_without_variables_or_with_an_unknown_jurisdiction_are_refused_in_chinese()
    {
        var admin = await host.ClientAsync("admin");

        var empty = await admin.PostAsJsonAsync("/api/conditions", new { variables = new { } });
        var nowhere = await admin.PostAsJsonAsync("/api/conditions", new { variables = new { waterLevel = 1 }, jurisdiction = "atlantis" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("此项为必填项。", (await empty.Json())["errors"]!["variables"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Equal("unknownJurisdiction", (await nowhere.Json()).Code());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient admin, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/conditions") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await admin.SendAsync(request);
    }
}

public sealed class SqliteConditionTests(SqliteHost host) : ConditionTests<SqliteHost>(host);

public sealed class PostgresConditionTests(PostgresHost host) : ConditionTests<PostgresHost>(host);
