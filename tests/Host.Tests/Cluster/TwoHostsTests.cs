using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Testing;
using Xunit.Abstractions;

namespace Anju.Host.Tests.Cluster;

/// <summary>
/// Two real Host processes on one PostgreSQL database share the work without doing any of it twice: both job
/// executors poll the same job table (FOR UPDATE SKIP LOCKED), and every task completion is sent to both Hosts
/// at the same moment. Every timer must fire exactly once and every completion must count exactly once.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    private const int InstancesPerProcess = 30;
    private const string Jurisdiction = "binjiang-garden";
    private const string Worker = "community.huangshan";
    private static readonly TimeSpan TimerTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_hosts_on_one_database_fire_every_timer_once_and_count_every_completion_once()
    {
        var watch = Stopwatch.StartNew();
        await using var database = await ThrowawayPostgresDatabase.CreateAsync("cluster");
        var connectionString = database.ConnectionString;
        var hosts = new List<HostProcess>();
        var passed = false;
        try
        {
            // Each node has its own configured id; its leases are "<node id>/<run id>" (a restart reclaims only its own).
            hosts.Add(HostProcess.Start("A", connectionString, new Dictionary<string, string> { ["Anju__NodeId"] = "cluster-a" }));
            await hosts[0].WaitUntilReadyAsync(HostProcess.StartTimeout);
            // B starts only once A is ready, i.e. once A has migrated and seeded the empty database: two Hosts
            // migrating one empty database at the same moment would race on creating the schema, which is a
            // deployment concern and not what this test is about. From here on both run their job executors.
            hosts.Add(HostProcess.Start("B", connectionString, new Dictionary<string, string> { ["Anju__NodeId"] = "cluster-b" }));
            await hosts[1].WaitUntilReadyAsync(HostProcess.StartTimeout);
            output.WriteLine($"both hosts ready after {watch.Elapsed.TotalSeconds:F1} s");

            var admins = await Task.WhenAll(hosts.Select(h => h.ClientAsync("admin", HostFixture.Password)));
            var workers = await Task.WhenAll(hosts.Select(h => h.ClientAsync(Worker, HostFixture.Password)));
            var suffix = ProcessApi.NewSuffix();
            await admins[0].DeployAsync("Cluster/TwoHostsTests.Deadline.bpmn", suffix);
            await admins[0].DeployAsync("Cluster/TwoHostsTests.TwoSteps.bpmn", suffix);

            // Alternating hosts; all started at once, so that the timers fall due together.
            var deadlineStarts = Enumerable.Range(0, InstancesPerProcess)
                .Select(i => admins[i % 2].StartAsync($"clusterDeadline-{suffix}", new { jurisdiction = Jurisdiction }));
            var twoStepStarts = Enumerable.Range(0, InstancesPerProcess)
                .Select(i => admins[(i + 1) % 2].StartAsync($"clusterTwoSteps-{suffix}", new { jurisdiction = Jurisdiction }));
            var deadlines = (await Task.WhenAll(deadlineStarts)).Select(Id).ToList();
            var twoSteps = (await Task.WhenAll(twoStepStarts)).Select(Id).ToList();
            output.WriteLine($"{deadlines.Count + twoSteps.Count} instances started after {watch.Elapsed.TotalSeconds:F1} s");

            // (1) The timers fire while both executors run.
            await WaitForEscalationAsync(admins, deadlines);
            output.WriteLine($"all timers fired after {watch.Elapsed.TotalSeconds:F1} s");
            foreach (var id in deadlines)
            {
                var journal = (await admins[0].GetFromJsonAsync<JsonObject>($"/api/instances/{id}/journal"))!;
                var fired = Entries(journal, "TimerFired");
                Assert.True(fired.Count == 1, $"Instance {id}: {fired.Count} TimerFired entries");
                Assert.Equal("deadline", fired[0]["activityId"]!.GetValue<string>());
                Assert.True(Intact(journal), $"Instance {id}: journal not intact: {journal["verification"]}");
                var tasks = (await workers[1].GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}"))!["items"]!.AsArray();
                Assert.Equal(["escalate"], tasks.Select(t => t!["activityId"]!.GetValue<string>()));
                Assert.Empty((await admins[1].GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={id}"))!);
            }

            // (2) Every completion is sent to both hosts at once; exactly one of them may win.
            var races = (await Task.WhenAll(twoSteps.Select(id => RaceThroughAsync(workers, id)))).SelectMany(r => r).ToList();
            output.WriteLine($"{races.Count} completion races done after {watch.Elapsed.TotalSeconds:F1} s: "
                + $"A won {races.Count(r => r.Statuses[0] == HttpStatusCode.NoContent)}, B won {races.Count(r => r.Statuses[1] == HttpStatusCode.NoContent)}; "
                + $"losers answered 409 {races.Sum(r => r.Statuses.Count(s => s == HttpStatusCode.Conflict))} times, 404 {races.Sum(r => r.Statuses.Count(s => s == HttpStatusCode.NotFound))} times");
            Assert.All(races, race =>
            {
                Assert.True(
                    race.Statuses.Count(s => s == HttpStatusCode.NoContent) == 1
                        && race.Statuses.Count(s => s is HttpStatusCode.Conflict or HttpStatusCode.NotFound) == 1,
                    $"Instance {race.InstanceId}, task {race.ActivityId}: A answered {(int)race.Statuses[0]}, B answered {(int)race.Statuses[1]}");
            });
            Assert.Equal(2 * InstancesPerProcess, races.Count);

            foreach (var id in twoSteps)
            {
                var view = (await admins[1].GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
                Assert.Equal("completed", view["status"]!.GetValue<string>());
                var journal = (await admins[0].GetFromJsonAsync<JsonObject>($"/api/instances/{id}/journal"))!;
                var completed = Entries(journal, "TaskCompleted");
                Assert.Equal(["first", "second"], completed.Select(e => e["activityId"]!.GetValue<string>()));
                Assert.Single(Entries(journal, "InstanceCompleted"));
                Assert.True(Intact(journal), $"Instance {id}: journal not intact: {journal["verification"]}");
            }

            output.WriteLine($"verified after {watch.Elapsed.TotalSeconds:F1} s");
            passed = true;
        }
        finally
        {
            foreach (var host in hosts)
            {
                if (!passed)
                {
                    output.WriteLine(host.Output());
                }

                await host.DisposeAsync();
            }
        }
    }

    private sealed record Race(string InstanceId, string ActivityId, HttpStatusCode[] Statuses);

    /// <summary>Completes both tasks of a two-step instance, each by the same request to both hosts at once.</summary>
    private static async Task<List<Race>> RaceThroughAsync(HttpClient[] workers, string instanceId)
    {
        var races = new List<Race>();
        foreach (var expected in new[] { "first", "second" })
        {
            var tasks = (await workers[0].GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}"))!["items"]!.AsArray();
            var task = Assert.Single(tasks)!;
            Assert.Equal(expected, task["activityId"]!.GetValue<string>());
            var url = $"/api/tasks/{task["id"]!.GetValue<string>()}/complete";
            var responses = await Task.WhenAll(workers.Select(w => w.PostAsJsonAsync(url, new { variables = new { } })));
            races.Add(new Race(instanceId, expected, responses.Select(r => r.StatusCode).ToArray()));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        return races;
    }

    /// <summary>Waits until every deadline instance has left "handle" for "escalate" (asking both hosts in turn).</summary>
    private static async Task WaitForEscalationAsync(HttpClient[] admins, List<string> ids)
    {
        var deadline = DateTime.UtcNow + TimerTimeout;
        var waiting = ids.ToHashSet(StringComparer.Ordinal);
        var round = 0;
        while (true)
        {
            foreach (var id in waiting.ToList())
            {
                var view = (await admins[round % 2].GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
                if (view["activeActivityIds"].Strings().SequenceEqual(["escalate"]))
                {
                    waiting.Remove(id);
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{waiting.Count} of {ids.Count} timers had not fired after {TimerTimeout.TotalSeconds} s");
            round++;
            await Task.Delay(500);
        }
    }

    private static string Id(JsonObject instance) => instance["id"]!.GetValue<string>();

    private static List<JsonNode> Entries(JsonObject journal, string type) =>
        journal["entries"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == type).Select(e => e!).ToList();

    private static bool Intact(JsonObject journal) => journal["verification"]!["intact"]!.GetValue<bool>();
}
