using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Features.Tasks;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Security;

/// <summary>
/// Bounds on every input (issue 15, item 5): each bound is tried at its limit (accepted) and one past it
/// (refused with a problem code, nothing stored). Variables, business keys and JSON bodies use the defaults;
/// comments and attachments use the small limits of <see cref="BoundsSettings"/>.
/// </summary>
public abstract class BoundsTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Key = "boundsFlow";
    private const string Binjiang = TaskFlow.Binjiang;
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    // ---- 1. Variables of one command -------------------------------------------------------------------

    [Theory]
    [InlineData("count", "variables.tooMany")]
    [InlineData("name", "variables.nameTooLong")]
    [InlineData("value", "variables.valueTooLarge")]
    [InlineData("string", "variables.stringTooLong")]
    [InlineData("total", "variables.totalTooLarge")]
    [InlineData("depth", "variables.tooDeep")]
    public async Task Starting_takes_variables_at_each_bound_and_refuses_one_past_it_storing_nothing(string bound, string code)
    {
        var admin = await host.ClientAsync("admin");
        await DeployAsync();
        var atKey = NewKey();
        var pastKey = NewKey();

        var at = await admin.PostAsJsonAsync($"/api/definitions/{Key}/instances", new JsonObject { ["businessKey"] = atKey, ["jurisdiction"] = Binjiang, ["variables"] = Variables(bound, past: false) });
        var past = await admin.PostAsJsonAsync($"/api/definitions/{Key}/instances", new JsonObject { ["businessKey"] = pastKey, ["jurisdiction"] = Binjiang, ["variables"] = Variables(bound, past: true) });

        Assert.True(at.StatusCode == HttpStatusCode.Created, await at.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(code, (await past.Json()).Code());
        Assert.Equal(1, await InstancesWithKeyAsync(atKey));
        Assert.Equal(0, await InstancesWithKeyAsync(pastKey));
    }

    [Theory]
    [InlineData("count", "variables.tooMany")]
    [InlineData("name", "variables.nameTooLong")]
    [InlineData("value", "variables.valueTooLarge")]
    [InlineData("string", "variables.stringTooLong")]
    [InlineData("total", "variables.totalTooLarge")]
    [InlineData("depth", "variables.tooDeep")]
    public async Task Completing_a_task_takes_variables_at_each_bound_and_refuses_one_past_it_changing_nothing(string bound, string code)
    {
        var admin = await host.ClientAsync("admin", "en");
        var (refusedInstance, refusedTask) = await StartAsync();
        var (acceptedInstance, acceptedTask) = await StartAsync();
        var revision = await RevisionAsync(refusedInstance);

        var past = await admin.PostAsJsonAsync($"/api/tasks/{refusedTask}/complete", new JsonObject { ["variables"] = Variables(bound, past: true) });
        var at = await admin.PostAsJsonAsync($"/api/tasks/{acceptedTask}/complete", new JsonObject { ["variables"] = Variables(bound, past: false) });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var problem = await past.Json();
        Assert.Equal(code, problem.Code());
        Assert.Matches("^[ -~]+$", problem["detail"]!.GetValue<string>()); // English on request
        Assert.Equal(revision, await RevisionAsync(refusedInstance));
        Assert.True(await TaskOpenAsync(refusedTask));
        Assert.True(at.StatusCode == HttpStatusCode.NoContent, await at.Content.ReadAsStringAsync());
        Assert.False(await TaskOpenAsync(acceptedTask));
        Assert.NotEqual("active", await StatusAsync(acceptedInstance));
    }

    [Fact]
    public async Task Messages_and_external_tasks_count_their_variables_too()
    {
        var admin = await host.ClientAsync("admin");
        var message = "bounds-none-" + ProcessApi.NewSuffix();

        var messageAt = await admin.PostAsJsonAsync("/api/messages", new JsonObject { ["messageName"] = message, ["variables"] = Variables("count", past: false) });
        var messagePast = await admin.PostAsJsonAsync("/api/messages", new JsonObject { ["messageName"] = message, ["variables"] = Variables("count", past: true) });
        var externalAt = await admin.PostAsJsonAsync($"/api/external-tasks/{Guid.NewGuid()}/complete", new JsonObject { ["workerId"] = "w1", ["variables"] = Variables("count", past: false) });
        var externalPast = await admin.PostAsJsonAsync($"/api/external-tasks/{Guid.NewGuid()}/complete", new JsonObject { ["workerId"] = "w1", ["variables"] = Variables("count", past: true) });

        // At the bound the request reaches the engine, which finds nothing to resume; past it, it never does.
        Assert.Equal("noSubscription", (await messageAt.Json()).Code());
        Assert.Equal("variables.tooMany", (await messagePast.Json()).Code());
        Assert.Equal(HttpStatusCode.NotFound, externalAt.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, externalPast.StatusCode);
        Assert.Equal("variables.tooMany", (await externalPast.Json()).Code());
    }

    // ---- 2. Free texts ---------------------------------------------------------------------------------

    [Fact]
    public async Task A_business_key_of_128_characters_is_taken_and_one_of_129_refused()
    {
        var admin = await host.ClientAsync("admin");
        await DeployAsync();
        var at = ProcessApi.NewSuffix() + new string('k', 118);
        var past = ProcessApi.NewSuffix() + new string('k', 119);

        var accepted = await admin.PostAsJsonAsync($"/api/definitions/{Key}/instances", new { businessKey = at, jurisdiction = Binjiang });
        var refused = await admin.PostAsJsonAsync($"/api/definitions/{Key}/instances", new { businessKey = past, jurisdiction = Binjiang });
        var message = await admin.PostAsJsonAsync("/api/messages", new { messageName = "m", businessKey = past });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Json())["errors"]!["businessKey"]);
        Assert.Equal(0, await InstancesWithKeyAsync(past));
        Assert.Equal(HttpStatusCode.BadRequest, message.StatusCode);
        Assert.NotNull((await message.Json())["errors"]!["businessKey"]);
    }

    [Fact]
    public async Task A_cancel_reason_of_500_characters_is_taken_and_one_of_501_refused()
    {
        var admin = await host.ClientAsync("admin");
        var (refusedInstance, _) = await StartAsync();
        var (acceptedInstance, _) = await StartAsync();

        var refused = await admin.PostAsJsonAsync($"/api/instances/{refusedInstance}/cancel", new { reason = new string('因', 501) });
        var accepted = await admin.PostAsJsonAsync($"/api/instances/{acceptedInstance}/cancel", new { reason = new string('因', 500) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Json())["errors"]!["reason"]);
        Assert.Equal("active", await StatusAsync(refusedInstance));
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.NotEqual("active", await StatusAsync(acceptedInstance));
    }

    [Fact]
    public async Task The_comment_length_is_configurable_and_held_at_its_limit()
    {
        var community = await host.ClientAsync("community.huangshan");
        var (_, taskId) = await StartAsync();

        var refused = await community.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = new string('意', BoundsSettings.CommentLength + 1) });
        var accepted = await community.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = new string('意', BoundsSettings.CommentLength) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Json())["errors"]!["text"]);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var comments = await community.GetFromJsonAsync<JsonArray>($"/api/tasks/{taskId}/comments");
        Assert.Equal(BoundsSettings.CommentLength, Assert.Single(comments!)!["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Names_sent_by_systems_are_at_most_128_characters()
    {
        var admin = await host.ClientAsync("admin");

        var at = await admin.PostAsJsonAsync("/api/messages", new { messageName = new string('m', 128) });
        var past = await admin.PostAsJsonAsync("/api/messages", new { messageName = new string('m', 129) });
        var worker = await admin.PostAsJsonAsync($"/api/external-tasks/{Guid.NewGuid()}/failure", new { workerId = new string('w', 129), errorMessage = "x", retries = 0 });

        Assert.Equal("noSubscription", (await at.Json()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.NotNull((await past.Json())["errors"]!["messageName"]);
        Assert.Equal(HttpStatusCode.BadRequest, worker.StatusCode);
        Assert.NotNull((await worker.Json())["errors"]!["workerId"]);
    }

    [Fact]
    public async Task A_password_set_by_an_administrator_is_at_most_128_characters()
    {
        var admin = await host.ClientAsync("admin");
        var at = "up-" + ProcessApi.NewSuffix();
        var past = "up-" + ProcessApi.NewSuffix();

        var refused = await admin.PostAsJsonAsync("/api/users", NewUser(past, "Aa1@" + new string('x', 125)));
        var accepted = await admin.PostAsJsonAsync("/api/users", NewUser(at, "Aa1@" + new string('x', 124)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Json())["errors"]!["password"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{past}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_deployment_note_is_at_most_500_characters()
    {
        var admin = await host.ClientAsync("admin");
        var at = "noted" + ProcessApi.NewSuffix();
        var past = "noted" + ProcessApi.NewSuffix();

        var refused = await admin.PostXmlAsync("/api/deployments?note=" + Uri.EscapeDataString(new string('注', 501)), FlowXml(past));
        var accepted = await admin.PostXmlAsync("/api/deployments?note=" + Uri.EscapeDataString(new string('注', 500)), FlowXml(at));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Json())["errors"]!["note"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/{past}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    // ---- 3. Request body size per route ----------------------------------------------------------------

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_json_body_of_1_MB_is_taken_and_one_byte_more_is_a_413_problem_storing_nothing(bool chunked)
    {
        var admin = await host.ClientAsync("admin", "en");
        await DeployAsync();
        var atKey = NewKey();
        var pastKey = NewKey();

        var at = await admin.PostAsync($"/api/definitions/{Key}/instances", PaddedJson(atKey, 1024 * 1024, chunked));
        var past = await admin.PostAsync($"/api/definitions/{Key}/instances", PaddedJson(pastKey, (1024 * 1024) + 1, chunked));

        Assert.True(at.StatusCode == HttpStatusCode.Created, await at.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, past.StatusCode);
        Assert.Equal("application/problem+json", past.Content.Headers.ContentType!.MediaType);
        var problem = await past.Json();
        Assert.Equal("payloadTooLarge", problem.Code());
        Assert.Contains("1 MB", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await InstancesWithKeyAsync(pastKey));
    }

    [Fact]
    public async Task An_upload_body_may_be_the_attachment_limit_plus_64_KB_and_not_one_byte_more()
    {
        var (community, _) = await NewUploaderAsync();
        var (atInstance, _) = await StartAsync();
        var (pastInstance, _) = await StartAsync();
        var limit = BoundsSettings.AttachmentBytes + (64 * 1024);

        var at = await community.PostAsync($"/api/instances/{atInstance}/attachments", Multipart(limit, ("file", "a.png", Png(BoundsSettings.AttachmentBytes))));
        var past = await community.PostAsync($"/api/instances/{pastInstance}/attachments", Multipart(limit + 1, ("file", "a.png", Png(BoundsSettings.AttachmentBytes))));

        Assert.True(at.StatusCode == HttpStatusCode.Created, await at.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, past.StatusCode);
        Assert.Equal("payloadTooLarge", (await past.Json()).Code());
        Assert.Empty(await AttachmentsAsync(community, pastInstance));
        Assert.Equal(0, StoredFiles(pastInstance));
    }

    // ---- 4. One file per upload ------------------------------------------------------------------------

    [Fact]
    public async Task An_upload_carries_exactly_one_file()
    {
        var (community, _) = await NewUploaderAsync();
        var (instanceId, taskId) = await StartAsync();

        var two = await community.PostAsync($"/api/tasks/{taskId}/attachments", Multipart(null, ("file", "a.png", Png(16)), ("file", "b.png", Png(16))));
        var other = await community.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", "a.png", Png(16)), ("more", "c.png", Png(16))));
        var one = await community.PostAsync($"/api/tasks/{taskId}/attachments", Multipart(null, ("file", "a.png", Png(16))));

        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Equal("attachment.oneFile", (await two.Json()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("attachment.oneFile", (await other.Json()).Code());
        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        Assert.Single(await AttachmentsAsync(community, instanceId));
        Assert.Equal(1, StoredFiles(instanceId));
    }

    // ---- 5. Attachment quotas --------------------------------------------------------------------------

    [Fact]
    public async Task A_case_takes_as_many_files_as_its_quota_and_refuses_one_more()
    {
        var (uploader, _) = await NewUploaderAsync();
        var (instanceId, _) = await StartAsync();

        for (var i = 0; i < BoundsSettings.FilesPerInstance; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await uploader.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", $"{i}.png", Png(16))))).StatusCode);
        }

        var refused = await uploader.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", "more.png", Png(16))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("attachmentQuota", (await refused.Json()).Code());
        Assert.Equal(BoundsSettings.FilesPerInstance, (await AttachmentsAsync(uploader, instanceId)).Count);
        Assert.Equal(BoundsSettings.FilesPerInstance, StoredFiles(instanceId));
    }

    [Fact]
    public async Task A_case_takes_files_up_to_its_byte_quota_and_refuses_one_more()
    {
        var (uploader, _) = await NewUploaderAsync();
        var (instanceId, _) = await StartAsync();

        var first = await uploader.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", "a.png", Png(BoundsSettings.AttachmentBytes))));
        var second = await uploader.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", "b.png", Png(BoundsSettings.BytesPerInstance - BoundsSettings.AttachmentBytes))));
        var refused = await uploader.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", "c.png", Png(16))));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("attachmentQuota", (await refused.Json()).Code());
        Assert.Equal(2, (await AttachmentsAsync(uploader, instanceId)).Count);
        Assert.Equal(2, StoredFiles(instanceId));
    }

    [Fact]
    public async Task A_user_uploads_as_many_files_a_day_as_the_quota_and_one_more_is_429()
    {
        var (uploader, _) = await NewUploaderAsync();
        for (var i = 0; i < BoundsSettings.FilesPerUserPerDay; i++)
        {
            var (instanceId, _) = await StartAsync();
            Assert.Equal(HttpStatusCode.Created, (await uploader.PostAsync($"/api/instances/{instanceId}/attachments", Multipart(null, ("file", $"{i}.png", Png(16))))).StatusCode);
        }

        var (last, _) = await StartAsync();
        var refused = await uploader.PostAsync($"/api/instances/{last}/attachments", Multipart(null, ("file", "more.png", Png(16))));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("attachmentQuota", (await refused.Json()).Code());
        Assert.Empty(await AttachmentsAsync(uploader, last));
        Assert.Equal(0, StoredFiles(last));
    }

    [Fact]
    public async Task A_user_uploads_up_to_the_daily_byte_quota_and_one_more_file_is_429()
    {
        var (uploader, _) = await NewUploaderAsync();
        var (a, _) = await StartAsync();
        var (b, _) = await StartAsync();
        var (c, _) = await StartAsync();

        var first = await uploader.PostAsync($"/api/instances/{a}/attachments", Multipart(null, ("file", "a.png", Png(BoundsSettings.AttachmentBytes))));
        var second = await uploader.PostAsync($"/api/instances/{b}/attachments", Multipart(null, ("file", "b.png", Png(BoundsSettings.BytesPerUserPerDay - BoundsSettings.AttachmentBytes))));
        var refused = await uploader.PostAsync($"/api/instances/{c}/attachments", Multipart(null, ("file", "c.png", Png(16))));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("attachmentQuota", (await refused.Json()).Code());
        Assert.Empty(await AttachmentsAsync(uploader, c));
        Assert.Equal(0, StoredFiles(c));
    }

    // ---- 6. File names ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl.png", "abcdefghijkl.png")]
    [InlineData("bell\u0007tab\tnul\u0000.png", "belltabnul.png")]
    [InlineData("..\\..\\windows\\evil.png", "evil.png")]
    [InlineData("\u202E", "attachment")]
    public async Task File_names_lose_control_bidi_and_path_characters(string sent, string kept)
    {
        var (community, _) = await NewUploaderAsync();
        var (_, taskId) = await StartAsync();

        var response = await community.PostAsync($"/api/tasks/{taskId}/attachments", Multipart(null, ("file", sent, Png(16))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(kept, (await response.Json())["fileName"]!.GetValue<string>());
        var listed = await community.GetFromJsonAsync<JsonArray>($"/api/tasks/{taskId}/attachments");
        Assert.Equal(kept, Assert.Single(listed!)!["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task File_names_are_kept_up_to_120_characters_and_longer_ones_shortened_keeping_the_extension()
    {
        var (community, _) = await NewUploaderAsync();
        var at = new string('照', 116) + ".jpg";

        foreach (var (sent, kept) in new[] { (at, at), (new string('照', 117) + ".jpg", at), (new string('照', 396) + ".jpg", at) })
        {
            var (_, taskId) = await StartAsync();
            var response = await community.PostAsync($"/api/tasks/{taskId}/attachments", Multipart(null, ("file", sent, Png(16))));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(kept, (await response.Json())["fileName"]!.GetValue<string>());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static string NewKey() => "BK-" + ProcessApi.NewSuffix();

    /// <summary>Variables exactly at a bound (past: false) or one past it (past: true), with the default limits.</summary>
    private static JsonObject Variables(string bound, bool past)
    {
        var one = past ? 1 : 0;
        var variables = new JsonObject();
        switch (bound)
        {
            case "count":
                for (var i = 0; i < 100 + one; i++)
                {
                    variables[$"v{i}"] = i;
                }

                break;
            case "name":
                variables[new string('n', 128 + one)] = 1;
                break;
            case "value":
                variables["v"] = ArrayOfJsonBytes((64 * 1024) + one);
                break;
            case "string":
                variables["s"] = new string('字', 20_000 + one);
                break;
            case "total":
                // Four names of 2 bytes and values of 64 KB - 2: 256 KB in all.
                for (var i = 0; i < 4; i++)
                {
                    variables[$"a{i}"] = ArrayOfJsonBytes((64 * 1024) - 2 + (i == 3 ? one : 0));
                }

                break;
            case "depth":
                JsonNode node = new JsonArray();
                for (var level = 1; level < 16 + one; level++)
                {
                    node = new JsonArray(node);
                }

                variables["d"] = node;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(bound));
        }

        return variables;
    }

    /// <summary>An array of four ASCII strings whose compact JSON is exactly <paramref name="bytes"/> bytes.</summary>
    private static JsonArray ArrayOfJsonBytes(int bytes)
    {
        // ["a","b","c","d"]: 2 brackets, 8 quotes, 3 commas.
        var text = bytes - 13;
        var array = new JsonArray();
        for (var i = 0; i < 4; i++)
        {
            array.Add(new string('x', (text / 4) + (i < text % 4 ? 1 : 0)));
        }

        return array;
    }

    /// <summary>A start request of exactly <paramref name="bytes"/> bytes: valid JSON padded with spaces.</summary>
    private static HttpContent PaddedJson(string businessKey, int bytes, bool chunked)
    {
        var head = $"{{\"businessKey\":\"{businessKey}\",\"jurisdiction\":\"{Binjiang}\"";
        var headBytes = Encoding.UTF8.GetByteCount(head);
        var body = Encoding.UTF8.GetBytes(head + new string(' ', bytes - headBytes - 1) + "}");
        Assert.Equal(bytes, body.Length);
        HttpContent content = chunked ? new UnknownLengthContent(body) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        PngHead.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>
    /// A multipart body written by hand (file names as RFC 5987 filename*, so that any character gets through),
    /// padded with a text field to exactly <paramref name="totalBytes"/> when given.
    /// </summary>
    private static ByteArrayContent Multipart(int? totalBytes, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        const string boundary = "anju-bounds-boundary";
        byte[] Build(int padding)
        {
            using var body = new MemoryStream();
            void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
            foreach (var (field, fileName, bytes) in files)
            {
                Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"upload\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\r\nContent-Type: image/png\r\n\r\n");
                body.Write(bytes);
                Write("\r\n");
            }

            if (padding >= 0)
            {
                Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"pad\"\r\n\r\n{new string('p', padding)}\r\n");
            }

            Write($"--{boundary}--\r\n");
            return body.ToArray();
        }

        var built = Build(-1);
        if (totalBytes is { } total)
        {
            var empty = Build(0).Length;
            built = Build(total - empty);
            Assert.Equal(total, built.Length);
        }

        var content = new ByteArrayContent(built);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static object NewUser(string username, string password) => new
    {
        username,
        displayName = "上限测试",
        password,
        roles = new[] { "community" },
        jurisdictions = new[] { "jiangyin/chengjiang/huangshan" },
    };

    private static string FlowXml(string key) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Security", "BoundsTests.Flow.bpmn")).Replace("id=\"boundsFlow\"", $"id=\"{key}\"", StringComparison.Ordinal);

    private async Task DeployAsync()
    {
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Security", "BoundsTests.Flow.bpmn"));
        var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("BoundsTests.Flow.bpmn", xml)], DeployedBy = "admin" });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
    }

    /// <summary>A fresh case in Binjiang Garden, started by the engine directly, and its open step.</summary>
    private async Task<(Guid InstanceId, Guid TaskId)> StartAsync()
    {
        await DeployAsync();
        var instance = await host.Services.GetRequiredService<WorkflowEngine>().StartAsync(new StartInstance
        {
            DefinitionKey = Key,
            BusinessKey = NewKey(),
            Jurisdiction = Binjiang,
            Actor = "admin",
        });
        return (instance.Id, instance.OpenTasks.Single().Id);
    }

    /// <summary>A community officer of Huangshan of its own, so that a test's daily quota counts only its uploads.</summary>
    private async Task<(HttpClient Client, string Username)> NewUploaderAsync()
    {
        var admin = await host.ClientAsync("admin");
        var username = "up-" + ProcessApi.NewSuffix();
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "上传测试",
            password = HostFixture.NewUserPassword,
            roles = new[] { "community" },
            jurisdictions = new[] { "jiangyin/chengjiang/huangshan" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await host.ClientAsync(username, password: HostFixture.NewUserPassword), username);
    }

    private async Task<int> InstancesWithKeyAsync(string businessKey)
    {
        await using var db = host.Services.GetRequiredService<WorkflowStorage>().CreateContext();
        return await db.Instances.CountAsync(i => i.BusinessKey == businessKey);
    }

    private async Task<long> RevisionAsync(Guid instanceId)
    {
        await using var db = host.Services.GetRequiredService<WorkflowStorage>().CreateContext();
        return await db.Instances.Where(i => i.Id == instanceId).Select(i => i.Revision).SingleAsync();
    }

    private async Task<string> StatusAsync(Guid instanceId)
    {
        await using var db = host.Services.GetRequiredService<WorkflowStorage>().CreateContext();
        return await db.Instances.Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync();
    }

    private async Task<bool> TaskOpenAsync(Guid taskId)
    {
        await using var db = host.Services.GetRequiredService<WorkflowStorage>().CreateContext();
        return await db.Tasks.AnyAsync(t => t.Id == taskId);
    }

    private static async Task<JsonArray> AttachmentsAsync(HttpClient client, Guid instanceId) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/attachments"))!;

    private int StoredFiles(Guid instanceId)
    {
        var folder = Path.Combine(host.DataFolder, "attachments", instanceId.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>A body sent without Content-Length, as a chunked upload is.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>The small limits the bounds tests configure (Anju:Limits, Anju:Attachments), so quotas are reached quickly.</summary>
public static class BoundsSettings
{
    public const int CommentLength = 300;
    public const int AttachmentBytes = 4000;
    public const int FilesPerInstance = 3;
    public const int BytesPerInstance = 6000;
    public const int FilesPerUserPerDay = 4;
    public const int BytesPerUserPerDay = 7000;

    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Anju:Limits:MaxCommentLength", CommentLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Anju:Attachments:MaxBytes", AttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Anju:Limits:MaxAttachmentsPerInstance", FilesPerInstance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Anju:Limits:MaxAttachmentBytesPerInstance", BytesPerInstance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Anju:Limits:MaxAttachmentsPerUserPerDay", FilesPerUserPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Anju:Limits:MaxAttachmentBytesPerUserPerDay", BytesPerUserPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The Host on SQLite with <see cref="BoundsSettings"/>.</summary>
public sealed class BoundsSqliteHost : HostFixture
{
    protected override bool UsePostgres => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        BoundsSettings.Apply(builder);
    }
}

/// <summary>The Host on PostgreSQL with <see cref="BoundsSettings"/>.</summary>
public sealed class BoundsPostgresHost : HostFixture
{
    protected override bool UsePostgres => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        BoundsSettings.Apply(builder);
    }
}

public sealed class SqliteBoundsTests(BoundsSqliteHost host) : BoundsTests<BoundsSqliteHost>(host);

public sealed class PostgresBoundsTests(BoundsPostgresHost host) : BoundsTests<BoundsPostgresHost>(host);
