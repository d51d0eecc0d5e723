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

    // Camunda 7 joins a link throw event to its catch by a transition the throw leaves by (BpmnParse), so its
    // camunda:asyncAfter (reference, "Extension Attributes": intermediate throw events) is a job that moves the token to
    // the catch. Anju refused it before.
    [Fact]
    public async Task A_link_throw_with_asyncAfter_moves_the_token_to_its_catch_in_a_job()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "IntermediateThrowEventBehaviorTests.LinkAsync.bpmn");

        var started = await t.StartAsync("link-async");

        Assert.Equal(["jump"], started.ActiveActivityIds);
        Assert.True(started.Variables["thrown"]!.GetValue<bool>());
        Assert.False(started.Variables.ContainsKey("caught"));
        Assert.Empty(await t.TasksAsync(started.Id));
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Async", "jump", 3), (job.Kind, job.ActivityId, job.Retries));

        Assert.Equal(1, await t.RunDueJobsAsync());

        var moved = await t.InstanceAsync(started.Id);
        Assert.Equal(["review"], moved.ActiveActivityIds);
        Assert.Equal(["start", "jump", "land"], moved.CompletedActivityIds);
        Assert.True(moved.Variables["caught"]!.GetValue<bool>());
    }
}
