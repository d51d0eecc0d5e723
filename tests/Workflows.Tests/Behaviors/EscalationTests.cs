using Anju.Workflows.Parsing;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Escalation events (Camunda 7 reference, BPMN 2.0 → Events → "Escalation Events"): thrown by an escalation end or
/// intermediate throw event inside a subprocess, caught by an escalation boundary event of the enclosing subprocess
/// (a code match before a catch-all). Interrupting, the subprocess is cancelled; non-interrupting, the boundary's path
/// runs beside it and the subprocess goes on. Uncaught, nothing happens: an escalation is not an error.
/// </summary>
public sealed class EscalationTests
{
    private static string Model(string inside, string boundary, string escalations = """<bpmn:escalation id="Late" escalationCode="late" /><bpmn:escalation id="Other" escalationCode="other" />""") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          {escalations}
          <bpmn:process id="esc" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="repair" />
            <bpmn:subProcess id="repair" name="维修">
              <bpmn:startEvent id="subStart" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="fix" />
              <bpmn:userTask id="fix" name="维修" camunda:candidateGroups="firm" />
              {inside}
            </bpmn:subProcess>
            {boundary}
            <bpmn:sequenceFlow id="f2" sourceRef="repair" targetRef="accept" />
            <bpmn:userTask id="accept" name="验收" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f3" sourceRef="accept" targetRef="end" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="b1" sourceRef="escalated" targetRef="supervise" />
            <bpmn:userTask id="supervise" name="督办" camunda:candidateGroups="street" />
            <bpmn:sequenceFlow id="b2" sourceRef="supervise" targetRef="supervised" />
            <bpmn:endEvent id="supervised" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>After fix, an escalation end event ends the subprocess's path.</summary>
    private const string EscalationEnd = """
        <bpmn:sequenceFlow id="s2" sourceRef="fix" targetRef="tooLate" />
        <bpmn:endEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:endEvent>
        """;

    /// <summary>After fix, an escalation throw event, then a second task in the subprocess.</summary>
    private const string EscalationThrow = """
        <bpmn:sequenceFlow id="s2" sourceRef="fix" targetRef="raise" />
        <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:intermediateThrowEvent>
        <bpmn:sequenceFlow id="s3" sourceRef="raise" targetRef="report" />
        <bpmn:userTask id="report" name="报告" camunda:candidateGroups="firm" />
        <bpmn:sequenceFlow id="s4" sourceRef="report" targetRef="subEnd" />
        <bpmn:endEvent id="subEnd" />
        """;

    private static string Boundary(bool interrupting, string reference = """escalationRef="Late" """) =>
        $"""<bpmn:boundaryEvent id="escalated" attachedToRef="repair" cancelActivity="{(interrupting ? "true" : "false")}"><bpmn:escalationEventDefinition {reference}/></bpmn:boundaryEvent>""";

