using System.Net;
using System.Net.Http.Json;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Tasks;

/// <summary>退回 (return to an earlier step) and 转办 (delegate to a colleague).</summary>
public abstract class TaskApprovalTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task Returning_sends_the_case_back_to_the_earlier_step_with_the_reason_journaled()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");
        await community.PostAsJsonAsync($"/api/tasks/{inspectId}/complete", TaskFlow.ValidInspection());
        var approveId = Assert.Single(await street.ItemsAsync($"instanceId={instanceId}"))!["id"]!.GetValue<string>();

        var response = await street.PostAsJsonAsync($"/api/tasks/{approveId}/return", new { toActivityId = "inspect", reason = "照片不清晰，请重新核查" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("inspect", Assert.Single(await community.ItemsAsync($"instanceId={instanceId}"))!["activityId"]!.GetValue<string>());
        var (journal, _) = await host.Services.GetRequiredService<WorkflowEngine>().ReadJournalAsync(instanceId);
        var returned = Assert.Single(journal, j => j.Type == "TaskReturned");
        Assert.Equal("street.chengjiang", returned.Actor);
        Assert.Contains("照片不清晰", returned.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "此项为必填项。")]
    [InlineData("", "此项为必填项。")]
    [InlineData("long", "最多输入 500 个字符。")]
    public async Task Returning_needs_a_reason_of_at_most_500_characters(string? reason, string message)
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");
        await community.PostAsJsonAsync($"/api/tasks/{inspectId}/complete", TaskFlow.ValidInspection());
        var approveId = Assert.Single(await street.ItemsAsync($"instanceId={instanceId}"))!["id"]!.GetValue<string>();

        var response = await street.PostAsJsonAsync($"/api/tasks/{approveId}/return", new { reason = reason == "long" ? new string('退', 501) : reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync())["errors"]!["reason"]![0]!.GetValue<string>());
        Assert.Equal("approve", Assert.Single(await street.ItemsAsync($"instanceId={instanceId}"))!["activityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Returning_a_first_step_has_nowhere_to_go_and_is_400()
    {
        var (_, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var response = await community.PostAsJsonAsync($"/api/tasks/{inspectId}/return", new { reason = "无" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delegating_to_a_candidate_in_reach_hands_the_task_over()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { username = "street.chengjiang", reason = "涉及违建，请街道处理" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var task = await (await street.GetAsync($"/api/tasks/{taskId}")).JsonAsync();
        Assert.Equal("street.chengjiang", task["assignee"]!.GetValue<string>());
        Assert.Equal("community.huangshan", task["delegatedFrom"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        var (journal, _) = await host.Services.GetRequiredService<WorkflowEngine>().ReadJournalAsync(instanceId);
        Assert.Equal("community.huangshan", Assert.Single(journal, j => j.Type == "TaskDelegated").Actor);
    }

    [Theory]
    [InlineData("owner.li", "转办对象 owner.li 不是该任务的候选办理人（角色不符）。")]
    [InlineData("street.nanzha", "转办对象 street.nanzha 的管辖范围不包括该任务所在辖区。")]
    [InlineData("nobody.here", "转办对象不存在：nobody.here")]
    [InlineData("community.huangshan", "不能把任务转办给自己。")]
    public async Task Delegating_to_someone_who_could_not_take_the_task_is_400(string username, string message)
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { username, reason = "转办" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync())["errors"]!["username"]![0]!.GetValue<string>());
        Assert.Null(await TaskFlow.AssigneeAsync(host, taskId));
    }

    [Fact]
    public async Task Delegating_needs_a_reason()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan", "en");

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { username = "street.chengjiang" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This field is required.", (await response.JsonAsync())["errors"]!["reason"]![0]!.GetValue<string>());
        Assert.Null(await TaskFlow.AssigneeAsync(host, taskId));
    }
}

public sealed class SqliteTaskApprovalTests(SqliteHost host) : TaskApprovalTests<SqliteHost>(host);

public sealed class PostgresTaskApprovalTests(PostgresHost host) : TaskApprovalTests<PostgresHost>(host);
