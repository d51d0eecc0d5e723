using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Anju.Host.Tests.Support;

/// <summary>
/// BPMN fixtures made unique per test: every "-SFX" in a fixture (process ids, topics, message names) becomes
/// a fresh suffix, so that tests sharing a host's database never see each other's definitions or tasks.
/// </summary>
public static class ProcessApi
{
    public static string NewSuffix() => Guid.NewGuid().ToString("N")[..10];

    public static string Fixture(string relativePath, string suffix) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)).Replace("-SFX", "-" + suffix, StringComparison.Ordinal);

    public static Task<HttpResponseMessage> PostXmlAsync(this HttpClient client, string url, string xml) =>
        client.PostAsync(url, new StringContent(xml, Encoding.UTF8, "application/xml"));

    /// <summary>Deploys a fixture as admin and fails the test unless it was accepted.</summary>
    public static async Task DeployAsync(this HttpClient admin, string relativePath, string suffix, string query = "")
    {
        var response = await admin.PostXmlAsync("/api/deployments" + query, Fixture(relativePath, suffix));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> StartAsync(this HttpClient client, string key, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/definitions/{key}/instances", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> Json(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>())!;

    public static string Code(this JsonObject problem) => problem["code"]!.GetValue<string>();

    public static IEnumerable<string> Strings(this JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
