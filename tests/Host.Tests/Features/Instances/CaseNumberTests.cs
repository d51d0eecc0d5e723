using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Anju.Host.Seeding;
using Anju.Host.Tests.Support;
using Anju.Host.Requests;

namespace Anju.Host.Tests.Features.Instances;

/// <summary>
/// Case numbers (受理编号, issue 18 item 2): PREFIX-YYYY-NNNNNN per procedure and Beijing year from a sequence taken in
/// the start's transaction, given in the start's answer and on every list; and case search in the inbox and the
/// instance list by number, phone, compound and a word of the description, within role and jurisdiction.
/// </summary>
public abstract partial class CaseNumberTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Complaints = "/api/definitions/complaint-handling/instances";

    [GeneratedRegex(@"^TS-(?<year>\d{4})-(?<seq>\d{6})$")]
    private static partial Regex ComplaintNumber();

    private static int BeijingYear => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    private static (int Year, int Sequence) Parse(string caseNumber)
    {
        var match = ComplaintNumber().Match(caseNumber);
        Assert.True(match.Success, $"'{caseNumber}' is not a complaint case number");
        return (int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture));
    }

    private static async Task<JsonObject> FileAsync(HttpClient owner, string description, string contact = "13900000000", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Complaints)
        {
            Content = JsonContent.Create(new { variables = new { category = "facilities", description, contact } }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await owner.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    [Fact]
    public async Task A_complaint_gets_the_next_number_of_its_prefix_and_Beijing_year_in_the_start_answer_and_lists()
    {
        var owner = await host.ClientAsync("owner.li");

        var first = await FileAsync(owner, "楼道灯不亮已经一周");
        var second = await FileAsync(owner, "地下车库积水严重");

        var one = Parse(first["caseNumber"]!.GetValue<string>());
        var two = Parse(second["caseNumber"]!.GetValue<string>());
        Assert.Equal(BeijingYear, one.Year);
        Assert.Equal(one.Sequence + 1, two.Sequence);
        Assert.Null(first["businessKey"]); // the number is not a business key any more

        var id = first["id"]!.GetValue<string>();
        var shown = await owner.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal(first["caseNumber"]!.GetValue<string>(), shown!["caseNumber"]!.GetValue<string>());

        var mine = await owner.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=complaint-handling&pageSize=200");
        var row = mine!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(first["caseNumber"]!.GetValue<string>(), row["caseNumber"]!.GetValue<string>());
        Assert.Equal("滨江花园 · 楼道灯不亮已经一周", row["caseSummary"]!.GetValue<string>());

        var community = await host.ClientAsync("community.huangshan");
        var inbox = await community.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}");
        var task = inbox!["items"]!.AsArray().Single()!;
        Assert.Equal(first["caseNumber"]!.GetValue<string>(), task["caseNumber"]!.GetValue<string>());
        Assert.Equal("滨江花园 · 楼道灯不亮已经一周", task["caseSummary"]!.GetValue<string>());
        Assert.Equal("投诉处理（接诉即办）", task["procedure"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_parallel_starts_get_twenty_distinct_consecutive_numbers()
    {
        var owners = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.ClientAsync("owner.li")));

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => FileAsync(owners[i % owners.Length], $"并发投诉第{i}件：电梯按钮失灵")));

        var numbers = started.Select(s => Parse(s["caseNumber"]!.GetValue<string>()).Sequence).Order().ToList();
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);
    }

    [Fact]
    public async Task An_idempotent_retry_answers_with_the_same_number_and_takes_none()
    {
        var owner = await host.ClientAsync("owner.li");
        var key = Guid.NewGuid().ToString("N");

        var first = await FileAsync(owner, "小区大门门禁损坏", idempotencyKey: key);
        var retry = await FileAsync(owner, "小区大门门禁损坏", idempotencyKey: key);
        var next = await FileAsync(owner, "绿化带无人修剪");

        Assert.Equal(first["id"]!.GetValue<string>(), retry["id"]!.GetValue<string>());
        Assert.Equal(first["caseNumber"]!.GetValue<string>(), retry["caseNumber"]!.GetValue<string>());
        Assert.Equal(Parse(first["caseNumber"]!.GetValue<string>()).Sequence + 1, Parse(next["caseNumber"]!.GetValue<string>()).Sequence);
    }

    [Fact]
    public async Task Search_finds_a_case_by_number_phone_compound_and_a_word_of_its_description_within_the_callers_reach()
    {
        var owner = await host.ClientAsync("owner.li");
        var word = "电梯" + ProcessApi.NewSuffix();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var filed = await FileAsync(owner, $"3幢{word}困人，物业电话打不通", phone);
        var id = filed["id"]!.GetValue<string>();
        var number = filed["caseNumber"]!.GetValue<string>();
        var community = await host.ClientAsync("community.huangshan");
        var nanzha = await host.ClientAsync("street.nanzha");
        var otherOwner = await host.ClientAsync("owner.wang");

        foreach (var text in new[] { number, number.ToLowerInvariant(), number[^6..], phone, word, "滨江花园" })
        {
            var found = await community.GetFromJsonAsync<JsonObject>($"/api/tasks?pageSize=200&text={Uri.EscapeDataString(text)}");
            Assert.Contains(found!["items"]!.AsArray(), t => t!["instanceId"]!.GetValue<string>() == id);

            var mine = await owner.GetFromJsonAsync<JsonObject>($"/api/instances?pageSize=200&q={Uri.EscapeDataString(text)}");
            Assert.Contains(mine!["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        }

        // Another street, another owner: nothing, though the number and the word exist.
        foreach (var text in new[] { number, word, phone })
        {
            var elsewhere = await nanzha.GetFromJsonAsync<JsonObject>($"/api/tasks?text={Uri.EscapeDataString(text)}");
            Assert.Empty(elsewhere!["items"]!.AsArray());
            var notMine = await otherOwner.GetFromJsonAsync<JsonObject>($"/api/instances?q={Uri.EscapeDataString(text)}");
            Assert.Empty(notMine!["items"]!.AsArray());
        }

        // A word no case has finds nothing; an over-long search is a field error.
        var none = await community.GetFromJsonAsync<JsonObject>($"/api/tasks?text={Uri.EscapeDataString("无此内容" + ProcessApi.NewSuffix())}");
        Assert.Empty(none!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await community.GetAsync("/api/tasks?text=" + new string('电', 101))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync("/api/instances?q=" + new string('电', 101))).StatusCode);
    }

    [Fact]
    public async Task Done_rows_carry_the_step_name_and_the_case_number()
    {
        var owner = await host.ClientAsync("owner.li");
        var filed = await FileAsync(owner, "单元门口垃圾堆放无人清理");
        var id = filed["id"]!.GetValue<string>();
        var community = await host.ClientAsync("community.huangshan");
        var task = (await community.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}"))!["items"]!.AsArray().Single()!;
        var taskId = task["id"]!.GetValue<string>();
        (await community.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).EnsureSuccessStatusCode();
        var completed = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { decision = "accept", category = "sanitation" } });
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);

        var done = await community.GetFromJsonAsync<JsonObject>("/api/tasks/done?pageSize=200");
        var row = done!["items"]!.AsArray().First(d => d!["instanceId"]!.GetValue<string>() == id)!;
        Assert.Equal("社区受理", row["name"]!.GetValue<string>());
        Assert.Equal(filed["caseNumber"]!.GetValue<string>(), row["caseNumber"]!.GetValue<string>());
    }
}

public sealed class SqliteCaseNumberTests(SqliteHost host) : CaseNumberTests<SqliteHost>(host);

public sealed class PostgresCaseNumberTests(PostgresHost host) : CaseNumberTests<PostgresHost>(host);
