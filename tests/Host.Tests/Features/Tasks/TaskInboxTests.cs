using System.Net;
using System.Net.Http.Json;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Tasks;

public abstract class TaskInboxTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task The_community_worker_of_the_compound_sees_its_task_with_the_form_and_defaults()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var items = await community.ItemsAsync($"instanceId={instanceId}");
        var task = await (await community.GetAsync($"/api/tasks/{taskId}")).JsonAsync();

        Assert.Equal(taskId.ToString(), Assert.Single(items)!["id"]!.GetValue<string>());
        Assert.Equal("社区核查", task["name"]!.GetValue<string>());
        Assert.Equal(TaskFlow.Binjiang, task["jurisdiction"]!.GetValue<string>());
        Assert.Equal(["community", "street-office"], task["candidateGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var fields = task["form"]!["fields"]!.AsArray();
        Assert.Equal(["opinion", "households", "result", "visitedOn", "urgent", "caseNo"], fields.Select(f => f!["id"]!.GetValue<string>()));
        var caseNo = fields.Single(f => f!["id"]!.GetValue<string>() == "caseNo")!;
        Assert.Equal(TaskFlow.CaseNo, caseNo["defaultValue"]!.GetValue<string>());
        Assert.True(caseNo["readOnly"]!.GetValue<bool>());
        Assert.True(fields[0]!["required"]!.GetValue<bool>());
        Assert.Equal(["pass", "fail"], fields[2]!["enumValues"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_street_official_of_another_street_neither_sees_nor_can_act_on_it()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var nanzha = await host.ClientAsync("street.nanzha");

        var items = await nanzha.ItemsAsync($"instanceId={instanceId}");
        var get = await nanzha.GetAsync($"/api/tasks/{taskId}");
        var claim = await nanzha.PostAsync($"/api/tasks/{taskId}/claim", null);
        var complete = await nanzha.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection());

        Assert.Empty(items);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Null(await TaskFlow.AssigneeAsync(host, taskId));
    }

    [Fact]
    public async Task An_owner_does_not_see_a_community_task_in_his_own_compound()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var owner = await host.ClientAsync("owner.li");

        Assert.Empty(await owner.ItemsAsync($"instanceId={instanceId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/tasks/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_sees_tasks_everywhere_and_the_community_only_its_own()
    {
        var prefix = "ADM-" + Guid.NewGuid().ToString("N")[..8];
        await TaskFlow.StartAsync(host, prefix + "-binjiang");
        await TaskFlow.StartAsync(host, prefix + "-xingfuli", jurisdiction: TaskFlow.Xingfuli);
        var admin = await host.ClientAsync("admin");
        var community = await host.ClientAsync("community.huangshan");

        var seenByAdmin = await admin.ItemsAsync($"text={prefix}");
        var seenByCommunity = await community.ItemsAsync($"text={prefix}");

        Assert.Equal(2, seenByAdmin.Count);
        Assert.Equal(prefix + "-binjiang", Assert.Single(seenByCommunity)!["businessKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_claimed_task_leaves_the_other_candidates_inboxes()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");
        Assert.Single(await street.ItemsAsync($"instanceId={instanceId}"));

        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);

        Assert.Empty(await street.ItemsAsync($"instanceId={instanceId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Single(await community.ItemsAsync($"instanceId={instanceId}&assignedToMe=true"));
        Assert.Empty(await community.ItemsAsync($"instanceId={instanceId}&candidate=true"));
    }

    [Fact]
    public async Task Pages_are_sorted_by_due_date_with_undated_tasks_last()
    {
        var prefix = "PAGE-" + Guid.NewGuid().ToString("N")[..8];
        await TaskFlow.StartAsync(host, prefix + "-none");
        await TaskFlow.StartAsync(host, prefix + "-c", "2031-03-01T00:00:00Z");
        await TaskFlow.StartAsync(host, prefix + "-a", "2031-01-01T00:00:00Z");
        await TaskFlow.StartAsync(host, prefix + "-b", "2031-02-01T00:00:00Z");
        await TaskFlow.StartAsync(host, prefix + "-d", "2031-04-01T00:00:00Z");
        var community = await host.ClientAsync("community.huangshan");

        var second = await (await community.GetAsync($"/api/tasks?text={prefix}&page=2&pageSize=2")).JsonAsync();
        var third = await community.ItemsAsync($"text={prefix}&page=3&pageSize=2");

        Assert.Equal(5, second["total"]!.GetValue<int>());
        Assert.Equal(2, second["page"]!.GetValue<int>());
        Assert.Equal([prefix + "-c", prefix + "-d"], second["items"]!.AsArray().Select(t => t!["businessKey"]!.GetValue<string>()));
        Assert.Equal(prefix + "-none", Assert.Single(third)!["businessKey"]!.GetValue<string>());
        Assert.Empty(await community.ItemsAsync($"text={prefix}&definitionKey=another-process"));
        Assert.Equal(2, (await community.ItemsAsync($"text={prefix}&dueBefore=2031-02-15")).Count);
        Assert.Equal(5, (await community.ItemsAsync($"text={prefix}&jurisdiction=binjiang-garden")).Count);
        Assert.Empty(await community.ItemsAsync($"text={prefix}&jurisdiction=jiangyin/chengjiang/huangshan/yuxiu-court"));
    }

    [Fact]
    public async Task The_overdue_filter_keeps_only_tasks_past_their_due_date()
    {
        var prefix = "LATE-" + Guid.NewGuid().ToString("N")[..8];
        await TaskFlow.StartAsync(host, prefix + "-late", "2020-01-01T00:00:00Z");
        await TaskFlow.StartAsync(host, prefix + "-early", "2099-01-01T00:00:00Z");
        await TaskFlow.StartAsync(host, prefix + "-undated");
        var community = await host.ClientAsync("community.huangshan");

        var overdue = await community.ItemsAsync($"text={prefix}&overdue=true");
        var onTime = await community.ItemsAsync($"text={prefix}&overdue=false");

        Assert.Equal(prefix + "-late", Assert.Single(overdue)!["businessKey"]!.GetValue<string>());
        Assert.Equal(2, onTime.Count);
    }

    [Theory]
    [InlineData("zh-CN", "不能大于 200。")]
    [InlineData("en", "Must be at most 200.")]
    public async Task Bad_query_values_are_400_with_a_message_per_parameter(string language, string pageSizeMessage)
    {
        var community = await host.ClientAsync("community.huangshan", language);

        var response = await community.GetAsync("/api/tasks?pageSize=500&page=0&overdue=maybe&instanceId=x&jurisdiction=atlantis");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["instanceId", "jurisdiction", "overdue", "page", "pageSize"], errors.Select(e => e.Key).Order());
        Assert.Equal(pageSizeMessage, errors["pageSize"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_the_tasks_api_answers_401()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var anonymous = host.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection())).StatusCode);
        Assert.Null(await TaskFlow.AssigneeAsync(host, taskId));
        Assert.Equal(HttpStatusCode.OK, (await (await host.ClientAsync("admin")).GetAsync($"/api/tasks/{taskId}")).StatusCode);
    }
}

public sealed class SqliteTaskInboxTests(SqliteHost host) : TaskInboxTests<SqliteHost>(host);

public sealed class PostgresTaskInboxTests(PostgresHost host) : TaskInboxTests<PostgresHost>(host);
