using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Tasks;

/// <summary>What the task page offers for 退回 (earlier steps) and 转办 (colleagues who may take the task).</summary>
public abstract class TaskChoicesTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task A_first_step_has_no_return_target_and_a_later_one_offers_the_steps_done()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var street = await host.ClientAsync("street.chengjiang");

        var first = await community.GetAsync($"/api/tasks/{inspectId}/return-targets");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty((await first.Content.ReadFromJsonAsync<JsonArray>())!);

        await community.PostAsJsonAsync($"/api/tasks/{inspectId}/complete", TaskFlow.ValidInspection());
        var approveId = Assert.Single(await street.ItemsAsync($"instanceId={instanceId}"))!["id"]!.GetValue<string>();
        var targets = (await street.GetFromJsonAsync<JsonArray>($"/api/tasks/{approveId}/return-targets"))!;

        var target = Assert.Single(targets)!;
        Assert.Equal("inspect", target["activityId"]!.GetValue<string>());
        Assert.Equal("社区核查", target["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Return_targets_of_a_task_out_of_reach_are_404()
    {
        var (_, inspectId) = await TaskFlow.StartAsync(host);
        var outside = await host.ClientAsync("street.nanzha");

        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/tasks/{inspectId}/return-targets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/tasks/{inspectId}/delegates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/tasks/{Guid.NewGuid()}/return-targets")).StatusCode);
    }

    [Fact]
    public async Task Delegates_are_the_candidates_in_reach_and_not_the_caller()
    {
        var (_, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var names = await DelegatesAsync(community, inspectId, "");

        Assert.Contains("street.chengjiang", names);       // street-office, covers 滨江花园
        Assert.DoesNotContain("street.nanzha", names);     // street-office of another street
        Assert.DoesNotContain("owner.li", names);          // not a candidate role
        Assert.DoesNotContain("community.huangshan", names); // the caller
        Assert.DoesNotContain("community.xingfu", names);  // community of another street
        Assert.Equal(["street.chengjiang"], await DelegatesAsync(community, inspectId, "chengjiang"));
        Assert.Empty(await DelegatesAsync(community, inspectId, "nobody"));
    }

    [Fact]
    public async Task Every_offered_delegate_is_accepted_by_the_delegate_call()
    {
        var (_, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var names = await DelegatesAsync(community, inspectId, "");
        Assert.NotEmpty(names);

        foreach (var name in names)
        {
            var (_, taskId) = await TaskFlow.StartAsync(host);
            var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { username = name, reason = "转办测试" });
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_department_task_can_be_delegated_to_a_colleague_of_the_same_department()
    {
        var admin = await host.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username = "dept.xiaofang2",
            displayName = "市消防救援大队 孙参谋",
            password = "Anju@2026x",
            roles = new[] { "department" },
            jurisdictions = new[] { "jiangyin" },
            departmentId = "xiaofang",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("dept-task.bpmn", DepartmentProcess)], DeployedBy = "admin" });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
        var instance = await engine.StartAsync(new StartInstance { DefinitionKey = "deptTask", Jurisdiction = TaskFlow.Binjiang, Actor = "admin" });
        var taskId = instance.OpenTasks.Single().Id;
        var officer = await host.ClientAsync("dept.xiaofang");

        Assert.Equal(["dept.xiaofang2"], await DelegatesAsync(officer, taskId, ""));
        var response = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { username = "dept.xiaofang2", reason = "请孙参谋现场检查" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("dept.xiaofang2", await TaskFlow.AssigneeAsync(host, taskId));

        var other = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { username = "dept.zhujian", reason = "转办" });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode); // the colleague holds it now; it is no longer dept.xiaofang's to give
    }

    private static async Task<List<string>> DelegatesAsync(HttpClient client, Guid taskId, string q)
    {
        var response = await client.GetAsync($"/api/tasks/{taskId}/delegates?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(d => d!["username"]!.GetValue<string>())];
    }

    private const string DepartmentProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="urn:anju:test">
          <bpmn:process id="deptTask" name="部门任务" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="inspect" />
            <bpmn:userTask id="inspect" name="消防检查" camunda:candidateGroups="dept:xiaofang" />
            <bpmn:sequenceFlow id="f2" sourceRef="inspect" targetRef="e" />
            <bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}

public sealed class SqliteTaskChoicesTests(SqliteHost host) : TaskChoicesTests<SqliteHost>(host);

public sealed class PostgresTaskChoicesTests(PostgresHost host) : TaskChoicesTests<PostgresHost>(host);
