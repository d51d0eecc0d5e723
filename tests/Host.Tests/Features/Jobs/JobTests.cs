using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Jobs;

public abstract class JobTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private async Task<JsonObject> StartDeadlineAsync(string jurisdiction)
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Jobs/JobTests.Deadline.bpmn", suffix);
        return await admin.StartAsync($"deadline-{suffix}", new { jurisdiction });
    }

    [Fact]
    public async Task Executing_the_deadline_timer_now_fires_the_boundary_event()
    {
        var instance = await StartDeadlineAsync("binjiang-garden");
        var admin = await host.ClientAsync("admin");

        var jobs = await admin.GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={instance["id"]}");
        var job = Assert.Single(jobs!)!;
        var executed = await admin.PostAsync($"/api/jobs/{job["id"]}/execute", null);

        Assert.Equal("timer", job["type"]!.GetValue<string>());
        Assert.Equal("deadline", job["activityId"]!.GetValue<string>());
        Assert.Equal(instance["id"]!.GetValue<string>(), job["instanceId"]!.GetValue<string>());
        Assert.True(job["dueAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Equal(HttpStatusCode.NoContent, executed.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}");
        Assert.Equal(["escalate"], view!["activeActivityIds"].Strings());
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={instance["id"]}"))!);
    }

    [Fact]
    public async Task Running_a_job_now_with_a_reason_journals_the_reason_and_the_administrator()
    {
        var instance = await StartDeadlineAsync("binjiang-garden");
        var admin = await host.ClientAsync("admin");
        var job = (await admin.GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={instance["id"]}"))![0]!;

        var executed = await admin.PostAsJsonAsync($"/api/jobs/{job["id"]}/execute", new { reason = "业主来电，督办时限已到，立即升级。" });

        Assert.Equal(HttpStatusCode.NoContent, executed.StatusCode);
        var journal = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}/journal");
        var entry = Assert.Single(journal!["entries"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "JobExecutedNow")!;
        Assert.Equal("deadline", entry["activityId"]!.GetValue<string>());
        Assert.Equal("admin", entry["actor"]!.GetValue<string>());
        Assert.Equal("业主来电，督办时限已到，立即升级。", entry["details"]!["reason"]!.GetValue<string>());
        Assert.Equal("timer", entry["details"]!["job"]!.GetValue<string>());
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}");
        Assert.Equal(["escalate"], view!["activeActivityIds"].Strings());
    }

    [Fact]
    public async Task A_blank_or_too_long_reason_is_refused_and_the_job_stays()
    {
        var instance = await StartDeadlineAsync("binjiang-garden");
        var admin = await host.ClientAsync("admin");
        var job = (await admin.GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={instance["id"]}"))![0]!;

        var blank = await admin.PostAsJsonAsync($"/api/jobs/{job["id"]}/execute", new { reason = "  " });
        var tooLong = await admin.PostAsJsonAsync($"/api/jobs/{job["id"]}/execute", new { reason = new string('因', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["reason"]);
        Assert.Single((await admin.GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={instance["id"]}"))!);
    }

    [Fact]
    public async Task A_supervisor_lists_the_jobs_of_their_jurisdiction_only()
    {
        var instance = await StartDeadlineAsync("binjiang-garden");

        var chengjiang = await (await host.ClientAsync("street.chengjiang")).GetAsync($"/api/jobs?instanceId={instance["id"]}");
        var nanzha = await (await host.ClientAsync("street.nanzha")).GetAsync($"/api/jobs?instanceId={instance["id"]}");
        var nanzhaAll = await (await host.ClientAsync("street.nanzha")).GetFromJsonAsync<JsonArray>("/api/jobs");
        var owner = await (await host.ClientAsync("owner.li")).GetAsync("/api/jobs");

        Assert.Single(await chengjiang.JsonArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, nanzha.StatusCode);
        Assert.DoesNotContain(nanzhaAll!, j => j!["instanceId"]?.GetValue<string>() == instance["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, owner.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_execute_jobs_and_an_unknown_job_is_404()
    {
        var instance = await StartDeadlineAsync("binjiang-garden");
        var admin = await host.ClientAsync("admin");
        var job = (await admin.GetFromJsonAsync<JsonArray>($"/api/jobs?instanceId={instance["id"]}"))![0]!;

        var byStreet = await (await host.ClientAsync("street.chengjiang")).PostAsync($"/api/jobs/{job["id"]}/execute", null);
        var unknown = await admin.PostAsync($"/api/jobs/{Guid.NewGuid()}/execute", null);

        Assert.Equal(HttpStatusCode.Forbidden, byStreet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

public sealed class SqliteJobTests(SqliteHost host) : JobTests<SqliteHost>(host);

public sealed class PostgresJobTests(PostgresHost host) : JobTests<PostgresHost>(host);
