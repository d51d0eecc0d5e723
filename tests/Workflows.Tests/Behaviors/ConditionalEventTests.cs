using Anju.Workflows.Deployment;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Conditional events as Camunda 7 runs them (reference, "Events" → "Conditional Events"): an intermediate catch passes
/// when its condition holds (at once if it already does); boundary events and event subprocess starts fire when a
/// variable change makes their condition hold, narrowed by <c>camunda:variableName</c>; a non-interrupting one fires when
/// its condition comes to hold, not again while it keeps holding.
/// </summary>
public sealed class ConditionalEventTests
{
    private static string Condition(string expression, string variableName = "") =>
        $"""<bpmn:conditionalEventDefinition{(variableName.Length > 0 ? $" camunda:variableName=\"{variableName}\"" : "")}><bpmn:condition xsi:type="bpmn:tFormalExpression">{expression}</bpmn:condition></bpmn:conditionalEventDefinition>""";

    private static string Document(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="cond" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Two paths: 'pay' sets variables when completed; the other path holds the element under test.</summary>
    private static string TwoPaths(string other) => Document($"""
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="pay" />
        <bpmn:userTask id="pay" camunda:candidateGroups="property-firm" />
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="{(other.Contains("id=\"wait\"", StringComparison.Ordinal) ? "wait" : "work")}" />
        {other}
        """);

    [Fact]
    public async Task An_intermediate_catch_waits_until_a_change_makes_its_condition_hold()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TwoPaths($"""
            <bpmn:intermediateCatchEvent id="wait">{Condition("${paid >= fee}")}</bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="deliver" />
            <bpmn:userTask id="deliver" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("cond", new { paid = 0, fee = 300 });
        Assert.Equal(["pay", "wait"], started.ActiveActivityIds.Order());

        await t.CompleteAsync(started.Id, "pay", new { paid = 300 });

        Assert.Equal(["deliver"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_failure_on_the_way_out_of_a_met_condition_stops_that_token_not_the_call_that_changed_the_variable()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TwoPaths($$"""
            <bpmn:intermediateCatchEvent id="wait">{{Condition("${paid >= fee}")}}</bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="deliver"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${courier == 'sf'}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:userTask id="deliver" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("cond", new { paid = 0, fee = 300 });

        await t.CompleteAsync(started.Id, "pay", new { paid = 300 });

        var after = await t.InstanceAsync(started.Id);
        var incident = Assert.Single(after.Incidents);
        Assert.Equal(("wait", "expression"), (incident.ActivityId, incident.Type));
        Assert.Equal(300, after.Variables["paid"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_catch_whose_condition_already_holds_passes_at_once()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TwoPaths($"""
            <bpmn:intermediateCatchEvent id="wait">{Condition("${paid >= fee}")}</bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="deliver" />
            <bpmn:userTask id="deliver" camunda:candidateGroups="community" />
            """));

        var started = await t.StartAsync("cond", new { paid = 500, fee = 300 });

        Assert.Equal(["deliver", "pay"], started.ActiveActivityIds.Order());
    }

    [Fact]
    public async Task An_interrupting_boundary_fires_when_a_listed_variable_makes_its_condition_hold()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TwoPaths($"""
            <bpmn:userTask id="work" camunda:candidateGroups="community" />
            <bpmn:boundaryEvent id="stop" attachedToRef="work">{Condition("${level > 2 || flag}", "level")}</bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="stop" targetRef="escalated" />
            <bpmn:userTask id="escalated" camunda:candidateGroups="street-office" />
            """));
        var started = await t.StartAsync("cond", new { level = 1, flag = false });

        // 'flag' is not listed in camunda:variableName: its change does not evaluate the condition.
        var pay = await t.TaskAsync(started.Id, "pay");
        await t.Engine.CompleteTaskAsync(pay.Id, TestEngine.Vars(new { flag = true }), "tester");
        Assert.Equal(["work"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);

        await t.Engine.EditVariableAsync(started.Id, "level", 3, "等级上调", "admin");
        Assert.Equal(["escalated"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
        Assert.Single(await t.TasksAsync(started.Id));
    }

    // Camunda 7 reference, "Conditional Events" → camunda:variableEvents: only changes of the listed kinds (create,
    // update, delete) evaluate the condition again.
    [Fact]
    public async Task A_boundary_with_variable_events_is_evaluated_only_on_the_kinds_of_change_it_lists()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TwoPaths("""
            <bpmn:userTask id="work" camunda:candidateGroups="community" />
            <bpmn:boundaryEvent id="stop" attachedToRef="work">
              <bpmn:conditionalEventDefinition camunda:variableEvents="create">
                <bpmn:condition xsi:type="bpmn:tFormalExpression">${level > 2}</bpmn:condition>
              </bpmn:conditionalEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="stop" targetRef="escalated" />
            <bpmn:userTask id="escalated" camunda:candidateGroups="street-office" />
            """));
        var started = await t.StartAsync("cond", new { level = 1 });

        // An update of 'level' makes the condition hold, but updates are not listened to.
        await t.Engine.EditVariableAsync(started.Id, "level", 3, "等级上调", "admin");
        Assert.Contains("work", (await t.InstanceAsync(started.Id)).ActiveActivityIds);

        // A variable created (by completing 'pay') evaluates it: it holds now.
        await t.CompleteAsync(started.Id, "pay", new { paidAt = "2026-12-08" });
        Assert.Equal(["escalated"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_non_interrupting_boundary_fires_when_its_condition_comes_to_hold_not_while_it_keeps_holding()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Document($$"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:userTask id="work" camunda:candidateGroups="community" />
            <bpmn:boundaryEvent id="warn" attachedToRef="work" cancelActivity="false">{{Condition("${complaints >= 3}")}}</bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="warn" targetRef="notify" />
            <bpmn:serviceTask id="notify" camunda:expression="${execution.setVariable('warnings', warnings + 1)}" />
            <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="noted" />
            <bpmn:endEvent id="noted" />
            """));
        var started = await t.StartAsync("cond", new { complaints = 0, warnings = 0 });

        foreach (var count in new[] { 3, 4, 1, 5 })
        {
            await t.Engine.EditVariableAsync(started.Id, "complaints", count, "投诉数更新", "admin");
        }

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(2, after.Variables["warnings"]!.GetValue<long>());
        Assert.Equal(["work"], after.ActiveActivityIds);
    }

    [Fact]
    public async Task A_conditional_event_subprocess_takes_over_its_scope_when_its_condition_holds()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(TwoPaths($"""
            <bpmn:userTask id="work" camunda:candidateGroups="community" />
            <bpmn:subProcess id="withdrawn" triggeredByEvent="true">
              <bpmn:startEvent id="wStart">{Condition("${withdrawn}")}</bpmn:startEvent>
              <bpmn:sequenceFlow id="w1" sourceRef="wStart" targetRef="close" />
              <bpmn:userTask id="close" camunda:candidateGroups="community" />
            </bpmn:subProcess>
            """));
        var started = await t.StartAsync("cond", new { withdrawn = false });

        await t.CompleteAsync(started.Id, "pay", new { withdrawn = true });

        Assert.Equal(["close"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
    }

    [Theory]
    [InlineData("""<bpmn:conditionalEventDefinition />""", "has no condition")]
    [InlineData("""<bpmn:conditionalEventDefinition camunda:variableEvents="create, change"><bpmn:condition>${a}</bpmn:condition></bpmn:conditionalEventDefinition>""", "names 'change'; the events are create, update and delete")]
    [InlineData("""<bpmn:conditionalEventDefinition camunda:variableEvents=" , "><bpmn:condition>${a}</bpmn:condition></bpmn:conditionalEventDefinition>""", "variableEvents on")]
    [InlineData("""<bpmn:conditionalEventDefinition><bpmn:condition>${execution.setVariable('a', 1)}</bpmn:condition></bpmn:conditionalEventDefinition>""", "only in a listener")]
    [InlineData("""<bpmn:conditionalEventDefinition><bpmn:condition>${a +}</bpmn:condition></bpmn:conditionalEventDefinition>""", "condition")]
    public async Task A_condition_Anju_cannot_evaluate_is_refused_with_its_element(string definition, string expected)
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Document($"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">{definition}</bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("c.bpmn", xml)] });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "wait" && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    // Camunda 7 reference, "Conditional Start Event": evaluating the start conditions with variables starts every
    // process whose conditional start holds (RuntimeService.createConditionEvaluation().evaluateStartConditions()).
    [Fact]
    public async Task Evaluating_start_conditions_starts_the_processes_whose_condition_holds_with_the_variables()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        await t.DeployXmlAsync($$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://anju.test">
              <bpmn:process id="large-repair" isExecutable="true">
                <bpmn:startEvent id="large">{{Condition("${amount > 1000}", "amount")}}</bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="large" targetRef="review" />
                <bpmn:userTask id="review" camunda:candidateGroups="street-office" />
              </bpmn:process>
              <bpmn:process id="urgent-repair" isExecutable="true">
                <bpmn:startEvent id="urgent">{{Condition("${urgent}")}}</bpmn:startEvent>
                <bpmn:sequenceFlow id="u1" sourceRef="urgent" targetRef="dispatch" />
                <bpmn:userTask id="dispatch" camunda:candidateGroups="property-firm" />
              </bpmn:process>
            </bpmn:definitions>
            """);

        var none = await t.Engine.EvaluateStartConditionsAsync(new StartConditionEvaluation { Variables = TestEngine.Vars(new { amount = 800 })! });
        var started = await t.Engine.EvaluateStartConditionsAsync(new StartConditionEvaluation
        {
            Variables = TestEngine.Vars(new { amount = 2000 })!,
            Jurisdiction = "江阴市/澄江街道",
            BusinessKey = "WX-1",
        });
        var both = await t.Engine.EvaluateStartConditionsAsync(new StartConditionEvaluation { Variables = TestEngine.Vars(new { amount = 5000, urgent = true })! });
        var onlyOne = await t.Engine.EvaluateStartConditionsAsync(new StartConditionEvaluation { Variables = TestEngine.Vars(new { amount = 5000, urgent = true })!, ProcessKey = "urgent-repair" });

        Assert.Empty(none);
        var instance = await t.InstanceAsync(Assert.Single(started));
        Assert.Equal(("large-repair", "WX-1", "江阴市/澄江街道"), (instance.DefinitionKey, instance.BusinessKey, instance.Jurisdiction));
        Assert.Equal(["review"], instance.ActiveActivityIds);
        Assert.Equal(2000, instance.Variables["amount"]!.GetValue<int>());
        Assert.Equal(2, both.Count);
        Assert.Equal("urgent-repair", (await t.InstanceAsync(Assert.Single(onlyOne))).DefinitionKey);
    }
}
