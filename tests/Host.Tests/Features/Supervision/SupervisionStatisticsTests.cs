using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Features.Tasks;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Supervision;

/// <summary>The 督办看板 (GET /api/supervision/overdue) and per-step counts (GET /api/definitions/{key}/statistics).</summary>
public abstract class SupervisionStatisticsTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static async Task<JsonObject> OverdueAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/supervision/overdue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static (int Open, int Overdue, int DueSoon) Row(JsonObject stats, string list, string keyName, string key)
    {
        var row = stats[list]!.AsArray().FirstOrDefault(r => r![keyName]!.GetValue<string>() == key);
        return row is null ? (0, 0, 0) : (row["open"]!.GetValue<int>(), row["overdue"]!.GetValue<int>(), row["dueSoon"]!.GetValue<int>());
    }

    [Fact]
    public async Task Overdue_and_due_soon_tasks_are_counted_per_area_and_per_group_within_the_callers_reach()
    {
        var admin = await host.ClientAsync("admin");
        var street = await host.ClientAsync("street.chengjiang");
        var before = await OverdueAsync(admin);
        var beforeStreet = await OverdueAsync(street);
        var past = DateTimeOffset.UtcNow.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var soon = DateTimeOffset.UtcNow.AddHours(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

        await TaskFlow.StartAsync(host, dueAt: past);
        await TaskFlow.StartAsync(host, dueAt: soon);
        await TaskFlow.StartAsync(host, dueAt: past, jurisdiction: TaskFlow.Xingfuli);

        var after = await OverdueAsync(admin);
        var (open0, late0, soon0) = Row(before, "byArea", "path", "jiangyin/chengjiang");
        var (open1, late1, soon1) = Row(after, "byArea", "path", "jiangyin/chengjiang");
        Assert.Equal((open0 + 2, late0 + 1, soon0 + 1), (open1, late1, soon1));
        Assert.Equal(Row(before, "byArea", "path", "jiangyin/nanzha").Overdue + 1, Row(after, "byArea", "path", "jiangyin/nanzha").Overdue);
        Assert.Equal(Row(before, "byGroup", "group", "community").Overdue + 2, Row(after, "byGroup", "group", "community").Overdue);
        Assert.Equal(Row(before, "byGroup", "group", "street-office").Open + 3, Row(after, "byGroup", "group", "street-office").Open);

        // The street office sees its communities, and nothing of another street.
        var streetAfter = await OverdueAsync(street);
        const string Huangshan = "jiangyin/chengjiang/huangshan";
        Assert.Equal(Row(beforeStreet, "byArea", "path", Huangshan).Overdue + 1, Row(streetAfter, "byArea", "path", Huangshan).Overdue);
        Assert.All(streetAfter["byArea"]!.AsArray(), r => Assert.StartsWith("jiangyin/chengjiang/", r!["path"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("owner.li")]
    [InlineData("firm.binjiang")]
    public async Task Owners_and_firms_get_no_supervision_statistics(string username)
    {
        var client = await host.ClientAsync(username);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/supervision/overdue")).StatusCode);
        await TaskFlow.StartAsync(host);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/definitions/{TaskFlow.Key}/statistics")).StatusCode);
    }

    [Fact]
    public async Task Step_counts_show_where_cases_wait_and_how_often_each_step_was_done()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var (otherInstance, _) = await TaskFlow.StartAsync(host, jurisdiction: TaskFlow.Xingfuli);
        var community = await host.ClientAsync("community.huangshan");
        Assert.Equal(HttpStatusCode.NoContent, (await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", TaskFlow.ValidInspection())).StatusCode);

        var admin = await host.ClientAsync("admin");
        var all = await admin.GetFromJsonAsync<JsonArray>($"/api/definitions/{TaskFlow.Key}/statistics?version=1");
        int Count(JsonArray rows, string activity, string what) =>
            rows.FirstOrDefault(r => r!["activityId"]!.GetValue<string>() == activity)?[what]!.GetValue<int>() ?? 0;
        Assert.True(Count(all!, "inspect", "completed") >= 1);
        Assert.True(Count(all!, "approve", "active") >= 1);
        Assert.True(Count(all!, "inspect", "active") >= 2);

        // A street office counts only its own street's cases.
        var nanzha = await host.ClientAsync("street.nanzha");
        var theirs = await nanzha.GetFromJsonAsync<JsonArray>($"/api/definitions/{TaskFlow.Key}/statistics");
        Assert.Equal(0, Count(theirs!, "inspect", "completed"));
        Assert.Equal(0, Count(theirs!, "approve", "active"));
        Assert.True(Count(theirs!, "inspect", "active") >= 1);
        Assert.NotEqual(Guid.Empty, otherInstance);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/definitions/no-such-procedure/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/{TaskFlow.Key}/statistics?version=99")).StatusCode);
    }
}

public sealed class SqliteSupervisionStatisticsTests(SqliteHost host) : SupervisionStatisticsTests<SqliteHost>(host);

public sealed class PostgresSupervisionStatisticsTests(PostgresHost host) : SupervisionStatisticsTests<PostgresHost>(host);
