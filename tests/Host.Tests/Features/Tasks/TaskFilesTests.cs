using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Tasks;

/// <summary>Comments (办理意见) and attachments on tasks.</summary>
public abstract class TaskFilesTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Comments_are_added_and_listed_oldest_first()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        Assert.Equal(HttpStatusCode.Created, (await community.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = "已联系物业" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await community.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = "明日复查" })).StatusCode);
        var comments = await community.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/tasks/{taskId}/comments");

        Assert.Equal(["已联系物业", "明日复查"], comments!.Select(c => c!["text"]!.GetValue<string>()));
        Assert.Equal("community.huangshan", comments![0]!["author"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public async Task A_comment_must_have_1_to_2000_characters(int length)
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var response = await community.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = new string('字', length) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["text"]);
        Assert.Empty((await community.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/tasks/{taskId}/comments"))!);
    }

    [Fact]
    public async Task Someone_outside_the_jurisdiction_can_neither_read_nor_write_comments()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var nanzha = await host.ClientAsync("street.nanzha");

        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.GetAsync($"/api/tasks/{taskId}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = "看看" })).StatusCode);
    }

    [Fact]
    public async Task An_image_is_stored_listed_and_downloaded_only_within_the_jurisdiction()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var upload = await community.PostAsync($"/api/tasks/{taskId}/attachments", File("现场.png", Png, "image/png"));

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.JsonAsync())["id"]!.GetValue<string>();
        var listed = await community.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/tasks/{taskId}/attachments");
        Assert.Equal("现场.png", Assert.Single(listed!)!["fileName"]!.GetValue<string>());
        var download = await (await host.ClientAsync("street.chengjiang")).GetAsync($"/api/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientAsync("street.nanzha")).GetAsync($"/api/attachments/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var big = new byte[(10 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        var response = await community.PostAsync($"/api/tasks/{taskId}/attachments", File("big.png", big, "image/png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await community.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/tasks/{taskId}/attachments"))!);
    }

    [Fact]
    public async Task A_text_file_named_png_is_415()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");

        var response = await community.PostAsync($"/api/tasks/{taskId}/attachments", File("photo.png", "这不是图片"u8.ToArray(), "image/png"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupportedMediaType", (await response.JsonAsync())["code"]!.GetValue<string>());
        Assert.Empty((await community.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/tasks/{taskId}/attachments"))!);
    }

    private static MultipartFormDataContent File(string name, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", name } };
    }
}

public sealed class SqliteTaskFilesTests(SqliteHost host) : TaskFilesTests<SqliteHost>(host);

public sealed class PostgresTaskFilesTests(PostgresHost host) : TaskFilesTests<PostgresHost>(host);
