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
}
