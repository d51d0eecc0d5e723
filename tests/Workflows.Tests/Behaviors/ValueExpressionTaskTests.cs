using Anju.Workflows.Deployment;
using Anju.Workflows.Handlers;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// A service, send or business-rule task whose <c>camunda:expression</c> is a value expression, as Camunda 7 runs it
/// (reference, BPMN 2.0 → Tasks → Service Task, "Calling Java Code": "evaluating a value expression", and "Service
/// Task Results": the value goes to <c>camunda:resultVariable</c>). A registered handler of that name still wins.
/// </summary>
public sealed class ValueExpressionTaskTests
{
    private static string Model(string implementation, string kind = "serviceTask") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="values" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="compute" />
            <bpmn:{kind} id="compute" name="计算" {implementation} />
            <bpmn:sequenceFlow id="f2" sourceRef="compute" targetRef="check" />
            <bpmn:userTask id="check" name="核对" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData("serviceTask")]
    [InlineData("sendTask")]
    [InlineData("businessRuleTask")]
    public async Task The_value_goes_to_the_result_variable_and_the_token_moves_on(string kind)
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""camunda:expression="${amount * 2 + 1}" camunda:resultVariable="share" """, kind));

        var started = await t.StartAsync("values", new { amount = 20 });

        Assert.Equal(41L, started.Variables["share"]!.GetValue<long>());
        Assert.Equal(["check"], started.ActiveActivityIds);
        var journal = (await t.Engine.ReadJournalAsync(started.Id)).Entries;
        Assert.Contains(journal, e => e.Type == "VariablesChanged" && e.Details!.Contains("share", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_result_variable_the_value_is_dropped()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""camunda:expression="${true}" """));

        var started = await t.StartAsync("values", new { amount = 1 });

        Assert.Equal(["check"], started.ActiveActivityIds);
        Assert.Equal(["amount"], started.Variables.Select(v => v.Key));
    }

    [Fact]
    public async Task A_value_expression_that_fails_stops_the_token_with_an_incident_naming_the_variable()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""camunda:expression="${amount * rate}" camunda:resultVariable="share" """));

        var started = await t.StartAsync("values", new { amount = 3 });

        var incident = Assert.Single(await t.RowsAsync<IncidentRow>(), i => i.InstanceId == started.Id);
        Assert.Equal(("compute", "expression"), (incident.ActivityId, incident.Type));
        Assert.Contains("rate", incident.Message, StringComparison.Ordinal);
        Assert.False(started.Variables.ContainsKey("share"));
    }

    [Fact]
    public async Task A_value_expression_that_does_not_parse_is_refused_at_deploy_with_its_element()
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("v.bpmn", Model("""camunda:expression="${amount * }" """))] });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "compute");
        Assert.Empty(await t.RowsAsync<DefinitionRow>());
    }

    [Fact]
    public async Task A_handler_registered_under_the_expression_is_called_instead()
    {
        var calls = 0;
        var handlers = new ServiceTaskHandlers().Register("${billing}", _ =>
        {
            calls++;
            return ValueTask.CompletedTask;
        });
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Model("""camunda:expression="${billing}" camunda:resultVariable="share" """));

        var started = await t.StartAsync("values", new { billing = 5 });

        Assert.Equal(1, calls);
        Assert.False(started.Variables.ContainsKey("share"));
    }

    [Fact]
    public async Task A_beans_method_is_not_a_value_expression_and_stays_an_unknown_handler()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Model("""camunda:expression="${archive.store(execution)}" """);

        var refused = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("v.bpmn", xml)] });
        Assert.Contains(refused.Problems, p => p.ElementId == "compute" && p.Code == ProblemCodes.UnknownHandler);

        await t.DeployXmlAsync(xml, unknownAsExternal: true);
        var started = await t.StartAsync("values");
        Assert.Equal(["compute"], started.ActiveActivityIds);
        Assert.Single(await t.RowsAsync<ExternalTaskRow>(), e => e.InstanceId == started.Id);
    }
}
