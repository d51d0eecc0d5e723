using Anju.Workflows.Execution;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// The listeners of cancelled elements, as Camunda 7 runs them when custom listeners are not skipped (user guide,
/// "Delegation Code" → "Execution Listener": the end event fires when an activity ends, also by cancellation;
/// "Process Instance Modification" → skipCustomListeners): a task's delete listeners, then the end listeners of each
/// element cancelled, innermost first. An administrator's cancel of a whole case skips them (see docs/bpmn-support.md).
/// </summary>
public sealed class CancellationListenerTests
{
    private static (ServiceTaskHandlers Handlers, List<string> Log) Recorder()
    {
        var log = new List<string>();
        var handlers = new ServiceTaskHandlers();
        foreach (var name in new[] { "end", "delete" })
        {
            handlers.Register(name, ctx =>
            {
                log.Add($"{name}@{ctx.ActivityId}");
                return ValueTask.CompletedTask;
            });
        }

        handlers.Register("broken", _ => throw new InvalidOperationException("归档服务不可用"));
        return (handlers, log);
    }

    private const string Listeners = """
        <bpmn:extensionElements>
          <camunda:executionListener event="end" class="end" />
        </bpmn:extensionElements>
        """;

    [Theory]
    [InlineData(Store.Memory)]
    [InlineData(Store.Sqlite)]
    public async Task A_terminate_end_event_runs_the_end_listeners_of_what_it_cancels_innermost_first(Store store)
    {
        var (handlers, log) = Recorder();
        await using var t = await TestEngine.CreateAsync(store, handlers);
        await t.DeployXmlAsync(Bpmn.Process("terminate", $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="inspection" />
            <bpmn:subProcess id="inspection">
              {Listeners}
              <bpmn:startEvent id="inner-start" />
              <bpmn:sequenceFlow id="i1" sourceRef="inner-start" targetRef="visit" />
              <bpmn:userTask id="visit" camunda:candidateGroups="community">
                <bpmn:extensionElements>
                  <camunda:executionListener event="end" class="end" />
                  <camunda:taskListener event="delete" class="delete" />
                </bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="i2" sourceRef="visit" targetRef="inner-end" />
              <bpmn:endEvent id="inner-end" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f3" sourceRef="inspection" targetRef="done" />
            <bpmn:endEvent id="done" />
            <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="withdraw" />
            <bpmn:userTask id="withdraw" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f5" sourceRef="withdraw" targetRef="stop" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            """));
        var started = await t.StartAsync("terminate");

        await t.CompleteAsync(started.Id, "withdraw");

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", after.Status);
        Assert.Equal(["delete@visit", "end@visit", "end@inspection"], log);
    }

    [Fact]
    public async Task A_token_waiting_for_its_async_before_job_had_not_begun_and_runs_no_end_listener()
    {
        var (handlers, log) = Recorder();
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("async", $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="queued" />
            <bpmn:userTask id="queued" camunda:asyncBefore="true" camunda:candidateGroups="community">{Listeners}</bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="waiting" />
            <bpmn:userTask id="waiting" camunda:candidateGroups="community">{Listeners}</bpmn:userTask>
            <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="withdraw" />
            <bpmn:userTask id="withdraw" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f5" sourceRef="withdraw" targetRef="stop" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            """));
        var started = await t.StartAsync("async");

        await t.CompleteAsync(started.Id, "withdraw");

