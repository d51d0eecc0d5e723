using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Features.Tasks;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Instances;

/// <summary>
/// One case told for people (GET /api/instances/{id}/timeline), comments that belong to the case rather than to one step,
/// and the task a 退回 created marked with its reason (GET /api/tasks/{id} "returned").
/// </summary>
public abstract class CaseTimelineTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task A_comment_made_at_step_one_is_visible_at_step_two_to_the_next_assignee()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        Assert.Equal(HttpStatusCode.Created, (await community.PostAsJsonAsync($"/api/tasks/{inspectId}/comments", new { text = "已联系物业，明日到场" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsJsonAsync($"/api/tasks/{inspectId}/complete", TaskFlow.ValidInspection())).StatusCode);

        var street = await host.ClientAsync("street.chengjiang");
        var approveId = await ApproveTaskAsync(street, instanceId);
        var atStepTwo = await street.GetFromJsonAsync<JsonArray>($"/api/tasks/{approveId}/comments");
        var ofTheCase = await street.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/comments");

        var comment = Assert.Single(atStepTwo!)!;
        Assert.Equal("已联系物业，明日到场", comment["text"]!.GetValue<string>());
        Assert.Equal(inspectId.ToString(), comment["taskId"]!.GetValue<string>());
        Assert.Equal("黄山社区 李主任", comment["authorName"]!.GetValue<string>());
        Assert.Equal("已联系物业，明日到场", Assert.Single(ofTheCase!)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_comment_on_the_case_is_bounded_and_listed_at_every_step()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var street = await host.ClientAsync("street.chengjiang");

        var tooLong = await street.PostAsJsonAsync($"/api/instances/{instanceId}/comments", new { text = new string('字', 2001) });
        var posted = await street.PostAsJsonAsync($"/api/instances/{instanceId}/comments", new { text = "请社区尽快核查" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var listed = await (await host.ClientAsync("community.huangshan")).GetFromJsonAsync<JsonArray>($"/api/tasks/{inspectId}/comments");
        var comment = Assert.Single(listed!)!;
        Assert.Equal("请社区尽快核查", comment["text"]!.GetValue<string>());
        Assert.Null(comment["taskId"]);
    }

    [Fact]
    public async Task Another_streets_staff_get_404_for_the_comments_and_the_timeline()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        await (await host.ClientAsync("community.huangshan")).PostAsJsonAsync($"/api/tasks/{inspectId}/comments", new { text = "内部意见" });
        var nanzha = await host.ClientAsync("street.nanzha");
        var chengjiang = await host.ClientAsync("street.chengjiang");

        Assert.Equal(HttpStatusCode.OK, (await chengjiang.GetAsync($"/api/instances/{instanceId}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chengjiang.GetAsync($"/api/instances/{instanceId}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.GetAsync($"/api/instances/{instanceId}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.PostAsJsonAsync($"/api/instances/{instanceId}/comments", new { text = "看看" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.GetAsync($"/api/instances/{instanceId}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanzha.GetAsync($"/api/tasks/{inspectId}/comments")).StatusCode);
    }

    [Fact]
    public async Task The_task_a_return_created_carries_from_which_step_why_by_whom_and_when()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsJsonAsync($"/api/tasks/{inspectId}/complete", TaskFlow.ValidInspection())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/tasks/{inspectId}")).StatusCode);
        var street = await host.ClientAsync("street.chengjiang");
        var approveId = await ApproveTaskAsync(street, instanceId);
        Assert.Null((await (await street.GetAsync($"/api/tasks/{approveId}")).JsonAsync())["returned"]);

        var returned = await street.PostAsJsonAsync($"/api/tasks/{approveId}/return", new { toActivityId = "inspect", reason = "走访记录缺少户主签字" });
        Assert.Equal(HttpStatusCode.NoContent, returned.StatusCode);

        var again = (await community.ItemsAsync($"instanceId={instanceId}")).Single()!;
        var task = await (await community.GetAsync($"/api/tasks/{again["id"]!.GetValue<string>()}")).JsonAsync();
        var mark = task["returned"]!;
        Assert.Equal("街道审批", mark["from"]!.GetValue<string>());
        Assert.Equal("走访记录缺少户主签字", mark["reason"]!.GetValue<string>());
        Assert.Equal("澄江街道 王科长", mark["by"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(mark["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task The_timeline_tells_the_steps_the_return_the_comments_and_what_is_next_in_names()
    {
        var owner = await host.ClientAsync("owner.li");
        await TaskFlow.StartAsync(host); // deploys the review process
        var started = await owner.StartAsync(TaskFlow.Key, new { variables = new { dueAt = "", caseNo = TaskFlow.CaseNo } });
        var instanceId = started["id"]!.GetValue<string>();
        var community = await host.ClientAsync("community.huangshan");
        var inspectId = (await community.ItemsAsync($"instanceId={instanceId}")).Single()!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await community.PostAsJsonAsync($"/api/tasks/{inspectId}/comments", new { text = "已电话联系业主" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsJsonAsync($"/api/tasks/{inspectId}/complete", TaskFlow.ValidInspection())).StatusCode);
        var street = await host.ClientAsync("street.chengjiang");
        var approveId = await ApproveTaskAsync(street, Guid.Parse(instanceId));
        Assert.Equal(HttpStatusCode.NoContent, (await street.PostAsJsonAsync($"/api/tasks/{approveId}/return", new { toActivityId = "inspect", reason = "请补充走访照片" })).StatusCode);

        var response = await owner.GetAsync($"/api/instances/{instanceId}/timeline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var timeline = JsonNode.Parse(raw)!.AsObject();
        var items = timeline["items"]!.AsArray();
        Assert.Equal(["filed", "comment", "done", "returned"], items.Select(i => i!["kind"]!.GetValue<string>()));
        Assert.Equal("业主 李先生", items[0]!["by"]!.GetValue<string>());
        Assert.Equal("社区核查", items[1]!["step"]!.GetValue<string>());
        Assert.Equal("黄山社区 李主任", items[1]!["by"]!.GetValue<string>());
        var done = items[2]!;
        Assert.Equal("社区核查", done["step"]!.GetValue<string>());
        Assert.Equal("通过", done["outcome"]!.GetValue<string>());
        Assert.Equal("核查意见", done["noteLabel"]!.GetValue<string>());
        Assert.Equal("已现场核查", done["note"]!.GetValue<string>());
        var back = items[3]!;
        Assert.Equal("街道审批", back["fromStep"]!.GetValue<string>());
        Assert.Equal("社区核查", back["toStep"]!.GetValue<string>());
        Assert.Equal("请补充走访照片", back["reason"]!.GetValue<string>());
        Assert.Equal("澄江街道 王科长", back["by"]!.GetValue<string>());
        var current = Assert.Single(timeline["current"]!.AsArray())!;
        Assert.Equal("社区核查", current["step"]!.GetValue<string>());
        Assert.Equal(["community", "street-office"], current["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("请补充走访照片", current["returned"]!["reason"]!.GetValue<string>());
        Assert.Equal("active", timeline["status"]!.GetValue<string>());

        // No usernames, element ids or variable names reach the owner.
        foreach (var hidden in new[] { "community.huangshan", "street.chengjiang", "owner.li", "\"inspect\"", "\"approve\"", "opinion", "households", "caseNo\"" })
        {
            Assert.DoesNotContain(hidden, raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_timeline_tells_a_delegation_and_an_attachment_and_who_holds_the_step_now()
    {
        var (instanceId, inspectId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsync($"/api/tasks/{inspectId}/claim", null)).StatusCode);
        var photo = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        Assert.Equal(HttpStatusCode.Created, (await community.PostAsync($"/api/tasks/{inspectId}/attachments", new MultipartFormDataContent { { photo, "file", "现场.png" } })).StatusCode);
        var delegated = await community.PostAsJsonAsync($"/api/tasks/{inspectId}/delegate", new { username = "street.chengjiang", reason = "涉及多个小区，请街道统筹" });
        Assert.Equal(HttpStatusCode.NoContent, delegated.StatusCode);

        var timeline = await (await (await host.ClientAsync("street.chengjiang")).GetAsync($"/api/instances/{instanceId}/timeline")).JsonAsync();

        var items = timeline["items"]!.AsArray();
        Assert.Equal(["filed", "attachment", "delegated"], items.Select(i => i!["kind"]!.GetValue<string>()));
        var file = items[1]!;
        Assert.Equal("现场.png", file["fileName"]!.GetValue<string>());
        Assert.Equal("社区核查", file["step"]!.GetValue<string>());
        Assert.StartsWith("/api/attachments/", file["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var handover = items[2]!;
        Assert.Equal("黄山社区 李主任", handover["from"]!.GetValue<string>());
        Assert.Equal("澄江街道 王科长", handover["to"]!.GetValue<string>());
        Assert.Equal("涉及多个小区，请街道统筹", handover["reason"]!.GetValue<string>());
        var current = Assert.Single(timeline["current"]!.AsArray())!;
        Assert.Equal("澄江街道 王科长", current["handler"]!.GetValue<string>());
        Assert.True(current["yours"]!.GetValue<bool>());
        Assert.Null(current["returned"]);
    }

    [Fact]
    public async Task An_owner_follows_only_the_cases_he_filed()
    {
        var (instanceId, _) = await TaskFlow.StartAsync(host); // filed by the administrator in owner.li's compound

        var response = await (await host.ClientAsync("owner.li")).GetAsync($"/api/instances/{instanceId}/timeline");
        var staff = await (await host.ClientAsync("firm.binjiang")).GetAsync($"/api/instances/{instanceId}/timeline");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    private static async Task<string> ApproveTaskAsync(HttpClient street, Guid instanceId) =>
        (await street.ItemsAsync($"instanceId={instanceId}")).Single(t => t!["activityId"]!.GetValue<string>() == "approve")!["id"]!.GetValue<string>();
}

public sealed class SqliteCaseTimelineTests(SqliteHost host) : CaseTimelineTests<SqliteHost>(host);

public sealed class PostgresCaseTimelineTests(PostgresHost host) : CaseTimelineTests<PostgresHost>(host);
