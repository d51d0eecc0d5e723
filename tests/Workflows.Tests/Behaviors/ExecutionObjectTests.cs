using Anju.Workflows.Deployment;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Camunda's <c>execution</c> object in expressions (Camunda 7 user guide, "Expression Language" → "Variables and
/// functions available inside expression language": <c>execution</c>), read-only: the instance's ids, its business
/// key, the current activity and <c>getVariable</c>. A variable called <c>execution</c> shadows it.
/// </summary>
public sealed class ExecutionObjectTests
{
    private static string Model(string body) => Bpmn.Process("exec", body);

    [Fact]
    public async Task A_call_activity_passes_the_business_key_through_execution_processBusinessKey()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
              <bpmn:process id="exec" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
                <bpmn:callActivity id="call" calledElement="child">
                  <bpmn:extensionElements><camunda:in businessKey="#{"{"}execution.processBusinessKey{"}"}" /></bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
              <bpmn:process id="child" isExecutable="true">
                <bpmn:startEvent id="cs" />
                <bpmn:sequenceFlow id="c1" sourceRef="cs" targetRef="work" />
                <bpmn:userTask id="work" camunda:candidateGroups="firm" />
                <bpmn:sequenceFlow id="c2" sourceRef="work" targetRef="ce" />
                <bpmn:endEvent id="ce" />
              </bpmn:process>
            </bpmn:definitions>
            """);

        var parent = await t.StartAsync("exec", businessKey: "WX-2026-000007");

        var child = Assert.Single(await t.RowsAsync<InstanceRow>(), i => i.ParentInstanceId == parent.Id);
        Assert.Equal("WX-2026-000007", child.BusinessKey);
    }

    [Fact]
    public async Task Ids_activity_and_getVariable_read_the_instance()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="who" />
            <bpmn:serviceTask id="who" camunda:expression="${execution.processInstanceId}" camunda:resultVariable="instanceId" />
            <bpmn:sequenceFlow id="f2" sourceRef="who" targetRef="where" />
            <bpmn:serviceTask id="where" camunda:expression="${execution.currentActivityId}" camunda:resultVariable="activity" />
            <bpmn:sequenceFlow id="f3" sourceRef="where" targetRef="route" />
            <bpmn:exclusiveGateway id="route" default="small" />
            <bpmn:sequenceFlow id="big" sourceRef="route" targetRef="approve"><bpmn:conditionExpression>${execution.getVariable('amount') > 100 &amp;&amp; execution.processDefinitionKey == 'exec'}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="small" sourceRef="route" targetRef="file" />
            <bpmn:userTask id="approve" camunda:candidateGroups="street" />
            <bpmn:userTask id="file" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f4" sourceRef="approve" targetRef="end" />
            <bpmn:sequenceFlow id="f5" sourceRef="file" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var large = await t.StartAsync("exec", new { amount = 250 });
        var small = await t.StartAsync("exec", new { amount = 20 });

        Assert.Equal(large.Id.ToString(), large.Variables["instanceId"]!.GetValue<string>());
        Assert.Equal("where", large.Variables["activity"]!.GetValue<string>());
        Assert.Equal(["approve"], large.ActiveActivityIds);
        Assert.Equal(["file"], small.ActiveActivityIds);
    }

    [Fact]
    public async Task getVariable_of_an_undefined_name_is_an_incident_naming_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="read" />
            <bpmn:serviceTask id="read" camunda:expression="${execution.getVariable('missing')}" camunda:resultVariable="x" />
            <bpmn:sequenceFlow id="f2" sourceRef="read" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("exec");

        var incident = Assert.Single(started.Incidents);
        Assert.Equal("read", incident.ActivityId);
        Assert.Contains("missing", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_named_execution_shadows_the_object()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="read" />
            <bpmn:serviceTask id="read" camunda:expression="${execution.processBusinessKey}" camunda:resultVariable="x" />
            <bpmn:sequenceFlow id="f2" sourceRef="read" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("exec", new { execution = new { processBusinessKey = "mine" } }, businessKey: "theirs");

        Assert.Equal("mine", started.Variables["x"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_variables_through_execution_is_refused_at_deploy()
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest
        {
            Files = [new DeploymentFile("x.bpmn", Model("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
                <bpmn:exclusiveGateway id="gate" />
                <bpmn:sequenceFlow id="f2" sourceRef="gate" targetRef="end"><bpmn:conditionExpression>${execution.setVariable('a', 1)}</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:endEvent id="end" />
                """))],
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "f2" && p.Message.Contains("setVariable", StringComparison.Ordinal));
    }
}
