using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>IntermediateThrowEventBehavior</c>: a none intermediate throw event is a milestone the token passes (Camunda 7
/// reference, "None Events" → "Intermediate None Event (throwing)"), with its input mapping and listeners; a link throw
/// continues at its catch (see <see cref="LinkEventTests"/>); an escalation throw escalates (see <see cref="EscalationTests"/>).
/// </summary>
public sealed class IntermediateThrowEventBehaviorTests
{
    [Fact]
    public async Task A_none_throw_event_is_a_milestone_the_token_passes_with_its_mapping_and_listeners()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("milestone", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="reached" />
            <bpmn:intermediateThrowEvent id="reached" name="已受理">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="stage">受理</camunda:inputParameter></camunda:inputOutput>
                <camunda:executionListener event="start" expression="${execution.setVariable('milestone', stage)}" />
              </bpmn:extensionElements>
            </bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="reached" targetRef="handle" />
            <bpmn:userTask id="handle" camunda:candidateGroups="community" />
            """));

        var started = await t.StartAsync("milestone");

        Assert.Equal(["start", "reached"], started.CompletedActivityIds);
        Assert.Equal(["handle"], started.ActiveActivityIds);
        Assert.Equal("受理", started.Variables["milestone"]!.GetValue<string>());
        Assert.False(started.Variables.ContainsKey("stage"));
    }
}
