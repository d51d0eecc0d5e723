using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>SubProcessBehavior</c> (Camunda 7 reference, "Embedded Subprocess"): the subprocess is a scope of its own; a
/// variable set inside that exists nowhere lands on the instance (Camunda's rule for setVariable), and the subprocess
/// completes when its last token ends, then the outer token leaves it.
/// </summary>
public sealed class SubProcessBehaviorTests
{
    [Fact]
    public async Task The_subprocess_completes_when_its_last_path_ends_and_its_results_stay_visible()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("sub", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="inspect" />
            <bpmn:subProcess id="inspect">
              <bpmn:startEvent id="subStart" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="fork" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="photos" />
              <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="measure" />
              <bpmn:userTask id="photos" camunda:candidateGroups="property-firm" />
              <bpmn:userTask id="measure" camunda:candidateGroups="property-firm" />
              <bpmn:sequenceFlow id="s4" sourceRef="photos" targetRef="subEnd1" />
              <bpmn:sequenceFlow id="s5" sourceRef="measure" targetRef="subEnd2" />
              <bpmn:endEvent id="subEnd1" />
              <bpmn:endEvent id="subEnd2" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f2" sourceRef="inspect" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("sub");

        await t.CompleteAsync(started.Id, "photos", new { photos = 3 });
        Assert.Equal(["inspect", "measure"], (await t.InstanceAsync(started.Id)).ActiveActivityIds.Order());

        await t.CompleteAsync(started.Id, "measure", new { area = 12.5 });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["review"], after.ActiveActivityIds);
        Assert.Equal(3, after.Variables["photos"]!.GetValue<int>());
        Assert.Contains("inspect", after.CompletedActivityIds);
    }
}
