using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Telemetry;

/// <summary>Starts and completions through the API are counted on the "Anju" meter (exported by OpenTelemetry).</summary>
public sealed class MetricsTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Starting_and_completing_through_the_api_is_counted()
    {
        var measured = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Anju")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
        var suffix = ProcessApi.NewSuffix();
        var admin = await host.ClientAsync("admin");
        await admin.DeployAsync("Features/Instances/InstanceTests.Approval.bpmn", suffix);

        var started = await admin.StartAsync($"approval-{suffix}", new { jurisdiction = "binjiang-garden" });
        var tasks = await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={started["id"]}");
        var task = tasks!["items"]![0]!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } })).EnsureSuccessStatusCode();

        Assert.True(measured.GetValueOrDefault("anju.instances.started") >= 1);
        Assert.True(measured.GetValueOrDefault("anju.tasks.completed") >= 1);
    }
}
