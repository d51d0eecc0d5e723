using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Anju.Definitions.Tests.Support;

/// <summary>The few API calls every scenario makes, with failures that say what the server answered.</summary>
public static class ProcedureApi
{
    public const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";
    public const string Yuxiu = "jiangyin/chengjiang/huangshan/yuxiu-court";
    public const string Xingfuli = "jiangyin/nanzha/xingfu/xingfuli";

    public static async Task<JsonObject> Json(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonObject> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["items"] = JsonNode.Parse(text) };
    }

    /// <summary>Starts the latest version of a procedure in a compound.</summary>
    public static Task<JsonObject> StartAsync(this HttpClient client, string key, string jurisdiction, object variables, string? businessKey = null) =>
        client.PostAsJsonAsync($"/api/definitions/{key}/instances", new { jurisdiction, variables, businessKey }).Expect(HttpStatusCode.Created);

    public static Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        client.GetAsync($"/api/instances/{instanceId}").Expect(HttpStatusCode.OK);

    /// <summary>The open tasks of an instance the caller can see (in its inbox).</summary>
    public static async Task<List<JsonObject>> TasksAsync(this HttpClient client, string instanceId)
    {
        var page = await client.GetAsync($"/api/tasks?instanceId={instanceId}&pageSize=200").Expect(HttpStatusCode.OK);
        var items = page["items"]!.AsArray();
        return [.. items.Select(i => i!.AsObject())];
    }

    /// <summary>The caller's task at an activity of the instance; fails naming what the caller does see.</summary>
    public static async Task<JsonObject> TaskAsync(this HttpClient client, string instanceId, string activityId)
    {
        var tasks = await client.TasksAsync(instanceId);
        var match = tasks.Where(t => t["activityId"]!.GetValue<string>() == activityId).ToList();
        Assert.True(match.Count == 1, $"expected one visible task '{activityId}', the caller sees: [{string.Join(", ", tasks.Select(t => t["activityId"]))}]");
        return match[0];
    }

    /// <summary>True when the caller sees a task at that activity of the instance.</summary>
    public static async Task<bool> SeesTaskAsync(this HttpClient client, string instanceId, string activityId) =>
        (await client.TasksAsync(instanceId)).Any(t => t["activityId"]!.GetValue<string>() == activityId);

    /// <summary>Completes the caller's task at an activity (claiming it first, as the inbox does).</summary>
    public static async Task CompleteAsync(this HttpClient client, string instanceId, string activityId, object? variables = null)
    {
        var task = await client.TaskAsync(instanceId, activityId);
        var id = task["id"]!.GetValue<string>();
        await client.PostAsync($"/api/tasks/{id}/claim", null).Expect(HttpStatusCode.NoContent);
        await client.PostAsJsonAsync($"/api/tasks/{id}/complete", new { variables = variables ?? new { } }).Expect(HttpStatusCode.NoContent);
    }

    public static async Task<List<string>> ActiveAsync(this HttpClient client, string instanceId) =>
        [.. (await client.InstanceAsync(instanceId))["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>())];

    public static async Task<List<JsonObject>> JournalAsync(this HttpClient client, string instanceId)
    {
        var body = await client.GetAsync($"/api/instances/{instanceId}/journal").Expect(HttpStatusCode.OK);
        var entries = body["entries"] ?? body["items"];
        return [.. entries!.AsArray().Select(e => e!.AsObject())];
    }
}
