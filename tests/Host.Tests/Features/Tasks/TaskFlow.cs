using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Tasks;

/// <summary>
/// The review process of TaskFlow.Review.bpmn, deployed as the administrator would, and one fresh case per
/// call, so that no test depends on another's data.
/// </summary>
internal static class TaskFlow
{
    public const string Key = "taskReview";
    public const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";
    public const string Xingfuli = "jiangyin/nanzha/xingfu/xingfuli";
    public const string CaseNo = "JY-2026-001";

    public static async Task<(Guid InstanceId, Guid TaskId)> StartAsync(HostFixture host, string? businessKey = null, string? dueAt = null, string jurisdiction = Binjiang)
    {
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features", "Tasks", "TaskFlow.Review.bpmn"));
        var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("TaskFlow.Review.bpmn", xml)], DeployedBy = "admin" });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
        var instance = await engine.StartAsync(new StartInstance
        {
            DefinitionKey = Key,
            BusinessKey = businessKey ?? "BK-" + Guid.NewGuid().ToString("N")[..10],
            Jurisdiction = jurisdiction,
            Variables = new Dictionary<string, JsonNode?> { ["dueAt"] = dueAt ?? "", ["caseNo"] = CaseNo },
            Actor = "admin",
        });
        return (instance.Id, instance.OpenTasks.Single().Id);
    }

    /// <summary>Values that pass the inspect form.</summary>
    public static JsonObject ValidInspection() => new()
    {
        ["variables"] = new JsonObject
        {
            ["opinion"] = "已现场核查",
            ["households"] = 3,
            ["result"] = "pass",
            ["visitedOn"] = "2026-03-01",
            ["urgent"] = true,
            ["caseNo"] = CaseNo,
        },
    };

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> ItemsAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/tasks?" + query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["items"]!.AsArray();
    }

    public static async Task<string?> AssigneeAsync(HostFixture host, Guid taskId)
    {
        var admin = await host.ClientAsync("admin");
        var task = await (await admin.GetAsync($"/api/tasks/{taskId}")).JsonAsync();
        return task["assignee"]?.GetValue<string>();
    }
}
