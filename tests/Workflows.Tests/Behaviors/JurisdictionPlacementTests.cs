using System.Text.Json.Nodes;
using Anju.Workflows.Deployment;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// The camunda:property "jurisdiction" places a user task or a called instance somewhere other than the
/// instance's own jurisdiction; a handler may start an unrelated process in the same transaction.
/// </summary>
public sealed class JurisdictionPlacementTests
{
    private const string City = "jiangyin";
    private const string Compound = "jiangyin/chengjiang/huangshan/binjiang-garden";

    private static string Xml(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          {body}
        </bpmn:definitions>
        """;

    private const string Placed = """
        <bpmn:process id="placed" isExecutable="true">
          <bpmn:startEvent id="s" />
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="score" />
          <bpmn:userTask id="score" camunda:candidateGroups="community">
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="jurisdiction" value="${compound}" /></camunda:properties>
            </bpmn:extensionElements>
            <bpmn:multiInstanceLoopCharacteristics camunda:collection="${compounds}" camunda:elementVariable="compound" />
          </bpmn:userTask>
          <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="plain" />
          <bpmn:userTask id="plain" camunda:candidateGroups="housing-bureau" />
          <bpmn:sequenceFlow id="f3" sourceRef="plain" targetRef="call" />
          <bpmn:callActivity id="call" calledElement="child">
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="jurisdiction" value="${target}" /></camunda:properties>
            </bpmn:extensionElements>
          </bpmn:callActivity>
          <bpmn:sequenceFlow id="f4" sourceRef="call" targetRef="e" />
          <bpmn:endEvent id="e" />
        </bpmn:process>
        <bpmn:process id="child" isExecutable="true">
          <bpmn:startEvent id="cs" />
          <bpmn:sequenceFlow id="cf1" sourceRef="cs" targetRef="ct" />
          <bpmn:userTask id="ct" camunda:candidateGroups="street-office" />
          <bpmn:sequenceFlow id="cf2" sourceRef="ct" targetRef="ce" />
          <bpmn:endEvent id="ce" />
        </bpmn:process>
        """;

    [Fact]
    public async Task Each_task_of_a_multi_instance_lands_in_the_jurisdiction_its_property_names()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Xml(Placed));
        var other = "jiangyin/nanzha/xingfu/xingfuli";
        var started = await t.StartAsync("placed", new { compounds = new[] { Compound, other }, target = Compound }, jurisdiction: City);

        var tasks = await t.TasksAsync(started.Id);
        Assert.Equal([Compound, other], tasks.Select(x => x.Jurisdiction).Order(StringComparer.Ordinal));

        foreach (var task in tasks)
        {
            await t.Engine.CompleteTaskAsync(task.Id, null, "tester");
        }

        Assert.Equal(City, (await t.TaskAsync(started.Id, "plain")).Jurisdiction);
    }

    [Fact]
    public async Task A_call_activity_gives_the_called_instance_the_jurisdiction_of_its_property()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Xml(Placed));
        var started = await t.StartAsync("placed", new { compounds = Array.Empty<string>(), target = Compound }, jurisdiction: City);
        await t.CompleteAsync(started.Id, "plain");

        var child = Assert.Single(await t.InstancesAsync(i => i.ParentInstanceId == started.Id));
        Assert.Equal(Compound, child.Jurisdiction);
        Assert.Equal(Compound, (await t.TaskAsync(child.Id, "ct")).Jurisdiction);
    }

    [Fact]
    public async Task A_jurisdiction_property_with_a_bad_expression_is_a_deploy_error()
    {
        await using var t = await TestEngine.CreateAsync();
        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("bad.bpmn", Xml(Placed.Replace("${compound}", "${compound +}", StringComparison.Ordinal)))] });
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "score" && p.Message.Contains("jurisdiction", StringComparison.Ordinal));
    }

    private const string Referral = """
        <bpmn:process id="complaint" isExecutable="true">
          <bpmn:startEvent id="s" />
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="refer" />
          <bpmn:serviceTask id="refer" camunda:delegateExpression="${startReferral}" />
          <bpmn:sequenceFlow id="f2" sourceRef="refer" targetRef="e" />
          <bpmn:endEvent id="e" />
        </bpmn:process>
        <bpmn:process id="referral" isExecutable="true">
          <bpmn:startEvent id="rs" />
          <bpmn:sequenceFlow id="rf1" sourceRef="rs" targetRef="register" />
          <bpmn:userTask id="register" camunda:candidateGroups="enforcement-station" />
          <bpmn:sequenceFlow id="rf2" sourceRef="register" targetRef="re" />
          <bpmn:endEvent id="re" />
        </bpmn:process>
        """;

    private static ServiceTaskHandlers Starter(Func<int, bool> failOnAttempt)
    {
        var attempts = 0;
        return new ServiceTaskHandlers().Register("startReferral", async ctx =>
        {
            var id = await ctx.StartProcessAsync(new ProcessStart("referral")
            {
                BusinessKey = ctx.BusinessKey,
                Variables = new Dictionary<string, JsonNode?> { ["fromComplaint"] = ctx.InstanceId.ToString() },
            }, CancellationToken.None);
            ctx.SetVariable("referralInstanceId", id.ToString());
            if (failOnAttempt(++attempts))
            {
                throw new InvalidOperationException("network down");
            }
        });
    }

    [Fact]
    public async Task A_handler_starts_another_process_that_links_back_and_inherits_the_jurisdiction()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Starter(_ => false));
        await t.DeployXmlAsync(Xml(Referral));
        var started = await t.StartAsync("complaint", businessKey: "C-1", jurisdiction: Compound);

        Assert.Equal("completed", started.Status);
        var referralId = Guid.Parse(started.Variables["referralInstanceId"]!.GetValue<string>());
        var referral = await t.InstanceAsync(referralId);
        Assert.Equal("referral", referral.DefinitionKey);
        Assert.Equal(Compound, referral.Jurisdiction);
        Assert.Equal("C-1", referral.BusinessKey);
        Assert.Equal(started.Id.ToString(), referral.Variables["fromComplaint"]!.GetValue<string>());
        Assert.Equal(["register"], referral.ActiveActivityIds);
        Assert.Contains((await t.Engine.ReadJournalAsync(started.Id)).Entries, j => j.Type == "ProcessStarted");
    }

    [Fact]
    public async Task A_failed_attempt_leaves_no_started_process_behind_and_the_retry_starts_exactly_one()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Starter(attempt => attempt == 1));
        await t.DeployXmlAsync(Xml(Referral));
        var started = await t.StartAsync("complaint", jurisdiction: Compound);
        Assert.Empty(await t.InstancesAsync(i => i.DefinitionKey == "referral"));

        await t.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
        Assert.Single(await t.InstancesAsync(i => i.DefinitionKey == "referral"));
    }
}
