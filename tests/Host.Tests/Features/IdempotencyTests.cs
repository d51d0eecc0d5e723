using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Instances;
using Anju.Host.Persistence;
using Anju.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Anju.Host.Requests;

namespace Anju.Host.Tests.Features;

/// <summary>
/// Idempotency-Key makes a request exactly-once (issue 15): concurrent requests with one key give one effect and
/// equal answers; a retry after the first request committed gets the stored answer; a retry after the first
/// request's process died finds its effect if it committed, and makes it if it did not.
/// </summary>
public abstract class IdempotencyTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Key = "complaint-handling";
    private static readonly object Body = new { variables = new { category = "facilities", description = "电梯停运两天" } };

    [Fact]
    public async Task Twenty_concurrent_starts_with_one_key_create_one_instance_and_give_twenty_equal_answers()
    {
        var owner = await host.ClientAsync("owner.li");
        var key = "concurrent-" + ProcessApi.NewSuffix();
        var before = await CountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await owner.SendAsync(Start(key));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(201, a.Item1));
        Assert.Single(answers.Select(a => JsonNode.Parse(a.Item2)!["id"]!.GetValue<string>()).Distinct());
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task A_retry_after_the_first_request_committed_gets_the_stored_answer()
    {
        var owner = await host.ClientAsync("owner.li");
        var key = "retry-" + ProcessApi.NewSuffix();

        using var first = await owner.SendAsync(Start(key));
        using var second = await owner.SendAsync(Start(key));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_refused_request_is_stored_too_and_a_different_body_with_the_key_is_422()
    {
        var firm = await host.ClientAsync("firm.binjiang");
        var key = "refused-" + ProcessApi.NewSuffix();

        using var first = await firm.SendAsync(Start(key));
        using var again = await firm.SendAsync(Start(key));
        using var other = await firm.SendAsync(Start(key, new { variables = new { category = "fees", description = "物业费收费不透明" } }));

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task A_retry_after_a_crash_that_left_a_committed_start_and_its_claim_gets_that_instance()
    {
        // The state a process leaves when it dies between the command's commit and storing the answer: a pending
        // claim and the instance, whose id is derived from the key. (The crash test with a real process is in Cluster/.)
        var owner = await host.ClientAsync("owner.li");
        var key = "crashed-" + ProcessApi.NewSuffix();
        using var stale = host.WithWebHostBuilder(b => b.UseSetting("Anju:Idempotency:StaleAfterSeconds", "1"));
        var client = stale.CreateClient();
        client.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        using (var first = await client.SendAsync(Start(key)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        await MarkPendingAsync("owner.li", key);
        var before = await CountAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var retry = await client.SendAsync(Start(key));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(StartInstance.InstanceIdFor("owner.li", key).ToString(), (await retry.Json())["id"]!.GetValue<string>());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_retry_after_a_crash_before_the_commit_starts_the_instance_once()
    {
        var owner = await host.ClientAsync("owner.li");
        var key = "lost-" + ProcessApi.NewSuffix();
        using var stale = host.WithWebHostBuilder(b => b.UseSetting("Anju:Idempotency:StaleAfterSeconds", "1"));
        var client = stale.CreateClient();
        client.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        await InsertPendingClaimAsync("owner.li", key);
        var before = await CountAsync();

        // While the claim is fresh, a retry waits for it and then answers 409 in progress... (not waited for here);
        // once it is stale, the retry finds no instance and starts it.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var retry = await client.SendAsync(Start(key));
        using var again = await client.SendAsync(Start(key));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task A_completion_repeated_without_a_key_is_409_already_done_and_stays_404_for_others()
    {
        var owner = await host.ClientAsync("owner.li");
        var started = await owner.StartAsync(Key, Body);
        var instanceId = started["id"]!.GetValue<string>();
        var community = await host.ClientAsync("community.huangshan");
        var tasks = await (await community.GetAsync($"/api/tasks?instanceId={instanceId}")).Json();
        var taskId = tasks["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var decision = new { variables = new { decision = "reject", category = "facilities", rejectReason = "重复投诉" } };

        using var first = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", decision);
        using var repeat = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", decision);
        using var stranger = await (await host.ClientAsync("street.chengjiang")).PostAsJsonAsync($"/api/tasks/{taskId}/complete", decision);
        using var unknown = await community.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/complete", decision);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        var problem = await repeat.Json();
        Assert.Equal("task.alreadyCompleted", problem.Code());
        Assert.Contains("已于", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static HttpRequestMessage Start(string key, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/definitions/{Key}/instances") { Content = JsonContent.Create(body ?? Body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task MarkPendingAsync(string user, string key)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var changed = await db.IdempotencyRecords.Where(r => r.UserName == user && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, 0).SetProperty(r => r.Body, (string?)null));
        Assert.Equal(1, changed);
    }

    private async Task InsertPendingClaimAsync(string user, string key)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        using var probe = await (await host.ClientAsync(user)).SendAsync(Start("probe-" + key));
        var hash = (await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserName == user && r.Key == "probe-" + key)).RequestHash;
        db.IdempotencyRecords.Add(new IdempotencyRecord { UserName = user, Key = key, RequestHash = hash, StatusCode = 0, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync()
    {
        var admin = await host.ClientAsync("admin");
        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={Key}&pageSize=1");
        return page!["total"]!.GetValue<int>();
    }
}

public sealed class SqliteIdempotencyTests(SqliteHost host) : IdempotencyTests<SqliteHost>(host);

public sealed class PostgresIdempotencyTests(PostgresHost host) : IdempotencyTests<PostgresHost>(host);
