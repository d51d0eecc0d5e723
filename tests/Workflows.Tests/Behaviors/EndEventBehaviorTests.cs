using Anju.Workflows.Deployment;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class EndEventBehaviorTests
{
    [Fact]
    public async Task A_terminate_end_event_in_a_subprocess_ends_only_that_subprocess()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.Terminate.bpmn");
        var started = await t.StartAsync("terminate");

        await t.CompleteAsync(started.Id, "inner1");

        var tasks = (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal);
        Assert.Equal(["abort", "survey"], tasks);
    }

    [Fact]
    public async Task A_terminate_end_event_at_process_level_ends_every_branch()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.Terminate.bpmn");
        var started = await t.StartAsync("terminate");
        await t.CompleteAsync(started.Id, "inner1");

        await t.CompleteAsync(started.Id, "abort");

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Empty(await t.TasksAsync(started.Id));
        Assert.DoesNotContain("survey", done.CompletedActivityIds);
    }

    // Camunda 7 cancels the rest of the scope as a terminate end event starts and ends the scope as the event ends,
    // which camunda:asyncAfter defers to a job (PvmAtomicOperationActivityEnd is asynchronous for asyncAfter). Anju
    // refused asyncAfter on terminate end events before.
    [Fact]
    public async Task A_terminate_end_event_with_asyncAfter_cancels_the_rest_at_once_and_ends_its_subprocess_in_a_job()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.TerminateAsync.bpmn");
        var started = await t.StartAsync("terminate-async");

        await t.CompleteAsync(started.Id, "inner1");

        Assert.Equal(["survey"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        Assert.Equal(["sub", "subTerminate", "survey"], (await t.InstanceAsync(started.Id)).ActiveActivityIds.Order(StringComparer.Ordinal));
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Async", "subTerminate"), (job.Kind, job.ActivityId));

        Assert.Equal(1, await t.RunDueJobsAsync());

        Assert.Equal(["abort", "survey"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_terminate_end_event_with_asyncAfter_at_process_level_ends_the_instance_in_a_job()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.TerminateAsync.bpmn");
        var started = await t.StartAsync("terminate-async");
        await t.CompleteAsync(started.Id, "inner1");
        await t.RunDueJobsAsync();

        await t.CompleteAsync(started.Id, "abort");

        var waiting = await t.InstanceAsync(started.Id);
        Assert.Equal("active", waiting.Status);
        Assert.Equal(["kill"], waiting.ActiveActivityIds);
        Assert.Empty(await t.TasksAsync(started.Id));
        Assert.Equal(1, await t.RunDueJobsAsync());
        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.DoesNotContain("survey", done.CompletedActivityIds);
    }

    // An error end event never ends its path itself: the error is thrown and what catches it goes on (Camunda 7's
    // ErrorEndEventActivityBehavior only propagates it), so camunda:asyncAfter there has no effect: a warning.
    [Fact]
    public async Task AsyncAfter_on_an_error_end_event_is_a_warning_and_the_error_is_thrown_at_once()
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.ErrorAsync.bpmn");

        var warning = Assert.Single(result.Warnings, w => w.ElementId == "reject");
        Assert.Equal(ProblemCodes.AttributeIgnored, warning.Code);
        Assert.StartsWith("camunda:asyncAfter has no effect on error endEvent 'reject'", warning.Message, StringComparison.Ordinal);
        var started = await t.StartAsync("error-async");
        Assert.Equal(["notify"], started.ActiveActivityIds);
        Assert.Empty(await t.JobsAsync(started.Id));
    }

    // An escalation end event throws its escalation and, when nothing interrupts its path (uncaught, or caught by a
    // non-interrupting event), ends the path like a none end event (Camunda 7's ThrowEscalationEventActivityBehavior
    // leaves the execution), so camunda:asyncAfter defers that end to a job. Anju ended the path at once before.
    [Fact]
    public async Task An_escalation_end_event_with_asyncAfter_ends_its_path_in_a_job()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync($$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
              <bpmn:escalation id="E" escalationCode="late" />
              <bpmn:process id="escalate-async" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
                <bpmn:subProcess id="sub">
                  <bpmn:startEvent id="inner-start" />
                  <bpmn:sequenceFlow id="i1" sourceRef="inner-start" targetRef="raise" />
                  <bpmn:endEvent id="raise" camunda:asyncAfter="true"><bpmn:escalationEventDefinition escalationRef="E" /></bpmn:endEvent>
                </bpmn:subProcess>
                <bpmn:boundaryEvent id="noted" attachedToRef="sub" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="E" /></bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="noted" targetRef="report" />
                <bpmn:userTask id="report" camunda:candidateGroups="community" />
                <bpmn:sequenceFlow id="f3" sourceRef="sub" targetRef="after" />
                <bpmn:userTask id="after" camunda:candidateGroups="community" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        var started = await t.StartAsync("escalate-async");

        Assert.Equal(["report"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Async", "raise"), (job.Kind, job.ActivityId));

        Assert.Equal(1, await t.RunDueJobsAsync());

        Assert.Equal(["after", "report"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal));
    }
}
