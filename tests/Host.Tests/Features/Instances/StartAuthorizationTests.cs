using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Seeding;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Instances;

/// <summary>
/// Who may start which procedure (issue 15): every demo role against every procedure in definitions/, with the
/// start variables each procedure's start form asks for. The allowed ones start (201); the others get 403
/// start.forbidden and nothing is created. Then the start form (unknown names, types), filing on behalf of
/// someone (only staff may, and the journal records it), definitions that name nobody, and what
/// GET /api/definitions tells each user.
/// </summary>
public abstract class StartAuthorizationTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Binjiang = DemoData.Binjiang;

    [Theory]
    [MemberData(nameof(StartCases.Matrix), MemberType = typeof(StartCases))]
    public async Task Each_role_starts_only_the_procedures_it_may_start(string user, string key, bool allowed)
    {
        var client = await host.ClientAsync(user);
        var before = await CountAsync(key);

        var response = await client.PostAsJsonAsync($"/api/definitions/{key}/instances", new { variables = StartCases.Variables[key] });

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{user} → {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} → {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("start.forbidden", (await response.Json()).Code());
            Assert.Equal(before, await CountAsync(key));
        }
    }

    [Fact]
    public async Task An_owner_cannot_start_the_fund_use_with_any_amount_nor_the_quarterly_assessment()
    {
        var owner = await host.ClientAsync("owner.li");
        var fund = await owner.PostAsJsonAsync("/api/definitions/fund-normal-use/instances",
            new { variables = new { planTitle = "x", planAmount = 50_000_000, raisesFund = true } });
        var assessment = await owner.PostAsJsonAsync("/api/definitions/quarterly-assessment/instances", new { variables = new { } });

        Assert.Equal(HttpStatusCode.Forbidden, fund.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, assessment.StatusCode);
        Assert.Equal("您无权发起“维修资金一般使用”。", (await fund.Json())["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("complainant", "owner.sun")]
    [InlineData("initiator", "admin")]
    [InlineData("channel", "hotline")]
    public async Task A_start_variable_that_is_not_on_the_start_form_is_refused_and_nothing_is_created(string name, string value)
    {
        var owner = await host.ClientAsync("owner.li", "en");
        var before = await CountAsync("complaint-handling");
        var variables = new JsonObject { ["category"] = "facilities", ["description"] = "楼道灯不亮", [name] = value };

        var response = await owner.PostAsJsonAsync("/api/definitions/complaint-handling/instances", new { variables });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("validation", problem.Code());
        Assert.Equal("This is not a field of the procedure's start form and cannot be submitted.", problem["errors"]![name]![0]!.GetValue<string>());
        Assert.Equal(before, await CountAsync("complaint-handling"));
    }

    [Fact]
    public async Task Start_variables_are_checked_as_the_start_forms_types_and_limits()
    {
        var firm = await host.ClientAsync("firm.binjiang");
        var before = await CountAsync("emergency-repair");

        var response = await firm.PostAsJsonAsync("/api/definitions/emergency-repair/instances", new
        {
            variables = new { emergencyKind = "meteor", description = "外墙瓷砖脱落险情", repairPlan = "搭设脚手架后清除", budget = "很多", contractor = "某公司", plannedDays = 400 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.Equal(["budget", "emergencyKind", "plannedDays"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, await CountAsync("emergency-repair"));

        var committee = await host.ClientAsync("street.chengjiang");
        var share = await committee.PostAsJsonAsync("/api/definitions/committee-formation/instances", new { variables = new { initiatedBy = "owners", applicantShare = 1.5 } });
        Assert.Equal(HttpStatusCode.BadRequest, share.StatusCode);
        Assert.True((await share.Json())["errors"]!.AsObject().ContainsKey("applicantShare"));
    }

    [Fact]
    public async Task An_owner_cannot_file_a_complaint_in_another_owners_name()
    {
        var owner = await host.ClientAsync("owner.li");
        var before = await CountAsync("complaint-handling");

        var response = await owner.PostAsJsonAsync("/api/definitions/complaint-handling/instances",
            new { variables = new { category = "facilities", description = "楼道灯不亮", owner = "owner.sun" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("start.onBehalfForbidden", (await response.Json()).Code());
        Assert.Equal(before, await CountAsync("complaint-handling"));

        // Naming himself is filing for himself.
        var own = await owner.PostAsJsonAsync("/api/definitions/complaint-handling/instances",
            new { variables = new { category = "facilities", description = "楼道灯不亮", owner = "owner.li" } });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task Community_staff_file_a_hotline_complaint_for_an_owner_and_the_journal_records_who_filed_for_whom()
    {
        var community = await host.ClientAsync("community.huangshan");

        var response = await community.PostAsJsonAsync("/api/definitions/complaint-handling/instances",
            new { jurisdiction = Binjiang, variables = new { category = "sanitation", description = "垃圾未清运", owner = "owner.li" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Json())["id"]!.GetValue<string>();
        var admin = await host.ClientAsync("admin");
        var journal = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/journal");
        var started = journal!["entries"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "InstanceStarted")!;
        var details = started["details"]!;
        Assert.Equal("owner.li", details["filedOnBehalf"]!["owner"]!.GetValue<string>());
        Assert.Equal("community.huangshan", details["filedBy"]!.GetValue<string>());
        Assert.Equal("community.huangshan", started["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_definition_that_names_no_starter_is_started_by_administrators_only_and_named_users_may_start_theirs()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var nobody = "nobody-" + suffix;
        var named = "named-" + suffix;
        (await admin.PostXmlAsync("/api/deployments", Xml(nobody, ""))).EnsureSuccessStatusCode();
        (await admin.PostXmlAsync("/api/deployments", Xml(named, """camunda:candidateStarterUsers="owner.li" camunda:candidateStarterGroups="station" """))).EnsureSuccessStatusCode();
        var owner = await host.ClientAsync("owner.li");
        var street = await host.ClientAsync("street.chengjiang");
        var station = await host.ClientAsync("station.chengjiang");

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/definitions/{nobody}/instances", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync($"/api/definitions/{nobody}/instances", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/definitions/{nobody}/instances", new { jurisdiction = Binjiang })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/definitions/{named}/instances", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync($"/api/definitions/{named}/instances", new { })).StatusCode);
        // "station" is no role of anyone: the group must match exactly.
        Assert.Equal(HttpStatusCode.Forbidden, (await station.PostAsJsonAsync($"/api/definitions/{named}/instances", new { })).StatusCode);
    }

    [Fact]
    public async Task Starters_given_as_an_expression_are_refused_at_deploy()
    {
        var admin = await host.ClientAsync("admin", "en");
        var key = "expr-" + ProcessApi.NewSuffix();

        var response = await admin.PostXmlAsync("/api/deployments", Xml(key, """camunda:candidateStarterGroups="${starters}" """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("candidateStarterGroups", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_definitions_list_tells_each_user_what_they_may_start()
    {
        var owner = await host.ClientAsync("owner.li");
        var bureau = await host.ClientAsync("bureau.housing");

        var all = await owner.GetFromJsonAsync<JsonArray>("/api/definitions");
        var startable = await owner.GetFromJsonAsync<JsonArray>("/api/definitions?startable=true");
        var bureauStartable = await bureau.GetFromJsonAsync<JsonArray>("/api/definitions?startable=true");

        Assert.True(all!.Single(d => d!["key"]!.GetValue<string>() == "complaint-handling")!["canStart"]!.GetValue<bool>());
        Assert.False(all!.Single(d => d!["key"]!.GetValue<string>() == "fund-normal-use")!["canStart"]!.GetValue<bool>());
        Assert.Equal(["committee-formation", "complaint-handling", "enforcement-referral"], startable!.Select(d => d!["key"]!.GetValue<string>()).Where(k => StartCases.Starters.ContainsKey(k)));
        Assert.Equal(["quarterly-assessment"], bureauStartable!.Select(d => d!["key"]!.GetValue<string>()).Where(k => StartCases.Starters.ContainsKey(k)));
    }

    private async Task<int> CountAsync(string key)
    {
        var admin = await host.ClientAsync("admin");
        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={key}&pageSize=1");
        return page!["total"]!.GetValue<int>();
    }

    private static string Xml(string key, string starters) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d-{key}" targetNamespace="t">
          <bpmn:process id="{key}" name="发起权限测试" isExecutable="true" {starters}>
            <bpmn:startEvent id="s" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <bpmn:userTask id="t" name="办理" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
            <bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}

/// <summary>The procedures of definitions/, valid start variables for each, and who may start them.</summary>
public static class StartCases
{
    /// <summary>Valid start variables of each procedure of definitions/.</summary>
    public static readonly Dictionary<string, object> Variables = new(StringComparer.Ordinal)
    {
        ["complaint-handling"] = new { category = "facilities", description = "3幢电梯停运两天", contact = "13900000000" },
        ["emergency-repair"] = new { emergencyKind = "elevator", description = "2幢电梯曳引机故障", repairPlan = "更换曳引机", budget = 80_000, contractor = "某电梯公司", plannedDays = 3 },
        ["enforcement-referral"] = new { category = "noise", location = "5幢", description = "夜间装修噪声扰民", stopMeasures = "多次上门劝阻无效" },
        ["committee-formation"] = new { initiatedBy = "owners", applicantShare = 0.25 },
        ["fund-normal-use"] = new { planTitle = "2026年度共用部位维修计划", planAmount = 100_000, raisesFund = false, planYear = 2026 },
        ["quarterly-assessment"] = new { quarter = "2025Q4" },
        ["quarterly-assessment-compound"] = new { },
        ["rectification"] = new { problem = "消防通道被占用" },
        ["committee-supervision"] = new { supervisionKind = "adjust-committee", situation = "业委会连续半年未召开会议" },
    };

    /// <summary>Who may start what (docs/security.md, definitions/README.md); administrators start anything.</summary>
    public static readonly Dictionary<string, string[]> Starters = new(StringComparer.Ordinal)
    {
        ["complaint-handling"] = ["owner.li", "community.huangshan", "street.chengjiang"],
        ["emergency-repair"] = ["firm.binjiang", "committee.binjiang", "community.huangshan", "street.chengjiang"],
        ["enforcement-referral"] = ["firm.binjiang", "committee.binjiang", "owner.li"],
        ["committee-formation"] = ["owner.li", "street.chengjiang"],
        ["fund-normal-use"] = ["committee.binjiang", "firm.binjiang"],
        ["quarterly-assessment"] = ["bureau.housing"],
        ["quarterly-assessment-compound"] = [],
        ["rectification"] = ["community.huangshan", "street.chengjiang"],
        ["committee-supervision"] = ["street.chengjiang"],
    };

    public static readonly string[] Users =
        ["street.chengjiang", "community.huangshan", "firm.binjiang", "committee.binjiang", "station.chengjiang", "bureau.housing", "dept.chengguan", "owner.li"];

    public static TheoryData<string, string, bool> Matrix
    {
        get
        {
            var rows = new TheoryData<string, string, bool>();
            foreach (var key in Variables.Keys)
            {
                foreach (var user in Users)
                {
                    rows.Add(user, key, Starters[key].Contains(user));
                }
            }

            return rows;
        }
    }

}

public sealed class SqliteStartAuthorizationTests(SqliteHost host) : StartAuthorizationTests<SqliteHost>(host);

public sealed class PostgresStartAuthorizationTests(PostgresHost host) : StartAuthorizationTests<PostgresHost>(host);
