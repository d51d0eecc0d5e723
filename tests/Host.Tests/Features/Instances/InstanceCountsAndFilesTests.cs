using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Features.Tasks;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Instances;

/// <summary>The monitor's counts (GET /api/instances/counts) and a case's own photos (/api/instances/{id}/attachments).</summary>
public abstract class InstanceCountsAndFilesTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static async Task<JsonObject> CountsAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/instances/counts" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static int Active(JsonObject counts, string key) =>
        counts["byDefinition"]!.AsArray().FirstOrDefault(d => d!["definitionKey"]!.GetValue<string>() == key)?["active"]!.GetValue<int>() ?? 0;

    [Fact]
    public async Task Counts_cover_what_the_caller_may_see_per_procedure_and_status()
    {
        var admin = await host.ClientAsync("admin");
        var nanzha = await host.ClientAsync("street.nanzha");
        var before = await CountsAsync(admin);
        var beforeNanzha = await CountsAsync(nanzha);
        var beforeFiltered = await CountsAsync(admin, "?jurisdiction=nanzha&definitionKey=" + TaskFlow.Key);

        await TaskFlow.StartAsync(host);
        await TaskFlow.StartAsync(host);
        await TaskFlow.StartAsync(host, jurisdiction: TaskFlow.Xingfuli);

        var after = await CountsAsync(admin);
        Assert.Equal(Active(before, TaskFlow.Key) + 3, Active(after, TaskFlow.Key));
        Assert.Equal(before["byStatus"]!["active"]!.GetValue<int>() + 3, after["byStatus"]!["active"]!.GetValue<int>());
        Assert.Equal(before["total"]!.GetValue<int>() + 3, after["total"]!.GetValue<int>());
        Assert.Equal(Active(beforeNanzha, TaskFlow.Key) + 1, Active(await CountsAsync(nanzha), TaskFlow.Key));
        var filtered = await CountsAsync(admin, "?jurisdiction=nanzha&definitionKey=" + TaskFlow.Key);
        Assert.Equal(beforeFiltered["total"]!.GetValue<int>() + 1, filtered["total"]!.GetValue<int>());
        Assert.All(filtered["byDefinition"]!.AsArray(), d => Assert.Equal(TaskFlow.Key, d!["definitionKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_jurisdiction_is_a_bad_request()
    {
        var response = await (await host.ClientAsync("admin")).GetAsync("/api/instances/counts?jurisdiction=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_filer_attaches_photos_to_his_case_and_only_those_who_see_the_case_see_them()
    {
        await TaskFlow.StartAsync(host); // deploys the definition
        var owner = await host.ClientAsync("owner.li");
        var started = await owner.PostAsJsonAsync($"/api/definitions/{TaskFlow.Key}/instances", new { variables = new { dueAt = "", caseNo = "JY-1" } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var upload = await owner.PostAsync($"/api/instances/{instanceId}/attachments", File("漏水.png", Png));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var view = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(view["taskId"]);
        Assert.Equal("owner.li", view["uploadedBy"]!.GetValue<string>());

        var ownList = await owner.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/attachments");
        Assert.Equal("漏水.png", Assert.Single(ownList!)!["fileName"]!.GetValue<string>());
        var community = await host.ClientAsync("community.huangshan");
        Assert.Single((await community.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/attachments"))!);
        var taskId = (await community.ItemsAsync("instanceId=" + instanceId)).Single()!["id"]!.GetValue<string>();
        Assert.Single((await community.GetFromJsonAsync<JsonArray>($"/api/tasks/{taskId}/attachments"))!);

        var nanzha = await host.ClientAsync("street.nanzha");
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.GetAsync($"/api/instances/{instanceId}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.PostAsync($"/api/instances/{instanceId}/attachments", File("x.png", Png))).StatusCode);
    }

    [Fact]
    public async Task A_case_upload_is_checked_like_a_task_upload()
    {
        var (instanceId, _) = await TaskFlow.StartAsync(host);
        var admin = await host.ClientAsync("admin");

        var text = await admin.PostAsync($"/api/instances/{instanceId}/attachments", File("photo.png", "不是图片"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var empty = await admin.PostAsync($"/api/instances/{instanceId}/attachments", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/attachments"))!);
    }

    private static MultipartFormDataContent File(string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { content, "file", name } };
    }
}

public sealed class SqliteInstanceCountsAndFilesTests(SqliteHost host) : InstanceCountsAndFilesTests<SqliteHost>(host);

public sealed class PostgresInstanceCountsAndFilesTests(PostgresHost host) : InstanceCountsAndFilesTests<PostgresHost>(host);