        Assert.Equal(["end@waiting"], log);
        Assert.Empty(await t.JobsAsync(started.Id));
    }

    [Fact]
    public async Task An_interrupting_message_cancels_a_subprocess_with_the_listeners_of_everything_inside()
    {
        var (handlers, log) = Recorder();
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Document($"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="inspection" />
            <bpmn:subProcess id="inspection">
              {Listeners}
              <bpmn:startEvent id="inner-start" />
              <bpmn:sequenceFlow id="i1" sourceRef="inner-start" targetRef="visit" />
              <bpmn:userTask id="visit" camunda:candidateGroups="community">{Listeners}</bpmn:userTask>
              <bpmn:sequenceFlow id="i2" sourceRef="visit" targetRef="inner-end" />
              <bpmn:endEvent id="inner-end" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="inspection"><bpmn:messageEventDefinition messageRef="Withdrawn" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="withdrawn" targetRef="closed" />
            <bpmn:endEvent id="closed" />
            <bpmn:sequenceFlow id="f3" sourceRef="inspection" targetRef="done" />
            <bpmn:endEvent id="done" />
            """));
        var started = await t.StartAsync("cancel", businessKey: "TS-1");

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "TS-1" });

        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
        Assert.Equal(["end@visit", "end@inspection"], log);
    }

    [Fact]
    public async Task An_end_listener_failing_while_its_element_is_cancelled_refuses_the_call_and_changes_nothing()
    {
        var (handlers, _) = Recorder();
        await using var t = await TestEngine.CreateAsync(Store.Sqlite, handlers);
        await t.DeployXmlAsync(BrokenEndListener("withdrawn", """<bpmn:messageEventDefinition messageRef="Withdrawn" />"""));
        var started = await t.StartAsync("cancel", businessKey: "TS-2");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "TS-2" }));

        Assert.Equal(WorkflowErrorKind.InvalidState, refused.Kind);
        Assert.Contains("归档服务不可用", refused.Message, StringComparison.Ordinal);
        Assert.Contains("cancelled", refused.Message, StringComparison.Ordinal);
        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["visit"], after.ActiveActivityIds);
        Assert.Single(await t.TasksAsync(started.Id));
    }

    // Camunda 7 user guide, "Failed Jobs": a timer whose job fails is retried by the element's
    // camunda:failedJobRetryTimeCycle, then an incident. Here the boundary timer's job fails because cancelling the task
    // runs its failing end listener.
    [Fact]
    public async Task A_boundary_timer_whose_firing_fails_is_retried_by_its_retry_cycle_then_an_incident()
    {
        var (handlers, _) = Recorder();
        await using var t = await TestEngine.CreateAsync(Store.Sqlite, handlers);
        await t.DeployXmlAsync(BrokenEndListener("late", """
            <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R2/PT5M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
            <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            """));
        var started = await t.StartAsync("cancel");
        Assert.Equal(2, Assert.Single(await t.JobsAsync(started.Id)).Retries);

        await t.AdvanceAsync(TimeSpan.FromHours(1));

        var retry = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(1, retry.Retries);
        Assert.Contains("归档服务不可用", retry.LastError, StringComparison.Ordinal);
        Assert.Equal(t.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(5), DateTime.SpecifyKind(retry.DueAt, DateTimeKind.Utc), TimeSpan.FromSeconds(1));
        Assert.Equal(0, await t.AdvanceAsync(TimeSpan.FromMinutes(4)));

        await t.AdvanceAsync(TimeSpan.FromMinutes(1));

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal("failedJob", Assert.Single(after.Incidents).Type);
        Assert.Equal(["visit"], after.ActiveActivityIds);
        Assert.Single(await t.TasksAsync(started.Id));
    }

    [Fact]
    public async Task An_administrators_cancel_of_the_case_skips_custom_listeners()
    {
        var (handlers, log) = Recorder();
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("admin", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="visit" />
            <bpmn:userTask id="visit" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:executionListener event="end" class="broken" />
                <camunda:taskListener event="delete" class="delete" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            """));
        var started = await t.StartAsync("admin");

        await t.Engine.CancelAsync(started.Id, "重复立案", "admin");

        Assert.Equal("terminated", (await t.InstanceAsync(started.Id)).Status);
        Assert.Empty(log);
    }

    /// <summary>A task "visit" whose end listener fails, with an interrupting boundary event <paramref name="id"/> on it.</summary>
    private static string BrokenEndListener(string id, string definition) => Document($"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="visit" />
            <bpmn:userTask id="visit" camunda:candidateGroups="community">
              <bpmn:extensionElements><camunda:executionListener event="end" class="broken" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:boundaryEvent id="{id}" attachedToRef="visit">{definition}</bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="{id}" targetRef="closed" />
            <bpmn:endEvent id="closed" />
            <bpmn:sequenceFlow id="f3" sourceRef="visit" targetRef="done" />
            <bpmn:endEvent id="done" />
            """);

    private static string Document(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:message id="Withdrawn" name="complaint-withdrawn" />
          <bpmn:process id="cancel" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
