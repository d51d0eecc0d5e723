using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Anju.Host.Requests;

namespace Anju.Host.Tests.Features.Tasks;

public abstract class TaskActionsTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task Claim_takes_the_task_and_unclaim_gives_it_back()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
        Assert.Equal("community.huangshan", await TaskFlow.AssigneeAsync(host, taskId));

        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsync($"/api/tasks/{taskId}/unclaim", null)).StatusCode);
        Assert.Null(await TaskFlow.AssigneeAsync(host, taskId));
    }

    [Fact]
    public async Task Claiming_or_completing_a_task_another_candidate_holds_is_409()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang", "en");
        await community.PostAsync($"/api/tasks/{taskId}/claim", null);

        var claim = await street.PostAsync($"/api/tasks/{taskId}/claim", null);
        var complete = await street.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection());

        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        var problem = await claim.JsonAsync();
        Assert.Equal("task.claimedByOther", problem["code"]!.GetValue<string>());
        Assert.Contains("community.huangshan", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.Equal("community.huangshan", await TaskFlow.AssigneeAsync(host, taskId));
    }

    [Fact]
    public async Task Only_the_holder_or_an_administrator_may_unclaim()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        await community.PostAsync($"/api/tasks/{taskId}/claim", null);

        var byOtherCandidate = await (await host.ClientAsync("street.chengjiang")).PostAsync($"/api/tasks/{taskId}/unclaim", null);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherCandidate.StatusCode);
        Assert.Equal("community.huangshan", await TaskFlow.AssigneeAsync(host, taskId));

        var byAdmin = await (await host.ClientAsync("admin")).PostAsync($"/api/tasks/{taskId}/unclaim", null);
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
        Assert.Null(await TaskFlow.AssigneeAsync(host, taskId));
    }

    [Fact]
    public async Task Completing_is_204_the_next_step_appears_and_the_task_is_in_the_done_list()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal("approve", Assert.Single(await street.ItemsAsync($"instanceId={instanceId}"))!["activityId"]!.GetValue<string>());
        Assert.Empty(await community.ItemsAsync($"instanceId={instanceId}"));
        var done = await (await community.GetAsync("/api/tasks/done?pageSize=200")).JsonAsync();
        var entry = Assert.Single(done["items"]!.AsArray(), i => i!["taskId"]!.GetValue<string>() == taskId.ToString())!;
        Assert.Equal(TaskFlow.Key, entry["definitionKey"]!.GetValue<string>());
        Assert.DoesNotContain((await (await street.GetAsync("/api/tasks/done")).JsonAsync())["items"]!.AsArray(), i => i!["taskId"]!.GetValue<string>() == taskId.ToString());
        var instance = await host.Services.GetRequiredService<WorkflowEngine>().GetInstanceAsync(instanceId);
        Assert.Equal("已现场核查", instance!.Variables["opinion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("zh-CN", "至少输入 2 个字符。", "不能大于 10。", "请从给定选项中选择。", "不能小于 2026-01-01。", "请选择是或否。", "此项为只读，不能修改。")]
    [InlineData("en", "Enter at least 2 characters.", "Must be at most 10.", "Choose one of the given options.", "Must be at least 2026-01-01.", "Choose yes or no.", "This field is read-only.")]
    public async Task Form_errors_are_reported_per_field_in_the_callers_language_and_nothing_changes(
        string language, string opinion, string households, string result, string visitedOn, string urgent, string caseNo)
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan", language);
        var body = new JsonObject
        {
            ["variables"] = new JsonObject
            {
                ["opinion"] = "x",
                ["households"] = 11,
                ["result"] = "maybe",
                ["visitedOn"] = "2025-12-31",
                ["urgent"] = "yes",
                ["caseNo"] = "JY-9999",
                ["extra"] = 1,
            },
        };

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!;
        Assert.Equal(opinion, errors["opinion"]![0]!.GetValue<string>());
        Assert.Equal(households, errors["households"]![0]!.GetValue<string>());
        Assert.Equal(result, errors["result"]![0]!.GetValue<string>());
        Assert.Equal(visitedOn, errors["visitedOn"]![0]!.GetValue<string>());
        Assert.Equal(urgent, errors["urgent"]![0]!.GetValue<string>());
        Assert.Equal(caseNo, errors["caseNo"]![0]!.GetValue<string>());
        Assert.NotNull(errors["extra"]);
        Assert.Single(await community.ItemsAsync($"instanceId={instanceId}"));
        var instance = await host.Services.GetRequiredService<WorkflowEngine>().GetInstanceAsync(instanceId);
        Assert.False(instance!.Variables.ContainsKey("opinion"));
    }

    [Fact]
    public async Task Missing_required_fields_are_400_naming_each()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { opinion = "  " } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["opinion", "result"], errors.Select(e => e.Key).Order());
        Assert.Equal("此项为必填项。", errors["result"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_completes_once_and_replays_the_answer()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var key = Guid.NewGuid().ToString();

        var first = await Send(community, taskId, key, TaskFlow.ValidInspection());
        var second = await Send(community, taskId, key, TaskFlow.ValidInspection());
        var otherBody = TaskFlow.ValidInspection();
        otherBody["variables"]!["opinion"] = "另一意见";
        var mismatch = await Send(community, taskId, key, otherBody);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        var (journal, _) = await host.Services.GetRequiredService<WorkflowEngine>().ReadJournalAsync(instanceId);
        Assert.Single(journal, j => j.Type == "TaskCompleted");
    }

    [Fact]
    public async Task Two_simultaneous_completions_succeed_once()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");

        var responses = await Task.WhenAll(
            community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection()),
            street.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection()));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal(HttpStatusCode.NoContent, statuses[0]);
        Assert.Contains(statuses[1], new[] { HttpStatusCode.Conflict, HttpStatusCode.NotFound });
        var (journal, _) = await host.Services.GetRequiredService<WorkflowEngine>().ReadJournalAsync(instanceId);
        Assert.Single(journal, j => j.Type == "TaskCompleted");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, Guid taskId, string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}

public sealed class SqliteTaskActionsTests(SqliteHost host) : TaskActionsTests<SqliteHost>(host);

public sealed class PostgresTaskActionsTests(PostgresHost host) : TaskActionsTests<PostgresHost>(host);
