using Anju.Workflows.Deployment;
using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Signal events as Camunda 7 runs them (reference, "Events" → "Signal Events"): a throw broadcasts the signal by name
/// to every catching event, boundary event and event-based gateway waiting for it and starts every process with a
/// signal start event of that name, in the thrower's transaction; nobody listening is no error. Anju adds the
/// jurisdiction: a signal reaches instances at or below the thrower's (or the administrator's chosen) jurisdiction,
/// and every instance that has none.
/// </summary>
public sealed class SignalEventTests
{
    private static string Document(string processes) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:signal id="Typhoon" name="台风预警" />
          {processes}
        </bpmn:definitions>
        """;

    private const string Waiter = """
        <bpmn:process id="waiter" isExecutable="true">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
          <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="Typhoon" /></bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="secure" />
          <bpmn:userTask id="secure" camunda:candidateGroups="property-firm" />
        </bpmn:process>
        """;

    private const string Thrower = """
        <bpmn:process id="thrower" isExecutable="true">
          <bpmn:startEvent id="tStart" />
          <bpmn:sequenceFlow id="t1" sourceRef="tStart" targetRef="warn" />
          <bpmn:intermediateThrowEvent id="warn"><bpmn:signalEventDefinition signalRef="Typhoon" /></bpmn:intermediateThrowEvent>
          <bpmn:sequenceFlow id="t2" sourceRef="warn" targetRef="tEnd" />
          <bpmn:endEvent id="tEnd" />
        </bpmn:process>
        """;

    [Fact]
    public async Task A_throw_wakes_every_instance_waiting_for_the_signal_in_the_same_command()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(Waiter + Thrower));
        var one = await t.StartAsync("waiter", jurisdiction: "江阴市/澄江街道/黄山社区");
        var two = await t.StartAsync("waiter", jurisdiction: "江阴市/澄江街道/黄山社区/滨江花园");

        var thrown = await t.StartAsync("thrower", jurisdiction: "江阴市/澄江街道");

        Assert.Equal("completed", thrown.Status);
        Assert.Equal(["secure"], (await t.InstanceAsync(one.Id)).ActiveActivityIds);
        Assert.Equal(["secure"], (await t.InstanceAsync(two.Id)).ActiveActivityIds);
        var journal = (await t.Engine.ReadJournalAsync(one.Id)).Entries;
        Assert.Contains(journal, e => e.Type == "SignalReceived" && e.ActivityId == "wait");
    }

    [Fact]
    public async Task A_signal_reaches_only_its_jurisdiction_and_the_instances_without_one()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(Waiter + Thrower));
        var inside = await t.StartAsync("waiter", jurisdiction: "江阴市/澄江街道/黄山社区");
        var elsewhere = await t.StartAsync("waiter", jurisdiction: "江阴市/南闸街道");
        var nowhere = await t.StartAsync("waiter");

        await t.StartAsync("thrower", jurisdiction: "江阴市/澄江街道");

        Assert.Equal(["secure"], (await t.InstanceAsync(inside.Id)).ActiveActivityIds);
        Assert.Equal(["wait"], (await t.InstanceAsync(elsewhere.Id)).ActiveActivityIds);
        Assert.Equal(["secure"], (await t.InstanceAsync(nowhere.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task An_administrators_broadcast_wakes_waiters_and_starts_signal_start_processes_in_its_jurisdiction()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(Waiter + """
            <bpmn:process id="drill" isExecutable="true">
              <bpmn:startEvent id="dStart"><bpmn:signalEventDefinition signalRef="Typhoon" /></bpmn:startEvent>
              <bpmn:sequenceFlow id="d1" sourceRef="dStart" targetRef="inspect" />
              <bpmn:userTask id="inspect" camunda:candidateGroups="community" />
            </bpmn:process>
            """));
        var waiting = await t.StartAsync("waiter", jurisdiction: "江阴市/南闸街道");

        var delivery = await t.Engine.BroadcastSignalAsync(new BroadcastSignal { Name = "台风预警", Jurisdiction = "江阴市/南闸街道", Variables = TestEngine.Vars(new { level = "橙色" }), Actor = "admin" });

        Assert.Equal([waiting.Id], delivery.ResumedInstanceIds);
        var started = Assert.Single(delivery.StartedInstanceIds);
        var drill = await t.InstanceAsync(started);
        Assert.Equal(("drill", "江阴市/南闸街道", "橙色"), (drill.DefinitionKey, drill.Jurisdiction, drill.Variables["level"]!.GetValue<string>()));
        Assert.Equal(["inspect"], drill.ActiveActivityIds);
        Assert.Equal("橙色", (await t.InstanceAsync(waiting.Id)).Variables["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nobody_listening_is_no_error()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(Thrower));

        var thrown = await t.StartAsync("thrower");
        var delivery = await t.Engine.BroadcastSignalAsync(new BroadcastSignal { Name = "无人收听" });

        Assert.Equal("completed", thrown.Status);
        Assert.Empty(delivery.ResumedInstanceIds);
        Assert.Empty(delivery.StartedInstanceIds);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_boundary_signal_interrupts_or_starts_a_path_beside_the_task_at_each_broadcast(bool interrupting)
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document($"""
            <bpmn:process id="repair" isExecutable="true">
              <bpmn:startEvent id="start" />
              <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fix" />
              <bpmn:userTask id="fix" camunda:candidateGroups="property-firm" />
              <bpmn:boundaryEvent id="storm" attachedToRef="fix" cancelActivity="{(interrupting ? "true" : "false")}"><bpmn:signalEventDefinition signalRef="Typhoon" /></bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="f2" sourceRef="fix" targetRef="end" />
              <bpmn:endEvent id="end" />
              <bpmn:sequenceFlow id="f3" sourceRef="storm" targetRef="shelter" />
              <bpmn:userTask id="shelter" camunda:candidateGroups="community" />
            </bpmn:process>
            """));
        var started = await t.StartAsync("repair");

        await t.Engine.BroadcastSignalAsync(new BroadcastSignal { Name = "台风预警" });
        if (!interrupting)
        {
            await t.Engine.BroadcastSignalAsync(new BroadcastSignal { Name = "台风预警" });
        }

        var tasks = await t.TasksAsync(started.Id);
        Assert.Equal(interrupting ? ["shelter"] : ["fix", "shelter", "shelter"], tasks.Select(x => x.ActivityId).Order());
    }

    [Fact]
    public async Task A_signal_end_event_broadcasts_and_an_event_based_gateway_takes_the_signal_path()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document("""
            <bpmn:process id="choose" isExecutable="true">
              <bpmn:startEvent id="start" />
              <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
              <bpmn:eventBasedGateway id="gate" />
              <bpmn:sequenceFlow id="f2" sourceRef="gate" targetRef="bySignal" />
              <bpmn:sequenceFlow id="f3" sourceRef="gate" targetRef="byTime" />
              <bpmn:intermediateCatchEvent id="bySignal"><bpmn:signalEventDefinition signalRef="Typhoon" /></bpmn:intermediateCatchEvent>
              <bpmn:intermediateCatchEvent id="byTime"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="f4" sourceRef="bySignal" targetRef="urgent" />
              <bpmn:sequenceFlow id="f5" sourceRef="byTime" targetRef="routine" />
              <bpmn:userTask id="urgent" camunda:candidateGroups="community" />
              <bpmn:userTask id="routine" camunda:candidateGroups="community" />
            </bpmn:process>
            <bpmn:process id="alarm" isExecutable="true">
              <bpmn:startEvent id="aStart" />
              <bpmn:sequenceFlow id="a1" sourceRef="aStart" targetRef="aEnd" />
              <bpmn:endEvent id="aEnd"><bpmn:signalEventDefinition signalRef="Typhoon" /></bpmn:endEvent>
            </bpmn:process>
            """));
        var waiting = await t.StartAsync("choose");

        var alarm = await t.StartAsync("alarm");

        Assert.Equal("completed", alarm.Status);
        Assert.Equal(["urgent"], (await t.InstanceAsync(waiting.Id)).ActiveActivityIds);
        Assert.Empty(await t.JobsAsync(waiting.Id));
    }

    [Fact]
    public async Task A_message_may_not_pose_as_a_signal()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document(Waiter));
        var waiting = await t.StartAsync("waiter");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "#signal:台风预警" }));

        Assert.Equal(WorkflowErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal(["wait"], (await t.InstanceAsync(waiting.Id)).ActiveActivityIds);
    }

    [Theory]
    [InlineData("""<bpmn:signalEventDefinition />""", "has no signalRef")]
    [InlineData("""<bpmn:signalEventDefinition signalRef="Nope" />""", "does not reference a signal")]
    [InlineData("""<bpmn:signalEventDefinition signalRef="Broken" />""", "signal name")]
    [InlineData("""<bpmn:signalEventDefinition signalRef="Typhoon" camunda:async="true" />""", "camunda:async")]
    [InlineData("""<bpmn:signalEventDefinition signalRef="Typhoon"><bpmn:extensionElements><camunda:in source="a" target="a" /></bpmn:extensionElements></bpmn:signalEventDefinition>""", "camunda:in")]
    public async Task A_signal_Anju_cannot_resolve_is_refused_with_its_element(string definition, string expected)
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
              <bpmn:signal id="Typhoon" name="台风预警" />
              <bpmn:signal id="Broken" name="alert-${district +}" />
              <bpmn:process id="bad" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <bpmn:intermediateCatchEvent id="wait">{{definition}}</bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("s.bpmn", xml)] });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "wait" && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    // Camunda 7 reference, "Signal Events": a signal name may contain an expression, resolved when the signal is thrown
    // and when a catch subscribes (the wait keeps the name it had then).
    private const string DistrictSignals = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:signal id="Alert" name="停水通知-${district}" />
          <bpmn:process id="listener" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:userTask id="work" camunda:candidateGroups="property-firm" />
            <bpmn:boundaryEvent id="alerted" attachedToRef="work" cancelActivity="false"><bpmn:signalEventDefinition signalRef="Alert" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="alerted" targetRef="notify" />
            <bpmn:userTask id="notify" camunda:candidateGroups="property-firm" />
          </bpmn:process>
          <bpmn:process id="announcer" isExecutable="true">
            <bpmn:startEvent id="aStart" />
            <bpmn:sequenceFlow id="a1" sourceRef="aStart" targetRef="announce" />
            <bpmn:endEvent id="announce"><bpmn:signalEventDefinition signalRef="Alert" /></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_signal_name_with_an_expression_is_resolved_where_it_is_caught_and_where_it_is_thrown()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(DistrictSignals);
        var chengjiang = await t.StartAsync("listener", new { district = "澄江" });
        var nanzha = await t.StartAsync("listener", new { district = "南闸" });

        // A later change of the variable does not rename the wait.
        await t.Engine.EditVariableAsync(chengjiang.Id, "district", "南闸", "改错了", "admin");
        var announced = await t.StartAsync("announcer", new { district = "澄江" });

        Assert.Equal("completed", announced.Status);
        var journal = (await t.Engine.ReadJournalAsync(announced.Id)).Entries;
        Assert.Contains(journal, e => e.Type == "SignalThrown" && e.Details!.Contains("停水通知-澄江", StringComparison.Ordinal));
        Assert.Equal(["notify", "work"], (await t.InstanceAsync(chengjiang.Id)).ActiveActivityIds.Order(StringComparer.Ordinal));
        Assert.Equal(["work"], (await t.InstanceAsync(nanzha.Id)).ActiveActivityIds);

        await t.Engine.BroadcastSignalAsync(new BroadcastSignal { Name = "停水通知-南闸" });
        Assert.Equal(["notify", "work"], (await t.InstanceAsync(nanzha.Id)).ActiveActivityIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_signal_name_that_cannot_be_resolved_stops_the_token_with_an_expression_incident()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(DistrictSignals);

        var started = await t.StartAsync("announcer");

        var incident = Assert.Single((await t.InstanceAsync(started.Id)).Incidents);
        Assert.Equal("expression", incident.Type);
        Assert.Contains("停水通知-${district}", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_signal_start_event_needs_a_fixed_name()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = DistrictSignals.Replace("""<bpmn:startEvent id="aStart" />""", """<bpmn:startEvent id="aStart"><bpmn:signalEventDefinition signalRef="Alert" /></bpmn:startEvent>""", StringComparison.Ordinal);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("s.bpmn", xml)] });

        Assert.False(result.Succeeded);
        Assert.True(result.Problems.Any(p => p.ElementId == "aStart" && p.Message.Contains("which have no variables yet to resolve it in", StringComparison.Ordinal)), string.Join("\n", result.Problems.Select(p => $"{p.ElementId}: {p.Message}")));
    }
}
