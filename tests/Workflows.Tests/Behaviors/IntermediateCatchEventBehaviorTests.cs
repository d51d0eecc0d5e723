using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>IntermediateCatchEventBehavior</c>: a message catch waits for its message, a timer catch for its time (Camunda 7
/// reference, "Message Intermediate Catching Event", "Timer Intermediate Catching Event"); outputs are mapped when the
/// event occurs. A link catch is covered by <see cref="LinkEventTests"/>.
/// </summary>
public sealed class IntermediateCatchEventBehaviorTests
{
    [Fact]
    public async Task A_timer_catch_waits_until_its_time()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("cooling", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("cooling");

        await t.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(["wait"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);

        await t.AdvanceAsync(TimeSpan.FromHours(1.5));
        Assert.Equal(["check"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_message_catch_waits_for_its_message_and_maps_its_output()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
              <bpmn:message id="M" name="reply" />
              <bpmn:process id="reply" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <bpmn:intermediateCatchEvent id="wait">
                  <bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="replied">${true}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements>
                  <bpmn:messageEventDefinition messageRef="M" />
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="check" />
                <bpmn:userTask id="check" camunda:candidateGroups="community" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        var started = await t.StartAsync("reply", businessKey: "R-9");
        Assert.False(started.Variables.ContainsKey("replied"));

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "reply", BusinessKey = "R-9" });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["check"], after.ActiveActivityIds);
        Assert.True(after.Variables["replied"]!.GetValue<bool>());
    }
}