    [Fact]
    public async Task An_interrupting_boundary_cancels_the_subprocess_and_takes_its_path()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(EscalationThrow, Boundary(interrupting: true)));
        var id = (await t.StartAsync("esc")).Id;

        await t.CompleteAsync(id, "fix");

        var now = await t.InstanceAsync(id);
        Assert.Equal(["supervise"], now.ActiveActivityIds);
        Assert.Equal("late", now.Variables["escalationCode"]!.GetValue<string>());
        var journal = (await t.Engine.ReadJournalAsync(id)).Entries;
        Assert.Contains(journal, e => e.Type == "EscalationThrown" && e.ActivityId == "raise" && e.Details!.Contains("escalated", StringComparison.Ordinal));
        Assert.Contains(journal, e => e.Type == "ActivityCancelled" && e.ActivityId == "repair");
    }

    [Fact]
    public async Task A_non_interrupting_escalation_from_a_subprocess_runs_beside_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(EscalationThrow, Boundary(interrupting: false)));
        var id = (await t.StartAsync("esc")).Id;

        await t.CompleteAsync(id, "fix");

        Assert.Equal(["repair", "report", "supervise"], (await t.InstanceAsync(id)).ActiveActivityIds.Order(StringComparer.Ordinal));
        await t.CompleteAsync(id, "supervise");
        await t.CompleteAsync(id, "report");
        Assert.Equal(["accept"], (await t.InstanceAsync(id)).ActiveActivityIds);
    }

    [Fact]
    public async Task An_escalation_end_event_with_a_non_interrupting_catch_completes_the_subprocess_normally()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(EscalationEnd, Boundary(interrupting: false)));
        var id = (await t.StartAsync("esc")).Id;

        await t.CompleteAsync(id, "fix");

        Assert.Equal(["accept", "supervise"], (await t.InstanceAsync(id)).ActiveActivityIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_uncaught_escalation_changes_nothing_and_raises_no_incident()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(EscalationThrow, Boundary(interrupting: true, reference: """escalationRef="Other" """)));
        var id = (await t.StartAsync("esc")).Id;

        await t.CompleteAsync(id, "fix");

        var now = await t.InstanceAsync(id);
        Assert.Equal(["repair", "report"], now.ActiveActivityIds.Order(StringComparer.Ordinal));
        Assert.Empty(now.Incidents);
        Assert.Contains((await t.Engine.ReadJournalAsync(id)).Entries, e => e.Type == "EscalationThrown" && !e.Details!.Contains("caughtBy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_boundary_without_a_reference_catches_every_escalation()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(EscalationEnd, Boundary(interrupting: true, reference: "")));
        var id = (await t.StartAsync("esc")).Id;

        await t.CompleteAsync(id, "fix");

        Assert.Equal(["supervise"], (await t.InstanceAsync(id)).ActiveActivityIds);
        Assert.Empty(await t.RowsAsync<IncidentRow>());
    }

    [Fact]
    public void An_escalation_boundary_on_a_task_is_refused_naming_it()
    {
        var xml = Model(EscalationEnd, """<bpmn:boundaryEvent id="bad" attachedToRef="accept"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:boundaryEvent>""")
            .Replace("""sourceRef="escalated" """, """sourceRef="bad" """, StringComparison.Ordinal);

        var result = BpmnReader.Read(xml);

        Assert.Contains(result.Problems, p => p.ElementId == "bad" && p.Message.Contains("attach it to a subprocess or a call activity", StringComparison.Ordinal));
    }

    [Fact]
    public void An_escalation_reference_to_nothing_is_refused()
    {
        var result = BpmnReader.Read(Model(EscalationEnd, Boundary(interrupting: true), escalations: ""));

        Assert.Contains(result.Problems, p => p.ElementId == "tooLate" && p.Message.Contains("does not reference an escalation", StringComparison.Ordinal));
    }

    private static string Called(bool interrupting) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:escalation id="Late" escalationCode="late" />
          <bpmn:process id="caller" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:callActivity id="call" calledElement="works" />
            <bpmn:boundaryEvent id="escalated" attachedToRef="call" cancelActivity="{(interrupting ? "true" : "false")}"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="accept" />
            <bpmn:userTask id="accept" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f3" sourceRef="accept" targetRef="end" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="b1" sourceRef="escalated" targetRef="supervise" />
            <bpmn:userTask id="supervise" camunda:candidateGroups="street" />
            <bpmn:sequenceFlow id="b2" sourceRef="supervise" targetRef="supervised" />
            <bpmn:endEvent id="supervised" />
          </bpmn:process>
          <bpmn:process id="works" isExecutable="true">
            <bpmn:startEvent id="wstart" />
            <bpmn:sequenceFlow id="w1" sourceRef="wstart" targetRef="fix" />
            <bpmn:userTask id="fix" camunda:candidateGroups="firm" />
            <bpmn:sequenceFlow id="w2" sourceRef="fix" targetRef="raise" />
            <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="w3" sourceRef="raise" targetRef="report" />
            <bpmn:userTask id="report" camunda:candidateGroups="firm" />
            <bpmn:sequenceFlow id="w4" sourceRef="report" targetRef="wend" />
            <bpmn:endEvent id="wend" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_escalation_from_a_called_process_reaches_the_call_activitys_boundary(bool interrupting)
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Called(interrupting));
        var parent = (await t.StartAsync("caller")).Id;
        var child = Assert.Single(await t.RowsAsync<InstanceRow>(), i => i.ParentInstanceId == parent).Id;

        await t.CompleteAsync(child, "fix");

        var caller = await t.InstanceAsync(parent);
        var called = await t.InstanceAsync(child);
        if (interrupting)
        {
            Assert.Equal(["supervise"], caller.ActiveActivityIds);
            Assert.Equal("terminated", called.Status);
        }
        else
        {
            Assert.Equal(["call", "supervise"], caller.ActiveActivityIds.Order(StringComparer.Ordinal));
            Assert.Equal(["report"], called.ActiveActivityIds);
        }

        Assert.Contains((await t.Engine.ReadJournalAsync(parent)).Entries, e => e.Type == "EscalationCaught" && e.ActivityId == "escalated");
    }
}
