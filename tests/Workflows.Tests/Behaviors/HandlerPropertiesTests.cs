using System.Text.Json.Nodes;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>A BPMN file parameterises its handlers through extension properties; camunda:initiator names the starter.</summary>
public sealed class HandlerPropertiesTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="weighted" isExecutable="true">
            <bpmn:startEvent id="s" camunda:initiator="reporter" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="score" />
            <bpmn:serviceTask id="score" camunda:delegateExpression="${weigh}">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="weight" value="0.3" />
                  <camunda:property name="to" value="${reporter}" />
                  <camunda:property name="text" value="您的投诉 ${caseNo} 已办结" />
                </camunda:properties>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="e" />
            <bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static ServiceTaskHandlers Recorder(JsonObject seen) => new ServiceTaskHandlers().Register("weigh", ctx =>
    {
        foreach (var name in ctx.PropertyNames)
        {
            seen[name] = ctx.GetProperty(name);
        }

        seen["missing"] = ctx.GetProperty("nope") is null;
        return ValueTask.CompletedTask;
    });

    [Fact]
    public async Task A_handler_reads_its_properties_evaluated_against_the_variables()
    {
        var seen = new JsonObject();
        await using var t = await TestEngine.CreateAsync(handlers: Recorder(seen));
        await t.DeployXmlAsync(Xml);
        var done = await t.Engine.StartAsync(new StartInstance { DefinitionKey = "weighted", Variables = TestEngine.Vars(new { caseNo = "TS-7" }), Actor = "owner.li" });

        Assert.Equal("completed", done.Status);
        Assert.Equal("owner.li", done.Variables["reporter"]!.GetValue<string>());
        Assert.Equal("owner.li", seen["to"]!.GetValue<string>());
        Assert.Equal("您的投诉 TS-7 已办结", seen["text"]!.GetValue<string>());
        Assert.Equal("0.3", seen["weight"]!.ToString());
        Assert.True(seen["missing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_property_naming_an_undefined_variable_raises_an_incident_naming_it()
    {
        var seen = new JsonObject();
        await using var t = await TestEngine.CreateAsync(handlers: Recorder(seen));
        await t.DeployXmlAsync(Xml);
        var started = await t.StartAsync("weighted");

        Assert.Equal("incident", started.Status);
        var incident = Assert.Single(started.Incidents);
        Assert.True(incident.Message.Contains("reporter", StringComparison.Ordinal), incident.Message);
    }

    [Theory]
    [InlineData("${caseNo}", "${caseNo +}", "property 'text'")]
    [InlineData("<camunda:property name=\"weight\" value=\"0.3\" />", "<camunda:property name=\"weight\" value=\"0.3\" /><camunda:property name=\"weight\" value=\"1\" />", "appears twice")]
    public async Task A_property_with_a_bad_expression_or_twice_the_same_name_is_a_deploy_error(string from, string to, string expected)
    {
        await using var t = await TestEngine.CreateAsync(handlers: Recorder([]));
        var bad = Xml.Replace(from, to, StringComparison.Ordinal);
        var result = await t.Engine.DeployAsync(new Anju.Workflows.Deployment.DeploymentRequest { Files = [new Anju.Workflows.Deployment.DeploymentFile("bad.bpmn", bad)] });

        var all = string.Join(" | ", result.Problems.Select(p => $"{p.ElementId}: {p.Message}"));
        Assert.True(result.Problems.Any(p => p.ElementId == "score" && p.Message.Contains(expected, StringComparison.Ordinal)), all);
    }
}
