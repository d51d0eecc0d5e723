using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>StartEventBehavior</c>: a none start event passes at once, at process level and as the first element of an
/// embedded subprocess (Camunda 7 reference, "None Events" → "None Start Event"); its listeners run as it passes.
/// </summary>
public sealed class StartEventBehaviorTests
{
    [Fact]
    public async Task A_none_start_event_passes_at_once_and_its_listeners_run()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("begin", """
            <bpmn:startEvent id="start">
              <bpmn:extensionElements><camunda:executionListener event="end" expression="${execution.setVariable('filedAt', 'start')}" /></bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept" />
            <bpmn:userTask id="accept" camunda:candidateGroups="community" />
            """));

        var started = await t.StartAsync("begin");

        Assert.Equal(["start"], started.CompletedActivityIds);
        Assert.Equal(["accept"], started.ActiveActivityIds);
        Assert.Equal("start", started.Variables["filedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subprocess_start_event_passes_inside_its_scope()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("inner", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inside" />
              <bpmn:userTask id="inside" camunda:candidateGroups="community" />
            </bpmn:subProcess>
            """));

        var started = await t.StartAsync("inner");

        Assert.Equal(["start", "subStart"], started.CompletedActivityIds);
        Assert.Equal(["inside", "sub"], started.ActiveActivityIds.Order());
    }
}
