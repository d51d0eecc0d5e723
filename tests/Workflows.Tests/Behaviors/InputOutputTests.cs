using Anju.Workflows.Deployment;
using Anju.Workflows.Handlers;
using Anju.Workflows.Parsing;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// camunda:inputOutput as Camunda 7 runs it (user guide, "Process Variables" → "Input/Output Variable Mapping"): an
/// input is evaluated in the enclosing scope and becomes a local variable of the activity; what the activity sets
/// follows the usual rule from its local scope (a name it has locally stays local); an output is evaluated in the
/// activity's scope when it ends normally and set outside; an activity left through an error or an interrupting
/// event maps nothing out. Lists and maps build structured values; scripts are refused.
/// </summary>
public sealed class InputOutputTests
{
    private const string Mapping = """
        <bpmn:extensionElements>
          <camunda:inputOutput>
            <camunda:inputParameter name="doubled">${amount * 2}</camunda:inputParameter>
            <camunda:inputParameter name="label">固定文字</camunda:inputParameter>
            <camunda:inputParameter name="comment" />
            <camunda:outputParameter name="result">${doubled + 1}</camunda:outputParameter>
            <camunda:outputParameter name="echo">${label}-${comment}</camunda:outputParameter>
          </camunda:inputOutput>
        </bpmn:extensionElements>
        """;

    private static string TaskModel(string mapping = Mapping) => Bpmn.Process("io", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
        <bpmn:userTask id="check" name="核对" camunda:candidateGroups="community" camunda:dueDate="${label == '固定文字' ? 'P1D' : 'P2D'}">{{mapping}}</bpmn:userTask>
        <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="after" />
        <bpmn:userTask id="after" name="后续" camunda:candidateGroups="community" />
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    [Theory]
    [InlineData(Store.Memory)]
    [InlineData(Store.Sqlite)]
    public async Task Inputs_are_local_to_the_task_and_outputs_come_out_when_it_completes(Store store)
    {
        // On SQLite the instance document (with the task's local scope) is stored between start and completion.
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployXmlAsync(TaskModel());

        var started = await t.StartAsync("io", new { amount = 20 });

        // The task's own attributes see its inputs (the due date chose P1D from 'label')...
        var task = await t.TaskAsync(started.Id, "check");
        Assert.Equal(TestEngine.DefaultStart.AddDays(1).UtcDateTime, task.DueAt);

        // ...but the instance does not: they live in the task's local scope.
        Assert.Equal(["amount"], started.Variables.Select(v => v.Key));

        await t.CompleteAsync(started.Id, "check", new { comment = "已核", decision = "同意" });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(41L, after.Variables["result"]!.GetValue<long>());
        Assert.Equal("固定文字-已核", after.Variables["echo"]!.GetValue<string>());

        // 'comment' was an input, so the completion set it locally and it went with the scope; 'decision' was not.
        Assert.False(after.Variables.ContainsKey("comment"));
        Assert.False(after.Variables.ContainsKey("doubled"));
        Assert.Equal("同意", after.Variables["decision"]!.GetValue<string>());
        Assert.Equal(["after"], after.ActiveActivityIds);
    }

    [Fact]
    public async Task Each_input_is_evaluated_in_the_enclosing_scope_not_from_the_inputs_before_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TaskModel("""
            <bpmn:extensionElements>
              <camunda:inputOutput>
                <camunda:inputParameter name="first">${amount}</camunda:inputParameter>
                <camunda:inputParameter name="second">${first + 1}</camunda:inputParameter>
              </camunda:inputOutput>
            </bpmn:extensionElements>
            """));

        var started = await t.StartAsync("io", new { amount = 1 });

