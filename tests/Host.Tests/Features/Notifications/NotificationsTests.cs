using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Notifications;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Host.Tests.Procedures;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Notifications;

/// <summary>
/// The in-app list (mine only), new-task notifications (the watcher called directly, as its background loop would),
/// the hand-over to channels with a fake SMS gateway, and public notices by jurisdiction.
/// </summary>
public abstract class NotificationsTests<THost>(THost host) : IClassFixture<THost>
    where THost : ProcedureTestHost
{
    private const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";

    private async Task<string> DeployAsync(string fixture, string prefix)
    {
        var suffix = ProcessApi.NewSuffix();
        await (await host.ClientAsync("admin")).DeployAsync($"Procedures/HandlerTests.{fixture}.bpmn", suffix);
        return $"{prefix}-{suffix}";
    }

    private async Task<List<JsonObject>> MineAsync(string username, string instanceId, string? query = null)
    {
        var page = (await (await host.ClientAsync(username)).GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100" + query))!;
        return [.. page["items"]!.AsArray().Select(n => n!.AsObject()).Where(n => n["instanceId"]?.GetValue<string>() == instanceId)];
    }

    /// <summary>Starts the notify fixture, which tells <paramref name="to"/> and leaves a task for admin.</summary>
    private async Task<string> NotifyAsync(string to, string toGroup = "")
    {
        var key = await DeployAsync("Notify", "notify");
        var started = await (await host.ClientAsync("admin")).StartAsync(key, new
        {
            jurisdiction = Binjiang,
            variables = new { to, toGroup, kind = "info", caseNo = "N-" + ProcessApi.NewSuffix() },
        });
        return started["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_new_task_message_names_the_procedure_the_case_number_and_the_case_not_the_engines_key()
    {
        var description = "5幢电梯门关不上" + ProcessApi.NewSuffix();
        var filed = await (await host.ClientAsync("owner.li")).StartAsync("complaint-handling", new
        {
            variables = new { category = "facilities", description, contact = "13900000000" },
        });
        var instanceId = filed["id"]!.GetValue<string>();
        var caseNumber = filed["caseNumber"]!.GetValue<string>();

        await host.Notifier.RunOnceAsync(CancellationToken.None);

        var announced = Assert.Single(await MineAsync("community.huangshan", instanceId), n => n["kind"]!.GetValue<string>() == "new-task");
        var body = announced["body"]!.GetValue<string>();
        Assert.StartsWith($"投诉处理", body, StringComparison.Ordinal);
        Assert.Contains($" · {caseNumber} · ", body, StringComparison.Ordinal);
        Assert.Contains(description, body, StringComparison.Ordinal);
        Assert.DoesNotContain("complaint-handling", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_tasks_are_announced_once_to_the_candidates_within_the_tasks_jurisdiction()
    {
        var key = await DeployAsync("Lookup", "lookup");
        var started = await (await host.ClientAsync("firm.binjiang")).StartAsync(key, new { jurisdiction = Binjiang });
        var instanceId = started["id"]!.GetValue<string>();

        var added = await host.Notifier.RunOnceAsync(CancellationToken.None);

        Assert.True(added >= 1);
        var announced = Assert.Single(await MineAsync("firm.binjiang", instanceId));
        Assert.Equal("new-task", announced["kind"]!.GetValue<string>());
        Assert.Equal("新任务：核对", announced["title"]!.GetValue<string>());
        Assert.NotNull(announced["taskId"]);
        Assert.Empty(await MineAsync("firm.yuxiu", instanceId));
        Assert.Empty(await MineAsync("community.huangshan", instanceId));

        // Looking again, or from two Hosts at once (each with its own watcher), announces nothing twice.
        using var otherHost = ActivatorUtilities.CreateInstance<NewTaskNotifier>(host.Services);
        await Task.WhenAll(host.Notifier.RunOnceAsync(CancellationToken.None), otherHost.RunOnceAsync(CancellationToken.None));
        Assert.Single(await MineAsync("firm.binjiang", instanceId));
    }

    [Fact]
    public async Task A_burst_of_new_tasks_larger_than_a_batch_is_announced_in_pieces_each_task_once()
    {
        var key = await DeployAsync("Lookup", "lookup");
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var count = (2 * NewTaskNotifier.BatchSize) + 37;
        var started = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            started.Add((await engine.StartAsync(new StartInstance { DefinitionKey = key, Jurisdiction = Binjiang })).Id);
        }

        var added = await host.Notifier.RunOnceAsync(CancellationToken.None);
        var again = await host.Notifier.RunOnceAsync(CancellationToken.None);

        Assert.True(added >= count, $"{added} notifications for {count} new tasks");
        Assert.Equal(0, again);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var announced = await db.Notifications.AsNoTracking()
            .Where(n => n.Username == "firm.binjiang" && n.Kind == NewTaskNotifier.Kind && n.InstanceId != null)
            .Select(n => n.InstanceId!.Value).ToListAsync();
        var ofBurst = announced.Where(started.Contains).ToList();
        Assert.Equal(count, ofBurst.Count);
        Assert.Equal(count, ofBurst.Distinct().Count());

        // The other tests of this class share the database: the burst is not left for their dispatcher to work through.
        await db.Notifications.Where(n => n.InstanceId != null && started.Contains(n.InstanceId.Value)).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task A_new_task_for_named_candidate_users_is_announced_to_them()
    {
        var instanceId = await NotifyAsync("owner.li");

        await host.Notifier.RunOnceAsync(CancellationToken.None);

        // The fixture's task "wait" has camunda:candidateUsers="admin".
        var mine = await MineAsync("admin", instanceId);
        Assert.Equal("新任务：等待", Assert.Single(mine, n => n["kind"]!.GetValue<string>() == "new-task")["title"]!.GetValue<string>());
        Assert.DoesNotContain(await MineAsync("owner.li", instanceId), n => n["kind"]!.GetValue<string>() == "new-task");
    }

    [Fact]
    public async Task A_user_reads_their_own_notifications_and_nobody_elses()
    {
        var instanceId = await NotifyAsync("owner.li,committee.binjiang");
        var owner = await host.ClientAsync("owner.li");
        var mine = Assert.Single(await MineAsync("owner.li", instanceId));
        var theirs = Assert.Single(await MineAsync("committee.binjiang", instanceId));
        var unreadBefore = (await owner.GetFromJsonAsync<JsonObject>("/api/notifications/unread-count"))!["unread"]!.GetValue<int>();
        Assert.True(unreadBefore >= 1);

        var read = await owner.PostAsync($"/api/notifications/{mine["id"]}/read", null);
        var foreign = await owner.PostAsync($"/api/notifications/{theirs["id"]}/read", null);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull((await read.Json())["readAt"]);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(unreadBefore - 1, (await owner.GetFromJsonAsync<JsonObject>("/api/notifications/unread-count"))!["unread"]!.GetValue<int>());
        Assert.Empty(await MineAsync("owner.li", instanceId, "&unread=true"));
        Assert.Single(await MineAsync("owner.li", instanceId, "&unread=false"));
        Assert.Null(Assert.Single(await MineAsync("committee.binjiang", instanceId))["readAt"]);
        var page = (await owner.GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=1"))!;
        Assert.Single(page["items"]!.AsArray());
        Assert.Equal(unreadBefore - 1, page["unread"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/notifications")).StatusCode);
    }

    [Fact]
    public async Task Read_all_marks_only_the_callers_notifications()
    {
        var instanceId = await NotifyAsync("street.chengjiang,station.chengjiang");
        var street = await host.ClientAsync("street.chengjiang");

        var response = await street.PostAsync("/api/notifications/read-all", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Json())["marked"]!.GetValue<int>() >= 1);
        Assert.Equal(0, (await street.GetFromJsonAsync<JsonObject>("/api/notifications/unread-count"))!["unread"]!.GetValue<int>());
        Assert.Null(Assert.Single(await MineAsync("station.chengjiang", instanceId))["readAt"]);
    }

    [Fact]
    public async Task Stored_notifications_reach_every_channel_at_least_once_and_a_failing_channel_is_retried()
    {
        var instanceId = await NotifyAsync("firm.binjiang,firm.yuxiu");
        var ids = (await MineAsync("firm.binjiang", instanceId)).Concat(await MineAsync("firm.yuxiu", instanceId))
            .Select(n => Guid.Parse(n["id"]!.GetValue<string>())).ToList();
        Assert.Equal(2, ids.Count);

        host.Channel.FailNext(1);
        var failed = await host.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.DoesNotContain(host.Channel.Delivered, n => ids.Contains(n.Id));

        // The retry (delay 0 here) hands them over; once delivered they are not handed over again.
        while (await host.Dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(ids.Order(), host.Channel.Delivered.Where(n => ids.Contains(n.Id)).Select(n => n.Id).Order());
        var delivered = host.Channel.Delivered.First(n => n.Id == ids[0]);
        Assert.Equal(instanceId, delivered.InstanceId.ToString());
        Assert.Equal("info", delivered.Kind);
        await host.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(2, host.Channel.Delivered.Count(n => ids.Contains(n.Id)));
    }

    [Fact]
    public async Task A_channel_that_keeps_failing_is_given_up_after_the_last_attempt()
    {
        var instanceId = await NotifyAsync("committee.binjiang");
        var id = Guid.Parse(Assert.Single(await MineAsync("committee.binjiang", instanceId))["id"]!.GetValue<string>());

        // MaxAttempts is 3 in this host.
        host.Channel.FailNext(100);
        for (var i = 0; i < 5; i++)
        {
            await host.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        }

        host.Channel.FailNext(0);
        while (await host.Dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }

        Assert.DoesNotContain(host.Channel.Delivered, n => n.Id == id);
    }

    [Fact]
    public async Task Notices_are_seen_within_the_jurisdiction_and_below_where_they_were_posted()
    {
        var key = await DeployAsync("Notice", "notice");
        var admin = await host.ClientAsync("admin");
        var inCommunity = await admin.StartAsync(key, new { jurisdiction = "jiangyin/chengjiang/huangshan", variables = new { days = 10, caseNo = "C-1" } });
        var inXingfuli = await admin.StartAsync(key, new { jurisdiction = "jiangyin/nanzha/xingfu/xingfuli", variables = new { days = 10, caseNo = "C-2" } });

        async Task<IEnumerable<string>> SeenBy(string username, string query = "") =>
            (await (await host.ClientAsync(username)).GetFromJsonAsync<JsonArray>("/api/notices" + query))!.Select(n => n!["instanceId"]!.GetValue<string>());

        var community = inCommunity["id"]!.GetValue<string>();
        var xingfuli = inXingfuli["id"]!.GetValue<string>();

        // An owner of a compound in the community sees the community's notice; owners elsewhere do not.
        Assert.Contains(community, await SeenBy("owner.li"));
        Assert.DoesNotContain(xingfuli, await SeenBy("owner.li"));
        Assert.Contains(xingfuli, await SeenBy("community.xingfu"));
        Assert.DoesNotContain(community, await SeenBy("community.xingfu"));
        Assert.Contains(community, await SeenBy("firm.yuxiu"));
        Assert.Contains(xingfuli, await SeenBy("admin"));
        Assert.Contains(community, await SeenBy("bureau.housing"));
        Assert.Contains(xingfuli, await SeenBy("bureau.housing"));

        // Narrowed to a node: what concerns it.
        Assert.DoesNotContain(xingfuli, await SeenBy("bureau.housing", "?jurisdiction=huangshan"));
        Assert.Contains(community, await SeenBy("bureau.housing", "?jurisdiction=binjiang-garden"));
        Assert.Empty(await SeenBy("owner.li", "?jurisdiction=xingfuli"));
        var unknown = await admin.GetAsync("/api/notices?jurisdiction=nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/notices")).StatusCode);
    }
}

public sealed class SqliteNotificationsTests(SqliteProcedureHost host) : NotificationsTests<SqliteProcedureHost>(host);

public sealed class PostgresNotificationsTests(PostgresProcedureHost host) : NotificationsTests<PostgresProcedureHost>(host);
