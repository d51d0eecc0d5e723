using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Anju.Host.Tests.Cluster;

/// <summary>
/// Job leases across crashes (issue 16), with real processes on PostgreSQL: a Host killed (SIGKILL) while a job holds
/// its lease takes the lease back as soon as it starts again on the same data folder (its node id is kept there),
/// without waiting for the lease to expire, while another live node leaves the lease alone; and a job that kills
/// its Host on every try ends in an incident after its retries instead of killing every restart.
/// </summary>
public sealed class JobLeaseCrashTests(ITestOutputHelper output)
{
    private const string Jurisdiction = "binjiang-garden";
    private static readonly TimeSpan WorkTimeout = TimeSpan.FromSeconds(120);

    /// <summary>An hour: anything that happens within the test's few minutes did not wait for a lease to expire.</summary>
    private const string LongLease = "3600";

    [Fact]
    public async Task A_restarted_host_reclaims_its_killed_process_lease_at_once_and_a_live_node_leaves_it_alone()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync("lease");
        using var folder = TemporaryFolder.Create("cluster-tests");
        var connectionString = database.ConnectionString;
        var hosts = new List<HostProcess>();
        var passed = false;
        try
        {
            var first = Track(hosts, HostProcess.Start("A", connectionString, Settings("hold"), folder.Path));
            await first.WaitUntilReadyAsync(HostProcess.StartTimeout);
            var nodeId = (await File.ReadAllTextAsync(folder.Combine("node-id"))).Trim();
            using var admin = await first.ClientAsync("admin", HostFixture.Password);
            var suffix = ProcessApi.NewSuffix();
            await admin.DeployAsync("Cluster/JobLeaseCrashTests.AsyncStep.bpmn", suffix);
            var id = (await admin.StartAsync($"clusterAsyncStep-{suffix}", new { jurisdiction = Jurisdiction }))["id"]!.GetValue<string>();

            await first.WaitForOutputAsync("fault-injection: holding job", HostProcess.StartTimeout);
            var owner = await LockOwnerAsync(connectionString, id);
            Assert.StartsWith(nodeId + "/", owner, StringComparison.Ordinal);

            // A second, live node (a node id of its own) does not take the held job.
            var other = Track(hosts, HostProcess.Start("B", connectionString, Settings("none")));
            await other.WaitUntilReadyAsync(HostProcess.StartTimeout);
            await Task.Delay(TimeSpan.FromSeconds(6)); // three of its executor's polls
            Assert.Equal(owner, await LockOwnerAsync(connectionString, id));

            await first.KillAsync();
            var restarted = Track(hosts, HostProcess.Start("A2", connectionString, Settings("none"), folder.Path));
            await restarted.WaitUntilReadyAsync(HostProcess.StartTimeout);
            await restarted.WaitForOutputAsync("Reclaimed 1 job lease(s) that node " + nodeId, HostProcess.StartTimeout);

            using var admin2 = await restarted.ClientAsync("admin", HostFixture.Password);
            await WaitUntilAsync(async () => (await admin2.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["activeActivityIds"].Strings().SequenceEqual(["check"]), "the held step ran after the restart");
            var journal = (await admin2.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/journal"))!;
            Assert.Single(journal["entries"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "ActivityCompleted" && e["activityId"]?.GetValue<string>() == "work");
            Assert.True(journal["verification"]!["intact"]!.GetValue<bool>());
            Assert.Equal(0L, await ClusterSql.ScalarAsync(connectionString, $"SELECT count(*) FROM wf_jobs WHERE \"InstanceId\" = '{id}'"));
            passed = true;
        }
        finally
        {
            await DisposeAsync(hosts, passed);
        }
    }

    [Fact]
    public async Task A_job_that_kills_its_host_on_every_try_ends_in_an_incident_instead_of_a_crash_loop()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync("lease");
        using var folder = TemporaryFolder.Create("cluster-tests");
        var connectionString = database.ConnectionString;
        var hosts = new List<HostProcess>();
        var passed = false;
        try
        {
            var first = Track(hosts, HostProcess.Start("H1", connectionString, Settings("crash"), folder.Path));
            await first.WaitUntilReadyAsync(HostProcess.StartTimeout);
            var nodeId = (await File.ReadAllTextAsync(folder.Combine("node-id"))).Trim();
            string id;
            using (var admin = await first.ClientAsync("admin", HostFixture.Password))
            {
                var suffix = ProcessApi.NewSuffix();
                await admin.DeployAsync("Cluster/JobLeaseCrashTests.AsyncStep.bpmn", suffix);
                id = (await admin.StartAsync($"clusterAsyncStep-{suffix}", new { jurisdiction = Jurisdiction }))["id"]!.GetValue<string>();
            }

            Assert.True(await first.WaitForExitAsync(WorkTimeout), "The job executor did not run the crashing step");
            var crashes = 1;

            // Restart on the same data folder until a Host survives: each restart reclaims the dead run's lease,
            // which counts as a failed try; with the default 3 retries the fourth start raises the incident.
            HostProcess? survivor = null;
            for (var start = 2; start <= 6 && survivor is null; start++)
            {
                var host = Track(hosts, HostProcess.Start($"H{start}", connectionString, Settings("crash"), folder.Path));
                var deadline = DateTime.UtcNow + WorkTimeout;
                while (DateTime.UtcNow < deadline)
                {
                    if (host.HasExited)
                    {
                        crashes++;
                        break;
                    }

                    if (await ClusterSql.ScalarAsync(connectionString, $"SELECT count(*) FROM wf_incidents WHERE \"InstanceId\" = '{id}'") > 0)
                    {
                        survivor = host;
                        break;
                    }

                    await Task.Delay(250);
                }

                Assert.True(host.HasExited || survivor is not null, $"Host H{start} neither crashed nor raised the incident.\n{host.Output()}");
            }

            output.WriteLine($"{crashes} crashes before the incident");
            Assert.NotNull(survivor);
            Assert.Equal(3, crashes);
            await survivor.WaitUntilReadyAsync(HostProcess.StartTimeout);
            using var admin2 = await survivor.ClientAsync("admin", HostFixture.Password);
            var view = (await admin2.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
            Assert.Equal("incident", view["status"]!.GetValue<string>());
            var incidents = (await admin2.GetFromJsonAsync<JsonNode>($"/api/incidents?instanceId={id}"))!;
            var text = incidents.ToJsonString();
            Assert.Contains("failedJob", text, StringComparison.Ordinal);
            Assert.Contains(nodeId + "/", text, StringComparison.Ordinal);
            Assert.Equal(0L, await ClusterSql.ScalarAsync(connectionString, $"SELECT count(*) FROM wf_jobs WHERE \"InstanceId\" = '{id}'"));
            Assert.False(survivor.HasExited);
            passed = true;
        }
        finally
        {
            await DisposeAsync(hosts, passed);
        }
    }

    private static Dictionary<string, string> Settings(string fault) => new()
    {
        ["Anju__FaultInjection__JobFault"] = fault,
        ["Anju__Engine__JobLeaseSeconds"] = LongLease,
    };

    private static HostProcess Track(List<HostProcess> hosts, HostProcess host)
    {
        hosts.Add(host);
        return host;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + WorkTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not done within {WorkTimeout.TotalSeconds} s (the lease lasts {LongLease} s): {what}");
            await Task.Delay(250);
        }
    }

    private static async Task<string?> LockOwnerAsync(string connectionString, string instanceId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"LockOwner\" FROM wf_jobs WHERE \"InstanceId\" = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(instanceId));
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Stops the hosts, writing their output when the test failed; the database and folder go with their scope.</summary>
    private async Task DisposeAsync(List<HostProcess> hosts, bool passed)
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
