using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>UserTaskBehavior</c> (Camunda 7 reference, "User Task"): the task is created with its assignee, candidate users
/// and groups, due date and priority evaluated in the token's scope, waits, and on completion sets the given variables
/// and leaves.
/// </summary>
public sealed class UserTaskBehaviorTests
{
    [Fact]
    public async Task The_task_is_created_with_its_attributes_evaluated_and_completion_moves_on()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("approval", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
            <bpmn:userTask id="approve" name="审批" camunda:assignee="${officer}" camunda:candidateGroups="community, street-office"
                           camunda:candidateUsers="${reviewers}" camunda:dueDate="P2D" camunda:priority="${urgent ? 80 : 50}" />
            <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await t.StartAsync("approval", new { officer = "zhao", urgent = true, reviewers = new[] { "li", "wang" } });

        var task = await t.TaskAsync(started.Id, "approve");
        Assert.Equal(("审批", "zhao", 80), (task.Name, task.Assignee, task.Priority));
        Assert.Contains("wang", task.CandidateUsers, StringComparison.Ordinal);
        Assert.Contains("street-office", task.CandidateGroups, StringComparison.Ordinal);
        Assert.Equal(TestEngine.DefaultStart.AddDays(2).UtcDateTime, task.DueAt);

        await t.CompleteAsync(started.Id, "approve", new { approved = true });

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.True(done.Variables["approved"]!.GetValue<bool>());
    }
}
