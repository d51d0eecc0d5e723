using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Procedures;

/// <summary>
/// Every handler in src/Host/Procedures, run by the engine inside small fixture processes deployed through the API,
/// with the Host's registry and accounts (DemoData) behind them.
/// </summary>
public abstract class HandlerTests<THost>(THost host) : IClassFixture<THost>
    where THost : ProcedureTestHost
{
    private const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";
    private const string Yuxiu = "jiangyin/chengjiang/huangshan/yuxiu-court";

    private async Task<string> DeployAsync(string fixture, string prefix, params (string From, string To)[] replacements)
    {
        var suffix = ProcessApi.NewSuffix();
        var xml = ProcessApi.Fixture($"Procedures/HandlerTests.{fixture}.bpmn", suffix);
        foreach (var (from, to) in replacements)
        {
            xml = xml.Replace(from, to, StringComparison.Ordinal);
        }

        var admin = await host.ClientAsync("admin");
        var response = await admin.PostXmlAsync("/api/deployments", xml);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return $"{prefix}-{suffix}";
    }

    private async Task<JsonObject> InstanceAsync(JsonObject started) =>
        (await (await host.ClientAsync("admin")).GetFromJsonAsync<JsonObject>($"/api/instances/{started["id"]}"))!;

    private async Task<List<JsonObject>> NotificationsAsync(string username, JsonObject instance, string? kind = null)
    {
        var client = await host.ClientAsync(username);
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100"))!;
        return [.. page["items"]!.AsArray().Select(n => n!.AsObject())
            .Where(n => n["instanceId"]?.GetValue<string>() == instance["id"]!.GetValue<string>() && (kind is null || n["kind"]!.GetValue<string>() == kind))];
    }

    private static async Task<JsonObject> WaitForAsync(Func<Task<JsonObject>> read, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }

    // ---------------------------------------------------------------- lookupCompound

    [Fact]
    public async Task LookupCompound_copies_the_registry_record_of_the_instances_compound()
    {
        var key = await DeployAsync("Lookup", "lookup");
        var started = await (await host.ClientAsync("firm.yuxiu")).StartAsync(key, new { jurisdiction = Yuxiu });

        var variables = (await InstanceAsync(started))["variables"]!;

        Assert.Equal(["check"], (await InstanceAsync(started))["activeActivityIds"].Strings());
        Assert.Equal("毓秀苑", variables["compoundName"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang/huangshan", variables["communityPath"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang", variables["streetPath"]!.GetValue<string>());
        Assert.Equal("江阴毓秀物业管理有限公司", variables["propertyFirm"]!.GetValue<string>());
        Assert.Equal("蒋经理", variables["projectManager"]!.GetValue<string>());
        Assert.Equal("none", variables["committeeStatus"]!.GetValue<string>());
        Assert.False(variables["hasCommittee"]!.GetValue<bool>());
        Assert.Equal(31_200m, variables["floorArea"]!.GetValue<decimal>());
        Assert.Equal(268, variables["units"]!.GetValue<int>());
        Assert.Equal(0.42m, variables["deliveredShare"]!.GetValue<decimal>());

        // First delivery 2025-05-01: whole years since then, by today's date.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var years = today.Year - 2025 - (new DateOnly(2025, 5, 1).AddYears(today.Year - 2025) > today ? 1 : 0);
        Assert.Equal(years, variables["yearsSinceFirstDelivery"]!.GetValue<int>());
    }

    [Fact]
    public async Task LookupCompound_sees_a_committee_and_an_edit_made_through_the_registry()
    {
        var key = await DeployAsync("Lookup", "lookup");
        var admin = await host.ClientAsync("admin");
        var before = (await InstanceAsync(await admin.StartAsync(key, new { jurisdiction = Binjiang })))["variables"]!;
        Assert.True(before["hasCommittee"]!.GetValue<bool>());
        Assert.Equal("owners-committee", before["committeeStatus"]!.GetValue<string>());

        var edited = await admin.PutAsJsonAsync($"/api/registry/compounds/{Binjiang}", new { projectManager = "陈经理（新）" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var after = (await InstanceAsync(await admin.StartAsync(key, new { jurisdiction = Binjiang })))["variables"]!;
        Assert.Equal("陈经理（新）", after["projectManager"]!.GetValue<string>());
        await admin.PutAsJsonAsync($"/api/registry/compounds/{Binjiang}", new { projectManager = "陈经理" });
    }

    [Fact]
    public async Task LookupCompound_outside_a_registered_compound_throws_the_BPMN_error_unknown_compound()
    {
        var key = await DeployAsync("Lookup", "lookup");

        // A community is a jurisdiction but not a compound.
        var started = await (await host.ClientAsync("community.huangshan")).StartAsync(key, new { jurisdiction = "jiangyin/chengjiang/huangshan" });

        var instance = await InstanceAsync(started);
        Assert.Equal(["register"], instance["activeActivityIds"].Strings());
        Assert.Contains("noCompound", instance["completedActivityIds"].Strings());
        Assert.Null(instance["variables"]!["compoundName"]);
        Assert.Empty(instance["incidents"]!.AsArray());
    }

    // ---------------------------------------------------------------- routeViolation

    [Fact]
    public async Task RouteViolation_finds_the_leading_and_supporting_departments_and_the_leading_department_gets_the_task()
    {
        var key = await DeployAsync("Route", "route");
        var station = await host.ClientAsync("station.chengjiang");

        var started = await station.StartAsync(key, new { jurisdiction = Binjiang, variables = new { category = "structural-alteration" } });

        var instance = await InstanceAsync(started);
        var variables = instance["variables"]!;
        Assert.Equal(["handle"], instance["activeActivityIds"].Strings());
        Assert.Equal("zhujian", variables["leadingDepartment"]!.GetValue<string>());
        Assert.Equal("住建局", variables["leadingDepartmentName"]!.GetValue<string>());
        Assert.Equal("dept:zhujian", variables["leadingGroup"]!.GetValue<string>());
        Assert.Equal(["zhujian", "chengguan"], variables["departments"].Strings());
        Assert.Equal(["dept:zhujian", "dept:chengguan"], variables["departmentGroups"].Strings());
        Assert.Equal(["dept:chengguan"], variables["supportingGroups"].Strings());
        Assert.False(variables["urgent"]!.GetValue<bool>());
        Assert.Equal("损坏或擅自改变房屋承重结构、主体结构", variables["categoryName"]!.GetValue<string>());

        var id = started["id"]!.GetValue<string>();
        Assert.True(await SeesTaskOfAsync("dept.zhujian", id));
        Assert.False(await SeesTaskOfAsync("dept.chengguan", id));
    }

    [Fact]
    public async Task RouteViolation_honours_the_stations_override_and_keeps_the_usual_department_supporting()
    {
        var key = await DeployAsync("Route", "route");
        var station = await host.ClientAsync("station.chengjiang");

        var started = await station.StartAsync(key, new { jurisdiction = Binjiang, variables = new { category = "fire-lane", overrideLeading = "chengguan" } });

        var variables = (await InstanceAsync(started))["variables"]!;
        Assert.Equal("chengguan", variables["leadingDepartment"]!.GetValue<string>());
        Assert.Equal(["chengguan", "xiaofang"], variables["departments"].Strings());
        Assert.Equal(["dept:xiaofang"], variables["supportingGroups"].Strings());
        Assert.True(variables["urgent"]!.GetValue<bool>());
        Assert.True(await SeesTaskOfAsync("dept.chengguan", started["id"]!.GetValue<string>()));
        Assert.False(await SeesTaskOfAsync("dept.xiaofang", started["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RouteViolation_reads_the_table_at_run_time_so_an_administrators_edit_applies_to_the_next_referral()
    {
        var key = await DeployAsync("Route", "route");
        var admin = await host.ClientAsync("admin");
        var id = "test-" + ProcessApi.NewSuffix();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/registry/violation-categories", new
        {
            id,
            name = "测试类别",
            leadingDepartment = "gongan",
            supportingDepartments = new[] { "chengguan" },
        })).StatusCode);
        var first = (await InstanceAsync(await admin.StartAsync(key, new { jurisdiction = Binjiang, variables = new { category = id } })))["variables"]!;
        Assert.Equal(["gongan", "chengguan"], first["departments"].Strings());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/registry/violation-categories/{id}", new
        {
            leadingDepartment = "shichang",
            supportingDepartments = Array.Empty<string>(),
        })).StatusCode);

        var second = (await InstanceAsync(await admin.StartAsync(key, new { jurisdiction = Binjiang, variables = new { category = id } })))["variables"]!;
        Assert.Equal(["shichang"], second["departments"].Strings());
        Assert.Empty(second["supportingGroups"]!.AsArray());
    }

    [Theory]
    [InlineData("no-such-category", null, "noCategory")]
    [InlineData("noise", "no-such-department", "noDepartment")]
    public async Task RouteViolation_with_an_unknown_category_or_override_throws_a_BPMN_error(string category, string? overrideLeading, string boundary)
    {
        var key = await DeployAsync("Route", "route");

        var started = await (await host.ClientAsync("station.chengjiang")).StartAsync(key, new
        {
            jurisdiction = Binjiang,
            variables = new Dictionary<string, object?> { ["category"] = category, ["overrideLeading"] = overrideLeading },
        });

        var instance = await InstanceAsync(started);
        Assert.Equal(["classify"], instance["activeActivityIds"].Strings());
        Assert.Contains(boundary, instance["completedActivityIds"].Strings());
        Assert.Null(instance["variables"]!["leadingDepartment"]);
    }

    private async Task<bool> SeesTaskOfAsync(string username, string instanceId)
    {
        var client = await host.ClientAsync(username);
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/tasks?pageSize=100"))!;
        return page["items"]!.AsArray().Any(t => t!["instanceId"]!.GetValue<string>() == instanceId);
    }

    // ---------------------------------------------------------------- notify

    [Fact]
    public async Task Notify_with_to_puts_the_message_in_the_named_users_list_only()
    {
        var key = await DeployAsync("Notify", "notify");

        var started = await (await host.ClientAsync("firm.binjiang")).StartAsync(key, new
        {
            jurisdiction = Binjiang,
            variables = new { to = "owner.li", toGroup = "", kind = "result", caseNo = "TS-001" },
        });

        var received = Assert.Single(await NotificationsAsync("owner.li", started));
        Assert.Equal("result", received["kind"]!.GetValue<string>());
        Assert.Equal("事项 TS-001 提醒", received["title"]!.GetValue<string>());
        Assert.Equal("请及时办理", received["body"]!.GetValue<string>());
        Assert.Null(received["readAt"]);
        Assert.Empty(await NotificationsAsync("firm.binjiang", started));
        Assert.Equal(["owner.li"], (await InstanceAsync(started))["variables"]!["lastNotified"].Strings());
    }

    [Fact]
    public async Task Notify_with_toGroup_reaches_only_holders_of_the_role_whose_jurisdiction_covers_the_instance()
    {
        var key = await DeployAsync("Notify", "notify");

        var started = await (await host.ClientAsync("admin")).StartAsync(key, new
        {
            jurisdiction = Binjiang,
            variables = new { to = "", toGroup = "property-firm,community,street-office", kind = "reminder", caseNo = "TS-002" },
        });

        Assert.Equal(["community.huangshan", "firm.binjiang", "street.chengjiang"], (await InstanceAsync(started))["variables"]!["lastNotified"].Strings());
        Assert.Single(await NotificationsAsync("firm.binjiang", started, "reminder"));
        Assert.Single(await NotificationsAsync("community.huangshan", started, "reminder"));
        Assert.Empty(await NotificationsAsync("firm.yuxiu", started));
        Assert.Empty(await NotificationsAsync("community.xingfu", started));
        Assert.Empty(await NotificationsAsync("street.nanzha", started));
        Assert.Empty(await NotificationsAsync("owner.li", started));
    }

    [Fact]
    public async Task Notify_with_a_department_group_reaches_that_departments_officers_only()
    {
        var key = await DeployAsync("Notify", "notify");

        var started = await (await host.ClientAsync("admin")).StartAsync(key, new
        {
            jurisdiction = "jiangyin/nanzha/xingfu/xingfuli",
            variables = new { to = "community.xingfu", toGroup = "dept:xiaofang", kind = "escalation", caseNo = "TS-003" },
        });

        Assert.Equal(["community.xingfu", "dept.xiaofang"], (await InstanceAsync(started))["variables"]!["lastNotified"].Strings());
        Assert.Single(await NotificationsAsync("dept.xiaofang", started, "escalation"));
        Assert.Empty(await NotificationsAsync("dept.chengguan", started));
        Assert.Empty(await NotificationsAsync("dept.zhujian", started));
    }

    [Fact]
    public async Task Notify_with_an_unknown_kind_fails_the_step_without_storing_anything()
    {
        var key = await DeployAsync("Notify", "notify");

        var started = await (await host.ClientAsync("admin")).StartAsync(key, new
        {
            jurisdiction = Binjiang,
            variables = new { to = "owner.li", toGroup = "", kind = "gossip", caseNo = "TS-004" },
        });

        var instance = await InstanceAsync(started);
        Assert.Equal(["tell"], instance["activeActivityIds"].Strings());
        Assert.Empty(await NotificationsAsync("owner.li", started));
    }

    // ---------------------------------------------------------------- postPublicNotice

    [Fact]
    public async Task PostPublicNotice_posts_a_notice_in_the_compound_for_the_given_days()
    {
        var key = await DeployAsync("Notice", "notice");
        var started = await (await host.ClientAsync("firm.binjiang")).StartAsync(key, new
        {
            jurisdiction = Binjiang,
            variables = new { days = 7, caseNo = "GS-001" },
        });

        var variables = (await InstanceAsync(started))["variables"]!;
        var notices = (await (await host.ClientAsync("owner.li")).GetFromJsonAsync<JsonArray>("/api/notices"))!;
        var notice = Assert.Single(notices, n => n!["instanceId"]?.GetValue<string>() == started["id"]!.GetValue<string>())!;
        Assert.Equal(variables["noticeId"]!.GetValue<string>(), notice["id"]!.GetValue<string>());
        Assert.Equal("维修方案公示 GS-001", notice["title"]!.GetValue<string>());
        Assert.Equal(Binjiang, notice["jurisdiction"]!.GetValue<string>());
        Assert.Equal("滨江花园", notice["jurisdictionName"]!.GetValue<string>());
        Assert.Equal(key, notice["definitionKey"]!.GetValue<string>());
        var posted = notice["postedAt"]!.GetValue<DateTimeOffset>();
        var until = notice["until"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromDays(7), until - posted);
        // PostgreSQL keeps microseconds, the variable .NET's ticks.
        var untilVariable = DateTimeOffset.Parse(variables["noticeUntil"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((until - untilVariable).Duration() < TimeSpan.FromMilliseconds(1), $"{until:O} vs {untilVariable:O}");

        // Owners of another compound do not see it; the street above does.
        var elsewhere = (await (await host.ClientAsync("firm.yuxiu")).GetFromJsonAsync<JsonArray>("/api/notices"))!;
        Assert.DoesNotContain(elsewhere, n => n!["id"]!.GetValue<string>() == notice["id"]!.GetValue<string>());
        var street = (await (await host.ClientAsync("street.chengjiang")).GetFromJsonAsync<JsonArray>("/api/notices"))!;
        Assert.Contains(street, n => n!["id"]!.GetValue<string>() == notice["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(400)]
    public async Task PostPublicNotice_with_bad_days_raises_an_incident_and_posts_nothing(int days)
    {
        var key = await DeployAsync("Notice", "notice");

        var started = await (await host.ClientAsync("admin")).StartAsync(key, new { jurisdiction = Binjiang, variables = new { days, caseNo = "GS-BAD" } });

        var instance = await InstanceAsync(started);
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Contains("days must be between 1 and 366", incident["message"]!.GetValue<string>());
        Assert.Null(instance["variables"]!["noticeId"]);
        var notices = (await (await host.ClientAsync("admin")).GetFromJsonAsync<JsonArray>("/api/notices"))!;
        Assert.DoesNotContain(notices, n => n!["instanceId"]?.GetValue<string>() == started["id"]!.GetValue<string>());
    }

    // ---------------------------------------------------------------- startProcess

    [Fact]
    public async Task StartProcess_starts_the_named_procedure_in_the_same_compound_with_a_link_back_and_the_copied_variables()
    {
        var suffix = ProcessApi.NewSuffix();
        var admin = await host.ClientAsync("admin");
        await admin.DeployAsync("Procedures/HandlerTests.Target.bpmn", suffix);
        Assert.True((await admin.PostXmlAsync("/api/deployments", ProcessApi.Fixture("Procedures/HandlerTests.Source.bpmn", suffix).Replace("HANDLER", "startProcess", StringComparison.Ordinal))).IsSuccessStatusCode);

        var started = await (await host.ClientAsync("owner.li")).StartAsync($"source-{suffix}", new
        {
            businessKey = "TS-2026-009",
            jurisdiction = Binjiang,
            variables = new { category = "noise", description = "夜间装修噪声", phone = "13800000000" },
        });

        var source = await InstanceAsync(started);
        Assert.Equal(["wait"], source["activeActivityIds"].Strings());
        var targetId = source["variables"]!["startedInstanceId"]!.GetValue<string>();
        var target = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{targetId}"))!;
        Assert.Equal($"target-{suffix}", target["definitionKey"]!.GetValue<string>());
        Assert.Equal(Binjiang, target["jurisdiction"]!.GetValue<string>());
        Assert.Equal("TS-2026-009", target["businessKey"]!.GetValue<string>());
        Assert.Equal(["handle"], target["activeActivityIds"].Strings());
        var variables = target["variables"]!;
        Assert.Equal(started["id"]!.GetValue<string>(), variables["sourceInstanceId"]!.GetValue<string>());
        Assert.Equal($"source-{suffix}", variables["sourceDefinitionKey"]!.GetValue<string>());
        Assert.Equal("noise", variables["category"]!.GetValue<string>());
        Assert.Equal("夜间装修噪声", variables["description"]!.GetValue<string>());
        Assert.Null(variables["phone"]);

        // The station of the compound's street gets the new case; the one elsewhere does not exist.
        Assert.True(await SeesTaskOfAsync("station.chengjiang", targetId));
    }

    [Fact]
    public async Task StartProcess_in_an_attempt_that_fails_starts_nothing_and_the_retry_starts_exactly_one()
    {
        var suffix = ProcessApi.NewSuffix();
        var admin = await host.ClientAsync("admin");
        await admin.DeployAsync("Procedures/HandlerTests.Target.bpmn", suffix);
        Assert.True((await admin.PostXmlAsync("/api/deployments", ProcessApi.Fixture("Procedures/HandlerTests.Source.bpmn", suffix).Replace("HANDLER", StartThenFailOnce.Name, StringComparison.Ordinal))).IsSuccessStatusCode);

        var started = await admin.StartAsync($"source-{suffix}", new { jurisdiction = Binjiang, variables = new { category = "noise", description = "重试" } });

        var first = await InstanceAsync(started);
        Assert.Equal(["refer"], first["activeActivityIds"].Strings());
        Assert.Equal(0, await CountInstancesAsync(admin, $"target-{suffix}"));

        // The failed attempt leaves nothing behind: the variable it set is restored (absent) with its start.
        Assert.Null(first["variables"]!["startedInstanceId"]);

        // The retry job (R3/PT4S) is run by the background job executor.
        var after = await WaitForAsync(() => InstanceAsync(started), i => i["activeActivityIds"].Strings().SequenceEqual(["wait"]));
        Assert.Equal(["wait"], after["activeActivityIds"].Strings());
        Assert.Equal(1, await CountInstancesAsync(admin, $"target-{suffix}"));
        var startedId = after["variables"]!["startedInstanceId"]!.GetValue<string>();
        var target = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{startedId}"))!;
        Assert.Equal(started["id"]!.GetValue<string>(), target["variables"]!["sourceInstanceId"]!.GetValue<string>());
    }

    private static async Task<int> CountInstancesAsync(HttpClient admin, string key) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={key}"))!["total"]!.GetValue<int>();

    // ---------------------------------------------------------------- the engine's transaction

    [Fact]
    public async Task A_notification_rolls_back_with_the_engine_command_when_the_command_fails_to_save()
    {
        var key = await DeployAsync("Rollback", "rollback", ("AFTER", BumpRevision.Name));
        var firm = await host.ClientAsync("firm.binjiang");
        var started = await firm.StartAsync(key, new { jurisdiction = Binjiang, variables = new { caseNo = "RB-001" } });
        var task = (await firm.GetFromJsonAsync<JsonObject>("/api/tasks?pageSize=100"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<string>() == started["id"]!.GetValue<string>())!;

        // notify stores a message, then a later step of the same command makes the instance's save conflict.
        var response = await firm.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await NotificationsAsync("owner.li", started));
        var instance = await InstanceAsync(started);
        Assert.Equal(["review"], instance["activeActivityIds"].Strings());
        Assert.Null(instance["variables"]!["lastNotified"]);
    }

    [Fact]
    public async Task An_expression_error_in_a_later_step_is_an_incident_there_and_the_earlier_notification_is_kept()
    {
        // The engine does not roll a command back for a run-time failure of one step: it stops that token with an
        // incident and commits the rest, so the message of the completed notify step is stored (once).
        var key = await DeployAsync("Rollback", "rollback", ("AFTER", "notify"));
        var firm = await host.ClientAsync("firm.binjiang");
        var started = await firm.StartAsync(key, new { jurisdiction = Binjiang, variables = new { caseNo = "RB-002" } });
        var task = (await firm.GetFromJsonAsync<JsonObject>("/api/tasks?pageSize=100"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<string>() == started["id"]!.GetValue<string>())!;

        var response = await firm.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { } });

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var instance = await InstanceAsync(started);
        Assert.Equal(["after"], instance["activeActivityIds"].Strings());
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        Assert.Contains("undefinedVariable", incident["message"]!.GetValue<string>());
        var received = Assert.Single(await NotificationsAsync("owner.li", started));
        Assert.Equal("审核完成 RB-002", received["title"]!.GetValue<string>());
    }
}

public sealed class SqliteHandlerTests(SqliteProcedureHost host) : HandlerTests<SqliteProcedureHost>(host);

public sealed class PostgresHandlerTests(PostgresProcedureHost host) : HandlerTests<PostgresProcedureHost>(host);
