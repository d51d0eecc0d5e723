using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Deployments;

/// <summary>
/// One validation for the server and the designer (issue 16, item 2): POST /api/deployments?dryRun=true answers the
/// problems with element ids and stores nothing; a real deploy refuses the same values.
/// </summary>
public abstract class DeploymentValidationTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Simple = "Features/Deployments/DeploymentTests.Simple.bpmn";
    private const string Task = BadDeploymentValues.Task;

    private static string Gateways(string suffix) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="simple-{suffix}" name="循环" isExecutable="true">
            <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="g1" />
            <bpmn:exclusiveGateway id="g1" name="甲" /><bpmn:exclusiveGateway id="g2" name="乙" />
            <bpmn:sequenceFlow id="ab" sourceRef="g1" targetRef="g2" /><bpmn:sequenceFlow id="ba" sourceRef="g2" targetRef="g1" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [MemberData(nameof(BadDeploymentValues.Rows), MemberType = typeof(BadDeploymentValues))]
    public async Task A_bad_value_is_answered_by_the_dry_run_and_refused_by_deploy_with_its_element(string task, string elementId, string code)
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var xml = task == "gateways" ? Gateways(suffix) : ProcessApi.Fixture(Simple, suffix).Replace(Task, task, StringComparison.Ordinal);

        var dryRun = await admin.PostXmlAsync("/api/deployments?dryRun=true", xml);
        var afterDryRun = await admin.GetAsync($"/api/definitions/simple-{suffix}");
        var deploy = await admin.PostXmlAsync("/api/deployments", xml);

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var answer = await dryRun.Json();
        Assert.False(answer["valid"]!.GetValue<bool>());
        var error = answer["errors"]!.AsArray().First(e => e!["elementId"]?.GetValue<string>() == elementId && e["code"]!.GetValue<string>() == code)!;
        Assert.Equal("error", error["severity"]!.GetValue<string>());
        Assert.Contains(elementId, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(error["detail"]!.GetValue<string>(), error["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, afterDryRun.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deploy.StatusCode);
        var problem = await deploy.Json();
        Assert.Equal("deploymentInvalid", problem.Code());
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["elementId"]?.GetValue<string>() == elementId && e["code"]!.GetValue<string>() == code);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/simple-{suffix}")).StatusCode);
    }

    [Fact]
    public async Task The_dry_run_renders_a_due_date_in_words_in_Chinese_and_in_English_on_request()
    {
        var zh = await host.ClientAsync("admin");
        var en = await host.ClientAsync("admin", "en");
        var xml = ProcessApi.Fixture(Simple, ProcessApi.NewSuffix()).Replace("camunda:candidateGroups=\"property-firm\"", "camunda:candidateGroups=\"property-firm\" camunda:dueDate=\"2个工作日\"", StringComparison.Ordinal);

        var chinese = (await (await zh.PostXmlAsync("/api/deployments?dryRun=true", xml)).Json())["errors"]![0]!;
        var english = (await (await en.PostXmlAsync("/api/deployments?dryRun=true", xml)).Json())["errors"]![0]!;

        Assert.Equal("“办理 (handle)”的 dueDate“2个工作日”不是日期：请填写 ISO 8601 日期时间（如 2026-10-08T17:00）、时长（如 P2D 为 2 天），或给出日期的表达式（如 ${workingDays(2)} 为 2 个工作日）。", chinese["message"]!.GetValue<string>());
        Assert.StartsWith("userTask 'handle', dueDate: '2个工作日' is not an ISO 8601 date or duration", english["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadDeploymentValues.StructuralRows), MemberType = typeof(BadDeploymentValues))]
    public async Task A_structural_mistake_is_said_in_Chinese_and_in_English_on_request(string from, string to, string elementId, string code, string chinese, string english)
    {
        var zh = await host.ClientAsync("admin");
        var en = await host.ClientAsync("admin", "en");
        var xml = ProcessApi.Fixture(Simple, ProcessApi.NewSuffix()).Replace(from, to, StringComparison.Ordinal);

        var deploy = await zh.PostXmlAsync("/api/deployments", xml);
        var englishDryRun = await (await en.PostXmlAsync("/api/deployments?dryRun=true", xml)).Json();

        Assert.Equal(HttpStatusCode.BadRequest, deploy.StatusCode);
        var error = (await deploy.Json())["errors"]!.AsArray().First(e => e!["code"]!.GetValue<string>() == code)!;
        Assert.Equal((elementId, "error"), (error["elementId"]!.GetValue<string>(), error["severity"]!.GetValue<string>()));
        Assert.Equal(chinese, error["message"]!.GetValue<string>());
        Assert.Equal(english, error["detail"]!.GetValue<string>());
        var inEnglish = englishDryRun["errors"]!.AsArray().First(e => e!["code"]!.GetValue<string>() == code)!;
        Assert.Equal(english, inEnglish["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dry_run_of_a_valid_model_says_what_would_be_deployed_and_stores_no_version_and_no_timer_job()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var xml = ProcessApi.Fixture(Simple, suffix).Replace(
            """<bpmn:startEvent id="start" />""",
            """<bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>""",
            StringComparison.Ordinal);

        var dryRun = await admin.PostXmlAsync("/api/deployments?dryRun=true", xml);

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var answer = await dryRun.Json();
        Assert.True(answer["valid"]!.GetValue<bool>());
        Assert.Empty(answer["errors"]!.AsArray());
        var definition = Assert.Single(answer["definitions"]!.AsArray())!;
        Assert.Equal(($"simple-{suffix}", 1, true), (definition["key"]!.GetValue<string>(), definition["version"]!.GetValue<int>(), definition["isNew"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/simple-{suffix}")).StatusCode);
        var jobs = await admin.GetFromJsonAsync<JsonArray>("/api/jobs");
        Assert.DoesNotContain(jobs!, j => j!["definitionId"]!.GetValue<string>().StartsWith($"simple-{suffix}", StringComparison.Ordinal));

        // The same document deployed for real does create both: the dry run was the only thing holding back.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostXmlAsync("/api/deployments", xml)).StatusCode);
        jobs = await admin.GetFromJsonAsync<JsonArray>("/api/jobs");
        Assert.Contains(jobs!, j => j!["definitionId"]!.GetValue<string>() == $"simple-{suffix}:1");
    }

    [Fact]
    public async Task A_call_activity_whose_target_is_not_deployed_is_a_warning_and_deploys()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var xml = ProcessApi.Fixture(Simple, suffix).Replace(Task, """<bpmn:callActivity id="handle" name="办理" calledElement="nowhere-to-be-found" />""", StringComparison.Ordinal);

        var dryRun = await (await admin.PostXmlAsync("/api/deployments?dryRun=true", xml)).Json();
        var deploy = await admin.PostXmlAsync("/api/deployments", xml);

        Assert.True(dryRun["valid"]!.GetValue<bool>());
        var warning = Assert.Single(dryRun["warnings"]!.AsArray())!;
        Assert.Equal(("handle", "callTargetMissing", "warning"), (warning["elementId"]!.GetValue<string>(), warning["code"]!.GetValue<string>(), warning["severity"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, deploy.StatusCode);
        Assert.Equal("callTargetMissing", (await deploy.Json())["warnings"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_camunda_attribute_with_no_effect_where_it_stands_is_a_warning_in_chinese_and_the_model_deploys()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var xml = ProcessApi.Fixture(Simple, suffix).Replace(Task, """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="community" camunda:expression="${ignored}" />""", StringComparison.Ordinal);

        var deploy = await admin.PostXmlAsync("/api/deployments", xml);

        Assert.Equal(HttpStatusCode.Created, deploy.StatusCode);
        var warning = Assert.Single((await deploy.Json())["warnings"]!.AsArray())!;
        Assert.Equal(("handle", "attributeIgnored", "warning"), (warning["elementId"]!.GetValue<string>(), warning["code"]!.GetValue<string>(), warning["severity"]!.GetValue<string>()));
        Assert.Equal("camunda:expression 在 userTask 'handle' 上不起作用（Camunda 7 同样忽略它），已部署，该设置被忽略。", warning["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_minimum_timer_cycle_is_the_setting_Anju_Engine_MinimumTimerCycle()
    {
        await using var relaxed = host.WithWebHostBuilder(b => b.UseSetting("Anju:Engine:MinimumTimerCycle", "00:00:10"));
        var strictAdmin = await host.ClientAsync("admin");
        var relaxedAdmin = relaxed.CreateClient();
        var login = await relaxedAdmin.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = HostFixture.Password });
        relaxedAdmin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await login.Json())["token"]!.GetValue<string>());
        string Cycle(string cycle) => ProcessApi.Fixture(Simple, ProcessApi.NewSuffix()).Replace(
            Task,
            Task + $"""<bpmn:boundaryEvent id="remind" attachedToRef="handle" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>{cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="f3" sourceRef="remind" targetRef="end2" /><bpmn:endEvent id="end2" />""",
            StringComparison.Ordinal);

        var strict = await (await strictAdmin.PostXmlAsync("/api/deployments?dryRun=true", Cycle("R/PT30S"))).Json();
        var allowed = await (await relaxedAdmin.PostXmlAsync("/api/deployments?dryRun=true", Cycle("R/PT30S"))).Json();
        var tooShort = await (await relaxedAdmin.PostXmlAsync("/api/deployments?dryRun=true", Cycle("R/PT5S"))).Json();

        Assert.Equal("timerCycleTooShort", strict["errors"]![0]!["code"]!.GetValue<string>());
        Assert.True(allowed["valid"]!.GetValue<bool>(), allowed.ToJsonString());
        Assert.Equal("timerCycleTooShort", tooShort["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_administrators_run_a_dry_run()
    {
        var xml = ProcessApi.Fixture(Simple, ProcessApi.NewSuffix());

        var street = await (await host.ClientAsync("street.chengjiang")).PostXmlAsync("/api/deployments?dryRun=true", xml);
        var anonymous = await host.Anonymous().PostXmlAsync("/api/deployments?dryRun=true", xml);

        Assert.Equal(HttpStatusCode.Forbidden, street.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

/// <summary>The rows of the bad-value table, outside the generic class (CA1000).</summary>
public static class BadDeploymentValues
{
    /// <summary>The simple fixture's user task, which each row replaces.</summary>
    public const string Task = """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm" />""";

    /// <summary>Each row: how to spoil the simple process (the user task replaced), the element and the code expected.</summary>
    public static TheoryData<string, string, string> Rows() => new()
    {
        { """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm" camunda:dueDate="2个工作日" />""", "handle", "dateValue" },
        { """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm" camunda:followUpDate="${3 * 2}" />""", "handle", "dateValue" },
        { """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm" camunda:priority="高" />""", "handle", "priorityValue" },
        { """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm,,community" />""", "handle", "candidateList" },
        { """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm"><bpmn:extensionElements><camunda:formData><camunda:formField id="n" type="long"><camunda:validation><camunda:constraint name="max" config="很多" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>""", "handle", "formConstraint" },
        { Task + """<bpmn:boundaryEvent id="remind" attachedToRef="handle" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R1000000/PT0.001S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="f3" sourceRef="remind" targetRef="end2" /><bpmn:endEvent id="end2" />""", "remind", "timerCycleTooShort" },
        { Task + """<bpmn:boundaryEvent id="late" attachedToRef="handle"><bpmn:timerEventDefinition><bpmn:timeDuration>两天</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="end2" /><bpmn:endEvent id="end2" />""", "late", "timerValue" },
        { "gateways", "g1", "waitlessCycle" },
    };

    /// <summary>Each row: a replacement in the simple fixture, the element and code expected, its Chinese and English text.</summary>
    public static TheoryData<string, string, string, string, string, string> StructuralRows() => new()
    {
        {
            """<bpmn:startEvent id="start" />""",
            """<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="check" /><bpmn:exclusiveGateway id="check" name="是否受理" />""",
            "check", "noOutgoingFlow",
            "“是否受理 (check)”没有流出的顺序流：流程走到这里无法继续。请从它连一条顺序流到下一步。",
            "exclusiveGateway 'check' has no outgoing sequence flow"
        },
        {
            """<bpmn:startEvent id="start" />""",
            """<bpmn:startEvent id="start" name="收到补正"><bpmn:messageEventDefinition /></bpmn:startEvent>""",
            "start", "messageRefMissing",
            "“收到补正 (start)”没有选择消息：请在属性面板中为它选择或新建一个消息。",
            "startEvent 'start' has no messageRef"
        },
        {
            Task,
            """<bpmn:scriptTask id="handle" name="办理" />""",
            "handle", "scriptTaskUnsupported",
            "“办理 (handle)”是脚本任务，本系统不支持：脚本无法安全隔离运行。请改用服务任务（使用已注册的处理程序）或外部任务。",
            "scriptTask 'handle' is not supported: scripts cannot be sandboxed; use a service task with a registered handler or an external task"
        },
        {
            """<bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />""",
            """<bpmn:sequenceFlow id="f2" name="办结" sourceRef="handle" targetRef="finish" />""",
            "f2", "flowTargetUnknown",
            "顺序流“办结 (f2)”的终点“finish”不是本流程中的环节（可能已删除，或连在了注释、泳道上）。",
            "sequenceFlow 'f2' has target 'finish', which is not a flow node of this process"
        },
        {
            """<bpmn:endEvent id="end" />""",
            """<bpmn:endEvent id="end" /><bpmn:endEvent id="start" name="结束" />""",
            "start", "duplicateId",
            "标识“start”重复：“结束 (start)”和“start”用了同一个标识（ID）。模型中每个元素的标识必须唯一，请修改其中一个。",
            "Duplicate id 'start' (first used on line 4)"
        },
        {
            Task,
            """<bpmn:intermediateCatchEvent id="handle" name="等待答复"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>""",
            "handle", "timerDefinition",
            "“等待答复 (handle)”的定时器必须填写且只填写一项：日期（timeDate）、时长（timeDuration）或周期（timeCycle）。",
            "timer intermediate catch event 'handle' must have exactly one of timeDate, timeDuration or timeCycle"
        },
        {
            Task,
            """<bpmn:userTask id="handle" name="会签" camunda:candidateGroups="property-firm"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>""",
            "handle", "multiInstanceCountMissing",
            "“会签 (handle)”设为多实例，但既没有填写循环次数（loopCardinality），也没有填写集合（collection）：请填写其中一项。",
            "The multi-instance of userTask 'handle' needs a loopCardinality or a camunda:collection"
        },
        {
            Task,
            """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" label="金额" type="money" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>""",
            "handle", "formFieldTypeUnknown",
            "“办理 (handle)”的表单字段“amount”的类型“money”不受支持：请选择文本（string）、整数（long）、数字（double）、是否（boolean）、日期（date）或枚举（enum）。",
            "Form field 'amount' of userTask 'handle' has unknown type 'money' (string, long, double, boolean, date or enum)"
        },
        // The rarer problems (issue 20) are said in Chinese too, not as the English sentence under 「BPMN 模型有误：」.
        {
            """<bpmn:endEvent id="end" />""",
            """<bpmn:endEvent id="end" name="办结" /><bpmn:sequenceFlow id="f9" sourceRef="end" targetRef="handle" />""",
            "end", "endEventOutgoing",
            "结束事件“办结 (end)”不能有流出的顺序流：请删除这些顺序流，或把结束事件换成中间事件或任务。",
            "endEvent 'end' has outgoing sequence flows"
        },
        {
            Task,
            """<bpmn:serviceTask id="handle" name="缴费" camunda:type="external" />""",
            "handle", "externalTopicMissing",
            "外部任务“缴费 (handle)”没有填写主题（camunda:topic）：外部处理程序按主题领取任务，请填写主题。",
            "serviceTask 'handle' is an external task without camunda:topic"
        },
        {
            Task,
            """<bpmn:userTask id="handle" name="办理" camunda:candidateGroups="property-firm" default="f2" />""",
            "handle", "activityDefaultFlow",
            "“办理 (handle)”设置了默认流，本系统不支持：只有网关可以设置默认流。请在它之后加一个排他网关，在网关上设置默认流。",
            "A default flow on userTask 'handle' is not supported; route through an exclusive gateway"
        },
    };
}

public sealed class SqliteDeploymentValidationTests(SqliteHost host) : DeploymentValidationTests<SqliteHost>(host);

public sealed class PostgresDeploymentValidationTests(PostgresHost host) : DeploymentValidationTests<PostgresHost>(host);

/// <summary>Every deployment problem code has its Chinese and English text.</summary>
public sealed class DeploymentProblemMessagesTests
{
    [Fact]
    public void Every_problem_code_of_the_engine_has_a_message_in_both_languages()
    {
        var codes = typeof(Anju.Workflows.Deployment.ProblemCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code =>
        {
            Assert.Contains($"bpmn.{code}", Anju.Host.Problems.Messages.Codes);
            Assert.NotEqual($"bpmn.{code}", Anju.Host.Problems.Messages.Text(false, $"bpmn.{code}", "a", "b", "c", "d"));
            Assert.NotEqual($"bpmn.{code}", Anju.Host.Problems.Messages.Text(true, $"bpmn.{code}", "a", "b", "c", "d"));
        });
    }
}
