using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>BoundaryEventBehavior</c>: boundary events listen while their activity runs and stop when it ends; a
/// non-interrupting one starts its path beside the activity, an interrupting one cancels it (Camunda 7 reference,
/// "Timer Boundary Event", "Message Boundary Event"). Errors and escalations: <see cref="ErrorTests"/>,
/// <see cref="EscalationTests"/>.
/// </summary>
public sealed class BoundaryEventBehaviorTests
{
    private static string Model(bool interrupting) => Bpmn.Process("remind", $"""
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
        <bpmn:userTask id="handle" camunda:candidateGroups="community" />
        <bpmn:boundaryEvent id="late" attachedToRef="handle" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="urge" />
        <bpmn:userTask id="urge" camunda:candidateGroups="street-office" />
        """);

    [Fact]
    public async Task A_non_interrupting_boundary_starts_its_path_beside_the_running_activity()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(interrupting: false));
        var started = await t.StartAsync("remind");

        await t.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(["handle", "urge"], (await t.InstanceAsync(started.Id)).ActiveActivityIds.Order());
    }

    [Fact]
    public async Task An_interrupting_boundary_cancels_the_activity()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(interrupting: true));
        var started = await t.StartAsync("remind");

        await t.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(["urge"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
        Assert.Single(await t.TasksAsync(started.Id));
    }

    [Fact]
    public async Task When_the_activity_completes_its_boundary_events_stop_listening()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(interrupting: false));
        var started = await t.StartAsync("remind");
        Assert.Single(await t.JobsAsync(started.Id));

        await t.CompleteAsync(started.Id, "handle");

        Assert.Empty(await t.JobsAsync(started.Id));
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    // Camunda 7 reads camunda:asyncBefore/asyncAfter on boundary events (reference, "Extension Attributes" → asyncAfter:
    // "Boundary Event"; engine tests AsyncAfterTest.testAsyncBeforeBoundaryEvent / testAsyncAfterBoundaryEvent: once the
    // event occurred a job waits and the interrupted task is gone); Anju refused them before.
    [Fact]
    public async Task An_interrupting_boundary_with_asyncAfter_cancels_the_activity_at_once_and_goes_on_in_a_job()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "BoundaryEventBehaviorTests.Async.bpmn");
        var started = await t.StartAsync("boundary-async", businessKey: "C-1");

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "owner-replied", BusinessKey = "C-1" });

        var waiting = await t.InstanceAsync(started.Id);
        Assert.Equal(["reply"], waiting.ActiveActivityIds);
        Assert.Empty(await t.TasksAsync(started.Id));
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Async", "reply", 4), (job.Kind, job.ActivityId, job.Retries));
        Assert.Contains((await t.Engine.ReadJournalAsync(started.Id)).Entries, e => e.Type == "ActivityCancelled" && e.ActivityId == "handle");

        Assert.Equal(1, await t.RunDueJobsAsync());

        Assert.Equal("answer", Assert.Single(await t.TasksAsync(started.Id)).ActivityId);
        Assert.Empty(await t.JobsAsync(started.Id));
    }

    [Fact]
    public async Task A_non_interrupting_boundary_with_asyncBefore_starts_in_a_job_beside_the_running_activity()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "BoundaryEventBehaviorTests.Async.bpmn");
        var started = await t.StartAsync("boundary-async", businessKey: "C-2");

        t.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await t.Executor.RunDueJobsAsync(CancellationToken.None));

        var waiting = await t.InstanceAsync(started.Id);
        Assert.Equal(["handle", "late"], waiting.ActiveActivityIds.Order(StringComparer.Ordinal));
        Assert.False(waiting.Variables.ContainsKey("urged"), "the boundary event's start listener runs in the job");
        Assert.Equal("handle", Assert.Single(await t.TasksAsync(started.Id)).ActivityId);
        var job = Assert.Single(await t.JobsAsync(started.Id), j => j.Kind == "Async");
        Assert.Equal(("late", 2), (job.ActivityId, job.Retries));

        Assert.Equal(1, await t.RunDueJobsAsync());

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal(["handle", "urge"], done.ActiveActivityIds.Order(StringComparer.Ordinal));
        Assert.True(done.Variables["urged"]!.GetValue<bool>());
    }
}
