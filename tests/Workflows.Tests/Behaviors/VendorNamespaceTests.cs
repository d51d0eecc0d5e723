using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Camunda 7 reads <c>http://activiti.org/bpmn</c> as its own namespace (BpmnParse accepts both the Camunda and the
/// Activiti extension namespace; user guide, "Migrate from Activiti"): a model written under that namespace must run
/// exactly as its Camunda-namespace twin, never with its assignees, candidates and forms silently dropped.
/// </summary>
public sealed class VendorNamespaceTests
{
    [Theory]
    [InlineData("VendorNamespaceTests.Camunda.bpmn", "leave-camunda")]
    [InlineData("VendorNamespaceTests.Activiti.bpmn", "leave-activiti")]
    public async Task An_activiti_namespace_model_gives_the_same_tasks_as_its_camunda_twin(string fixture, string key)
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", fixture);

        var started = await t.Engine.StartAsync(new StartInstance { DefinitionKey = key, Actor = "zhang" });

        var review = await t.TaskAsync(started.Id, "review");
        Assert.Equal("alice,bob", review.CandidateUsers);
        Assert.Equal("community", review.CandidateGroups);
        Assert.Equal(70, review.Priority);
        Assert.NotNull(review.DueAt);

        await t.Engine.CompleteTaskAsync(review.Id, TestEngine.Vars(new { approved = true }), "alice");

        var confirm = await t.TaskAsync(started.Id, "confirm");
        Assert.Equal("zhang", confirm.Assignee);
        Assert.Equal("embedded:app:forms/confirm.html", confirm.FormKey);
    }

    [Fact]
    public async Task Potential_owners_and_the_human_performer_reach_the_task_as_candidates_and_assignee()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://anju.test">
              <bpmn:process id="roles" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
                <bpmn:parallelGateway id="fork" />
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="owners" />
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="performer" />
                <bpmn:userTask id="owners">
                  <bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>user(${reviewer}), group(community), street-office</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
                </bpmn:userTask>
                <bpmn:userTask id="performer">
                  <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>${reviewer}</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
                </bpmn:userTask>
              </bpmn:process>
            </bpmn:definitions>
            """);

        var started = await t.StartAsync("roles", new { reviewer = "wang" });

        var owners = await t.TaskAsync(started.Id, "owners");
        Assert.Equal("wang", owners.CandidateUsers);
        Assert.Equal("community,street-office", owners.CandidateGroups);
        Assert.Null(owners.Assignee);
        Assert.Equal("wang", (await t.TaskAsync(started.Id, "performer")).Assignee);
    }
}
