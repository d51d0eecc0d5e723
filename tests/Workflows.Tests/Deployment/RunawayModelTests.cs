using Anju.Workflows.Deployment;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Deployment;

/// <summary>A cycle a token would run around forever in one command is refused at deploy, naming its elements.</summary>
public sealed class RunawayModelTests
{
    private static string Process(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:message id="m" name="reply" />
          <bpmn:process id="p" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → g1; g1 → y (condition) or end (default); y → g2 → g1: a loop through <paramref name="y"/>.</summary>
    private static string LoopThrough(string y) => Process($$"""
        <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g1" />
        <bpmn:exclusiveGateway id="g1" name="再来一次？" default="out" />
        <bpmn:sequenceFlow id="again" sourceRef="g1" targetRef="y"><bpmn:conditionExpression>${again}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="out" sourceRef="g1" targetRef="e" /><bpmn:endEvent id="e" />
        {{y}}
        <bpmn:sequenceFlow id="f2" sourceRef="y" targetRef="g2" />
        <bpmn:exclusiveGateway id="g2" />
        <bpmn:sequenceFlow id="back" sourceRef="g2" targetRef="g1" />
        """);

    private static async Task<DeploymentResult> DeployAsync(TestEngine t, string xml) =>
        await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });

    [Fact]
    public async Task Two_exclusive_gateways_pointing_at_each_other_are_refused_naming_both()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Process("""
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g1" />
            <bpmn:exclusiveGateway id="g1" name="甲" /><bpmn:exclusiveGateway id="g2" name="乙" />
            <bpmn:sequenceFlow id="ab" sourceRef="g1" targetRef="g2" />
            <bpmn:sequenceFlow id="ba" sourceRef="g2" targetRef="g1" />
            """);

        var result = await DeployAsync(t, xml);

        Assert.False(result.Succeeded);
        var cycle = result.Problems.Where(p => p.Code == ProblemCodes.WaitlessCycle).ToList();
        Assert.Equal(["g1", "g2"], cycle.Select(p => p.ElementId).Order(StringComparer.Ordinal));
        Assert.All(cycle, p => Assert.Contains("'g1', 'g2'", p.Message, StringComparison.Ordinal));
        Assert.All(cycle, p => Assert.Equal("甲 (g1) → 乙 (g2)", Assert.Single(p.Arguments)));
    }

    [Theory]
    [InlineData("""<bpmn:manualTask id="y" />""")]
    [InlineData("""<bpmn:intermediateThrowEvent id="y" />""")]
    [InlineData("""<bpmn:parallelGateway id="y" />""")]
    [InlineData("""<bpmn:inclusiveGateway id="y" />""")]
    [InlineData("""<bpmn:subProcess id="y"><bpmn:startEvent id="ys" /><bpmn:sequenceFlow id="yf" sourceRef="ys" targetRef="ye" /><bpmn:endEvent id="ye" /></bpmn:subProcess>""")]
    public async Task A_loop_with_no_wait_state_is_refused(string y)
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await DeployAsync(t, LoopThrough(y));

        Assert.False(result.Succeeded);
        Assert.Equal(["g1", "g2", "y"], result.Problems.Where(p => p.Code == ProblemCodes.WaitlessCycle).Select(p => p.ElementId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""<bpmn:userTask id="y" camunda:candidateGroups="community" />""")]
    [InlineData("""<bpmn:receiveTask id="y" messageRef="m" />""")]
    [InlineData("""<bpmn:intermediateCatchEvent id="y"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""")]
    [InlineData("""<bpmn:intermediateCatchEvent id="y"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>""")]
    [InlineData("""<bpmn:serviceTask id="y" camunda:type="external" camunda:topic="t" />""")]
    [InlineData("""<bpmn:manualTask id="y" camunda:asyncBefore="true" />""")]
    [InlineData("""<bpmn:intermediateThrowEvent id="y" camunda:asyncBefore="true" />""")]
    [InlineData("""<bpmn:intermediateThrowEvent id="y" camunda:asyncAfter="true" />""")]
    [InlineData("""<bpmn:parallelGateway id="y" camunda:asyncBefore="true" />""")]
    [InlineData("""<bpmn:inclusiveGateway id="y" camunda:asyncAfter="true" />""")]
    [InlineData("""<bpmn:callActivity id="y" calledElement="p" />""")]
    [InlineData("""<bpmn:subProcess id="y"><bpmn:startEvent id="ys" /><bpmn:sequenceFlow id="yf" sourceRef="ys" targetRef="yu" /><bpmn:userTask id="yu" camunda:candidateGroups="community" /><bpmn:sequenceFlow id="yg" sourceRef="yu" targetRef="ye" /><bpmn:endEvent id="ye" /></bpmn:subProcess>""")]
    public async Task A_loop_through_a_wait_state_deploys(string y)
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await DeployAsync(t, LoopThrough(y));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task A_loop_through_a_service_task_is_left_to_the_run_time_budget()
    {
        // The handler may set the variable that ends the loop, so the static check cannot call it endless.
        var handlers = new ServiceTaskHandlers();
        handlers.Register("count", _ => ValueTask.CompletedTask);
        await using var t = await TestEngine.CreateAsync(handlers: handlers);

        var result = await DeployAsync(t, LoopThrough("""<bpmn:serviceTask id="y" camunda:delegateExpression="${count}" />"""));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task A_cycle_inside_a_subprocess_names_the_subprocess_elements()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Process("""
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="is" /><bpmn:sequenceFlow id="i1" sourceRef="is" targetRef="ia" />
              <bpmn:manualTask id="ia" /><bpmn:sequenceFlow id="i2" sourceRef="ia" targetRef="ib" />
              <bpmn:manualTask id="ib" /><bpmn:sequenceFlow id="i3" sourceRef="ib" targetRef="ia" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="e" /><bpmn:endEvent id="e" />
            """);

        var result = await DeployAsync(t, xml);

        Assert.Equal(["ia", "ib"], result.Problems.Where(p => p.Code == ProblemCodes.WaitlessCycle).Select(p => p.ElementId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_flow_from_an_element_to_itself_is_a_cycle()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Process("""
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x" />
            <bpmn:manualTask id="x" /><bpmn:sequenceFlow id="self" sourceRef="x" targetRef="x" />
            """);

        var result = await DeployAsync(t, xml);

        Assert.Equal("x", Assert.Single(result.Problems, p => p.Code == ProblemCodes.WaitlessCycle).ElementId);
    }
}
