using Anju.Workflows.Deployment;
using Anju.Workflows.Tests.Support;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Deployment;

public sealed class DeploymentTests
{
    private static string Xml(string body, string key = "p") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x" />
            {body}
            <bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="e" /><bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Identical_xml_is_a_no_op_and_changed_xml_is_a_new_version()
    {
        await using var t = await TestEngine.CreateAsync();
        var v1 = Xml("<bpmn:userTask id=\"x\" name=\"一\" />");

        var first = await t.DeployXmlAsync(v1);
        var again = await t.DeployXmlAsync(v1);
        var second = await t.DeployXmlAsync(Xml("<bpmn:userTask id=\"x\" name=\"二\" />"));

        Assert.Equal((1, true), (first.Definitions[0].Version, first.Definitions[0].IsNew));
        Assert.Equal((1, false), (again.Definitions[0].Version, again.Definitions[0].IsNew));
        Assert.Equal((2, true), (second.Definitions[0].Version, second.Definitions[0].IsNew));
    }

    [Fact]
    public async Task Instances_stay_on_the_version_they_started_on()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Xml("<bpmn:userTask id=\"x\" name=\"一\" />"));
        var old = await t.StartAsync("p");
        await t.DeployXmlAsync(Xml("<bpmn:userTask id=\"x\" name=\"二\" />"));
        var current = await t.StartAsync("p");

        Assert.Equal(1, old.DefinitionVersion);
        Assert.Equal(2, current.DefinitionVersion);
        Assert.Equal("一", (await t.TaskAsync(old.Id, "x")).Name);
        Assert.Equal("二", (await t.TaskAsync(current.Id, "x")).Name);
        var pinned = await t.Engine.StartAsync(new StartInstance { DefinitionKey = "p", Version = 1 });
        Assert.Equal(1, pinned.DefinitionVersion);
    }

    [Fact]
    public async Task An_unknown_handler_is_a_deploy_error_unless_asked_to_treat_it_as_external()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Xml("<bpmn:serviceTask id=\"x\" camunda:class=\"cn.gov.jy.RouteDelegate\" />");

        var refused = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });
        var accepted = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)], UnknownServiceTasksAsExternal = true });

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("x", problem.ElementId);
        Assert.Contains("cn.gov.jy.RouteDelegate", problem.Message, StringComparison.Ordinal);
        Assert.True(accepted.Succeeded);
        var started = await t.StartAsync("p");
        Assert.Single(await t.Engine.FetchAndLockAsync("w", 1, [new TopicRequest("cn.gov.jy.RouteDelegate", 1000)]));
        Assert.Equal(["x"], started.ActiveActivityIds);
    }

    [Fact]
    public async Task An_expression_syntax_error_names_the_element_and_nothing_is_deployed()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Xml("<bpmn:userTask id=\"x\" camunda:assignee=\"${a +}\" />");

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("x", problem.ElementId);
        Assert.Contains("assignee", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await t.RowsAsync<DefinitionRow>());
    }

    [Fact]
    public async Task An_unknown_function_is_a_deploy_error()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Xml("<bpmn:userTask id=\"x\" camunda:dueDate=\"${deleteEverything()}\" />");

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });

        Assert.Contains("deleteEverything", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_timer_is_a_deploy_error()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Xml("<bpmn:userTask id=\"x\" /><bpmn:boundaryEvent id=\"b\" attachedToRef=\"x\"><bpmn:timerEventDefinition><bpmn:timeDuration>3 days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"b\" targetRef=\"e\" />");

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });

        Assert.Equal("b", Assert.Single(result.Problems).ElementId);
    }
}
