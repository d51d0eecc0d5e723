using Anju.Workflows.Deployment;
using Anju.Workflows.Execution;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Event subprocesses as Camunda 7 runs them (reference, "Subprocess" → "Event Subprocess"): while the enclosing
/// process or subprocess runs, the event subprocess's start event listens; an interrupting one cancels the rest of its
/// scope and the scope ends when it ends; a non-interrupting one runs beside the scope's paths and can start again; an
/// error or escalation raised in the scope and not caught by a boundary event nearer to it starts the one of its code; a
/// conditional start is covered by <see cref="ConditionalEventTests"/>.
/// </summary>
public sealed class EventSubProcessTests
{
    private static string Document(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:message id="Withdrawn" name="complaint-withdrawn" />
          <bpmn:error id="Refused" errorCode="REFUSED" />
          <bpmn:escalation id="Late" escalationCode="LATE" />
          <bpmn:signal id="Typhoon" name="台风预警" />
          <bpmn:process id="case" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string MainPath = """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
        <bpmn:userTask id="handle" camunda:candidateGroups="community" />
        <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
        <bpmn:endEvent id="end" />
        """;

    private static string EventSub(string id, string startDefinition, bool interrupting = true, string task = "react") => $"""
        <bpmn:subProcess id="{id}" triggeredByEvent="true">
          <bpmn:startEvent id="{id}Start" isInterrupting="{(interrupting ? "true" : "false")}">{startDefinition}</bpmn:startEvent>
          <bpmn:sequenceFlow id="{id}F1" sourceRef="{id}Start" targetRef="{task}" />
          <bpmn:userTask id="{task}" camunda:candidateGroups="street-office" />
          <bpmn:sequenceFlow id="{id}F2" sourceRef="{task}" targetRef="{id}End" />
          <bpmn:endEvent id="{id}End" />
        </bpmn:subProcess>
        """;

    [Fact]
    public async Task An_interrupting_message_event_subprocess_cancels_its_scope_and_the_instance_ends_with_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(MainPath + EventSub("withdraw", """<bpmn:messageEventDefinition messageRef="Withdrawn" />""")));
        var started = await t.StartAsync("case", businessKey: "TS-1");

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "TS-1", Variables = TestEngine.Vars(new { reason = "已协商" }) });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["react", "withdraw"], after.ActiveActivityIds.Order());
        Assert.Equal(["react"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        Assert.Equal("已协商", after.Variables["reason"]!.GetValue<string>());

        await t.CompleteAsync(started.Id, "react");

        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_non_interrupting_timer_cycle_starts_its_event_subprocess_beside_the_main_path_each_time()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(MainPath + EventSub("remind", "<bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>", interrupting: false)));
        var started = await t.StartAsync("case");

        await t.AdvanceAsync(TimeSpan.FromHours(1.5));
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        await t.AdvanceAsync(TimeSpan.FromHours(5));

        Assert.Equal(["handle", "react", "react"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order());

        await t.CompleteAsync(started.Id, "handle");
        Assert.Equal("active", (await t.InstanceAsync(started.Id)).Status);
        foreach (var task in (await t.TasksAsync(started.Id)).ToList())
        {
            await t.Engine.CompleteTaskAsync(task.Id, null, "tester");
        }

        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task An_error_event_subprocess_catches_an_error_no_boundary_catches_and_ends_the_scope()
    {
        var handlers = new ServiceTaskHandlers().Register("submit", _ => throw new BpmnErrorException("REFUSED"));
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Document("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="submit" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="handle" />
            <bpmn:serviceTask id="submit" camunda:class="submit" />
            <bpmn:userTask id="handle" camunda:candidateGroups="community" />
            """ + EventSub("onRefusal", """<bpmn:errorEventDefinition errorRef="Refused" />""")));

        var started = await t.StartAsync("case");

        Assert.Equal(["react"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        Assert.Equal("REFUSED", started.Variables["errorCode"]!.GetValue<string>());
        Assert.Empty(started.Incidents);
    }

    [Fact]
    public async Task A_boundary_event_on_the_activity_catches_before_the_event_subprocess_of_its_scope()
    {
        var handlers = new ServiceTaskHandlers().Register("submit", _ => throw new BpmnErrorException("REFUSED"));
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Document("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="submit" />
            <bpmn:serviceTask id="submit" camunda:class="submit" />
            <bpmn:boundaryEvent id="caught" attachedToRef="submit"><bpmn:errorEventDefinition errorRef="Refused" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="caught" targetRef="retry" />
            <bpmn:userTask id="retry" camunda:candidateGroups="community" />
            """ + EventSub("onRefusal", """<bpmn:errorEventDefinition errorRef="Refused" />""")));

        var started = await t.StartAsync("case");

        Assert.Equal(["retry"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
    }

    [Fact]
    public async Task An_event_subprocess_inside_a_subprocess_interrupts_only_that_subprocess_and_stops_listening_when_it_ends()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document($"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="inspect" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="notify" />
            <bpmn:userTask id="notify" camunda:candidateGroups="community" />
            <bpmn:subProcess id="inspect">
              <bpmn:startEvent id="iStart" />
              <bpmn:sequenceFlow id="i1" sourceRef="iStart" targetRef="measure" />
              <bpmn:userTask id="measure" camunda:candidateGroups="property-firm" />
              {EventSub("stop", """<bpmn:messageEventDefinition messageRef="Withdrawn" />""")}
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f4" sourceRef="inspect" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community" />
            """));
        var first = await t.StartAsync("case", businessKey: "A");
        var second = await t.StartAsync("case", businessKey: "B");

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "A" });
        Assert.Equal(["notify", "react"], (await t.TasksAsync(first.Id)).Select(x => x.ActivityId).Order());
        await t.CompleteAsync(first.Id, "react");
        Assert.Equal(["notify", "review"], (await t.TasksAsync(first.Id)).Select(x => x.ActivityId).Order());

        // The second case's subprocess ends normally; its listener goes with it.
        await t.CompleteAsync(second.Id, "measure");
        await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "B" }));
        Assert.Equal(["notify", "review"], (await t.TasksAsync(second.Id)).Select(x => x.ActivityId).Order());
    }

    [Fact]
    public async Task A_non_interrupting_escalation_event_subprocess_runs_beside_the_path_that_escalated()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="escalate" />
            <bpmn:intermediateThrowEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="escalate" targetRef="handle" />
            <bpmn:userTask id="handle" camunda:candidateGroups="community" />
            """ + EventSub("supervise", """<bpmn:escalationEventDefinition escalationRef="Late" />""", interrupting: false)));

        var started = await t.StartAsync("case");

        Assert.Equal(["handle", "react"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order());
        Assert.Equal("LATE", started.Variables["escalationCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signal_event_subprocess_starts_on_a_broadcast()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(MainPath + EventSub("storm", """<bpmn:signalEventDefinition signalRef="Typhoon" />""", interrupting: false)));
        var started = await t.StartAsync("case");

        var delivery = await t.Engine.BroadcastSignalAsync(new BroadcastSignal { Name = "台风预警" });

        Assert.Equal([started.Id], delivery.ResumedInstanceIds);
        Assert.Equal(["handle", "react"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order());
    }

    [Theory]
    [InlineData("""<bpmn:subProcess id="bad" triggeredByEvent="true"><bpmn:startEvent id="s" isInterrupting="false"><bpmn:errorEventDefinition errorRef="Refused" /></bpmn:startEvent></bpmn:subProcess>""", "s", "must interrupt")]
    [InlineData("""<bpmn:subProcess id="bad" triggeredByEvent="true"><bpmn:startEvent id="s" /></bpmn:subProcess>""", "s", "needs a trigger")]
    [InlineData("""<bpmn:subProcess id="bad" triggeredByEvent="true"><bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="Withdrawn" /></bpmn:startEvent></bpmn:subProcess><bpmn:sequenceFlow id="x" sourceRef="bad" targetRef="end" />""", "bad", "has sequence flows")]
    [InlineData("""<bpmn:subProcess id="bad" triggeredByEvent="true"><bpmn:startEvent id="s"><bpmn:compensateEventDefinition /></bpmn:startEvent></bpmn:subProcess>""", "s", "not supported")]
    public async Task An_event_subprocess_Anju_cannot_run_as_written_is_refused_with_its_element(string eventSubProcess, string element, string expected)
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("e.bpmn", Document(MainPath + eventSubProcess))] });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == element && p.Message.Contains(expected, StringComparison.Ordinal));
    }
}
