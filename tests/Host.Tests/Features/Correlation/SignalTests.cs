using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Correlation;

/// <summary>
/// POST /api/signals (issue 20, item 8): an administrator broadcasts a signal, narrowed to a jurisdiction; instances
/// waiting for it there go on, processes with a signal start event start there, and a retried request with the same
/// Idempotency-Key does it once.
/// </summary>
public abstract class SignalTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task A_broadcast_reaches_its_jurisdiction_starts_signal_processes_there_and_is_done_once_per_key()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Correlation/SignalTests.Waiter.bpmn", suffix);
        var inside = await admin.StartAsync($"waiter-{suffix}", new { jurisdiction = "binjiang-garden" });
        var outside = await admin.StartAsync($"waiter-{suffix}", new { jurisdiction = "jiangyin/nanzha/xingfu/xingfuli" });
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(admin, suffix, key);
        var again = await SendAsync(admin, suffix, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Json();
        Assert.Equal([inside["id"]!.GetValue<string>()], answer["resumedInstanceIds"].Strings());
        var started = Assert.Single(answer["startedInstanceIds"].Strings());
        Assert.Equal(answer.ToJsonString(), (await again.Json()).ToJsonString());
        var drill = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{started}"))!;
        Assert.Equal("jiangyin/chengjiang/huangshan", drill["jurisdiction"]!.GetValue<string>());
        var drills = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=drill-{suffix}"))!;
        Assert.Equal(1, drills["total"]!.GetValue<int>());
        Assert.Equal(["secure"], (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{inside["id"]}"))!["activeActivityIds"].Strings());
        Assert.Equal(["wait"], (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{outside["id"]}"))!["activeActivityIds"].Strings());
    }

    [Fact]
    public async Task A_signal_without_a_name_or_with_an_unknown_jurisdiction_is_refused_in_chinese()
    {
        var admin = await host.ClientAsync("admin");

        var nameless = await admin.PostAsJsonAsync("/api/signals", new { name = " " });
        var nowhere = await admin.PostAsJsonAsync("/api/signals", new { name = "x", jurisdiction = "atlantis" });

        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.NotNull((await nameless.Json())["errors"]!["name"]);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Equal("unknownJurisdiction", (await nowhere.Json()).Code());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient admin, string suffix, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals")
        {
            Content = JsonContent.Create(new { name = $"typhoon-{suffix}", jurisdiction = "huangshan" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await admin.SendAsync(request);
    }
}

public sealed class SqliteSignalTests(SqliteHost host) : SignalTests<SqliteHost>(host);

public sealed class PostgresSignalTests(PostgresHost host) : SignalTests<PostgresHost>(host);
