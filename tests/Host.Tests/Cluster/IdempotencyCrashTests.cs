using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Testing;
using Npgsql;
using Anju.Host.Requests;

namespace Anju.Host.Tests.Cluster;

/// <summary>
/// Exactly-once across a crash (issue 15), with real processes: a Host is killed (SIGKILL) after a start's command
/// committed and before its answer was stored (held there by fault injection, Development only); a fresh Host on the
/// same database answers the client's retry with the instance the first one created, and creates no second one.
/// </summary>
public sealed class IdempotencyCrashTests
{
    private const string Password = HostFixture.Password;

    [Fact]
    public async Task A_start_retried_after_the_host_was_killed_between_commit_and_answer_gets_the_committed_instance()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync("crash");
        var connectionString = database.ConnectionString;
        var key = "crash-" + Guid.NewGuid().ToString("N")[..10];
        var businessKey = "TS-" + key;
        var body = new { businessKey, variables = new { category = "facilities", description = "电梯停运两天" } };
        string? committedId;
        await using (var first = HostProcess.Start("A", connectionString, new Dictionary<string, string> { ["Anju__FaultInjection__HoldAfterCommitKey"] = key }))
        {
            await first.WaitUntilReadyAsync(HostProcess.StartTimeout);
            using var owner = await first.ClientAsync("owner.li", Password);
            using var request = Start(key, body);
            var pending = owner.SendAsync(request);
            await first.WaitForOutputAsync("fault-injection: holding request", TimeSpan.FromSeconds(60));
            committedId = await InstanceIdAsync(connectionString, businessKey);
            Assert.NotNull(committedId); // the command committed before the process died
            await first.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => pending); // the client never got its answer
        }

        await using var second = HostProcess.Start("B", connectionString, new Dictionary<string, string> { ["Anju__Idempotency__StaleAfterSeconds"] = "1" });
        await second.WaitUntilReadyAsync(HostProcess.StartTimeout);
        using var retrying = await second.ClientAsync("owner.li", Password);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var retry = await retrying.SendAsync(Start(key, body));

        Assert.True(retry.StatusCode == HttpStatusCode.Created, $"{(int)retry.StatusCode} {await retry.Content.ReadAsStringAsync()}\n{second.Output()}");
        Assert.Equal(committedId, (await retry.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        Assert.Equal(1L, await ClusterSql.ScalarAsync(connectionString, $"SELECT count(*) FROM wf_instances WHERE \"BusinessKey\" = '{businessKey}'"));
    }

    private static HttpRequestMessage Start(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/complaint-handling/instances") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<string?> InstanceIdAsync(string connectionString, string businessKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\"::text FROM wf_instances WHERE \"BusinessKey\" = @key", connection);
        command.Parameters.AddWithValue("key", businessKey);
        return await command.ExecuteScalarAsync() as string;
    }
}