        var incident = Assert.Single(started.Incidents);
        Assert.Equal(("check", "expression"), (incident.ActivityId, incident.Type));
        Assert.Contains("input parameter 'second'", incident.Message, StringComparison.Ordinal);
        Assert.Contains("first", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_and_maps_build_structured_values()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("io", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="prepare" />
            <bpmn:task id="prepare">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="parts">
                    <camunda:list>
                      <camunda:value>门禁</camunda:value>
                      <camunda:value>${amount}</camunda:value>
                      <camunda:list><camunda:value>a</camunda:value></camunda:list>
                    </camunda:list>
                  </camunda:inputParameter>
                  <camunda:inputParameter name="owner">
                    <camunda:map>
                      <camunda:entry key="name">张三</camunda:entry>
                      <camunda:entry key="share">${amount / 4}</camunda:entry>
                    </camunda:map>
                  </camunda:inputParameter>
                  <camunda:outputParameter name="summary">
                    <camunda:map>
                      <camunda:entry key="parts">${parts}</camunda:entry>
                      <camunda:entry key="owner">${owner}</camunda:entry>
                    </camunda:map>
                  </camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:task>
            <bpmn:sequenceFlow id="f2" sourceRef="prepare" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var done = await t.StartAsync("io", new { amount = 8 });

        Assert.Equal("completed", done.Status);
        var summary = done.Variables["summary"]!.AsObject();
        Assert.Equal("""["门禁",8,["a"]]""", summary["parts"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("张三", summary["owner"]!["name"]!.GetValue<string>());
        Assert.Equal(2.0, summary["owner"]!["share"]!.GetValue<double>());
        Assert.False(done.Variables.ContainsKey("parts"));
    }

    [Fact]
    public async Task A_handler_reads_the_inputs_and_its_result_is_mapped_out()
    {
        var seen = new List<string?>();
        var handlers = new ServiceTaskHandlers().Register("fee", ctx =>
        {
            seen.Add(ctx.GetVariable("rate")?.ToJsonString());
            ctx.SetVariable("fee", ctx.GetVariable("rate")!.GetValue<long>() * 10);
            return ValueTask.CompletedTask;
        });
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("io", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="compute" />
            <bpmn:serviceTask id="compute" camunda:class="fee">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="rate">${level + 1}</camunda:inputParameter>
                  <camunda:inputParameter name="fee" />
                  <camunda:outputParameter name="charged">${fee}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="compute" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var done = await t.StartAsync("io", new { level = 2 });

        Assert.Equal(["3"], seen);
        Assert.Equal(30L, done.Variables["charged"]!.GetValue<long>());
        Assert.False(done.Variables.ContainsKey("fee"));
        Assert.False(done.Variables.ContainsKey("rate"));
    }

    [Fact]
    public async Task An_activity_left_through_a_boundary_error_maps_nothing_out()
    {
        var handlers = new ServiceTaskHandlers().Register("refuse", _ => throw new BpmnErrorException("REFUSED"));
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
              <bpmn:error id="E1" errorCode="REFUSED" />
              <bpmn:process id="io" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="submit" />
                <bpmn:serviceTask id="submit" camunda:class="refuse">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="attempt">1</camunda:inputParameter>
                      <camunda:outputParameter name="submitted">${true}</camunda:outputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:boundaryEvent id="refused" attachedToRef="submit"><bpmn:errorEventDefinition errorRef="E1" /></bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="submit" targetRef="end" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f3" sourceRef="refused" targetRef="redo" />
                <bpmn:userTask id="redo" camunda:candidateGroups="community" />
              </bpmn:process>
            </bpmn:definitions>
            """);

        var started = await t.StartAsync("io");

        Assert.Equal(["redo"], started.ActiveActivityIds);
        Assert.False(started.Variables.ContainsKey("submitted"));
        Assert.False(started.Variables.ContainsKey("attempt"));
        var instance = await t.Engine.GetInstanceAsync(started.Id);
        Assert.NotNull(instance);
    }

    [Fact]
    public async Task A_subprocess_s_inputs_are_seen_inside_it_and_its_outputs_come_out_when_it_ends()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("io", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:subProcess id="sub">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="budget">${amount * 10}</camunda:inputParameter>
                  <camunda:outputParameter name="spent">${budget - 1}</camunda:outputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
              <bpmn:startEvent id="subStart" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inner" />
              <bpmn:userTask id="inner" camunda:candidateGroups="community" camunda:priority="${budget}" />
              <bpmn:sequenceFlow id="s2" sourceRef="inner" targetRef="subEnd" />
              <bpmn:endEvent id="subEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("io", new { amount = 7 });
        Assert.Equal(70, (await t.TaskAsync(started.Id, "inner")).Priority);

        await t.CompleteAsync(started.Id, "inner");

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Equal(69L, done.Variables["spent"]!.GetValue<long>());
        Assert.False(done.Variables.ContainsKey("budget"));
    }

    [Fact]
    public async Task Each_multi_instance_iteration_evaluates_the_inputs_for_itself()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("io", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
            <bpmn:userTask id="sign" camunda:assignee="${signer}" camunda:priority="${rank}">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="rank">${loopCounter + 60}</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${signers}" camunda:elementVariable="signer" />
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("io", new { signers = new[] { "li", "wang" } });

        var tasks = await t.TasksAsync(started.Id);
        Assert.Equal([("li", 60), ("wang", 61)], tasks.Select(x => (x.Assignee, x.Priority)).OrderBy(x => x.Assignee));
    }

    [Fact]
    public async Task An_external_worker_sees_the_inputs()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("io", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify" />
            <bpmn:serviceTask id="notify" camunda:type="external" camunda:topic="sms">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="text">您的报修${caseNo}已受理</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        await t.StartAsync("io", new { caseNo = "BX-7" });

        var locked = Assert.Single(await t.Engine.FetchAndLockAsync("worker", 5, [new TopicRequest("sms", 60_000)]));

        Assert.Equal("您的报修BX-7已受理", locked.Variables["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:inputParameter>", "script")]
    [InlineData("<camunda:inputParameter name=\"x\">${amount +}</camunda:inputParameter>", "input parameter 'x'")]
    [InlineData("<camunda:inputParameter>1</camunda:inputParameter>", "has no name")]
    public async Task A_parameter_Anju_cannot_evaluate_is_refused_at_deploy_with_its_element(string parameter, string expected)
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest
        {
            Files = [new DeploymentFile("io.bpmn", TaskModel($"<bpmn:extensionElements><camunda:inputOutput>{parameter}</camunda:inputOutput></bpmn:extensionElements>"))],
        });

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal("check", problem.ElementId);
        Assert.True(problem.Line > 0);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_on_an_end_event_or_a_multi_instance_activity_are_refused()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Bpmn.Process("io", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
            <bpmn:userTask id="sign" camunda:candidateGroups="community">
              <bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="x">1</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="end" />
            <bpmn:endEvent id="end">
              <bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="y">1</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements>
            </bpmn:endEvent>
            """);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("io.bpmn", xml)] });

        Assert.False(result.Succeeded);
        Assert.Equal(["end", "sign"], result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ElementId).Order());
    }

    [Fact]
    public async Task A_mapping_where_Camunda_reads_none_is_a_warning_and_ignored()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Bpmn.Process("io", """
            <bpmn:startEvent id="start">
              <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("io.bpmn", xml)] });

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Contains(result.Warnings, p => p.ElementId == "start" && p.Code == ProblemCodes.AttributeIgnored);
        var done = await t.StartAsync("io");
        Assert.Equal("completed", done.Status);
        Assert.False(done.Variables.ContainsKey("x"), done.Variables.ToJsonString());
    }
}
