using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class ReturnAndDelegateTests
{
    private static async Task<(TestEngine T, Guid Id)> AtApproveAsync()
    {
        var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        await t.CompleteAsync(started.Id, "review");
        return (t, started.Id);
    }

    [Fact]
    public async Task Returning_退回_recreates_the_earlier_task_and_journals_the_reason()
    {
        var (t, id) = await AtApproveAsync();
        await using var _ = t;
        var approve = await t.TaskAsync(id, "approve");

        await t.Engine.ReturnTaskAsync(approve.Id, null, "材料不全", "wang");

        Assert.Equal(["review"], (await t.TasksAsync(id)).Select(x => x.ActivityId));
        var (entries, verification) = await t.Engine.ReadJournalAsync(id);
        var returned = Assert.Single(entries, e => e.Type == "TaskReturned");
        Assert.Contains("材料不全", returned.Details, StringComparison.Ordinal);
        Assert.Equal("wang", returned.Actor);
        Assert.True(verification.Intact);
    }

    [Fact]
    public async Task Return_targets_are_the_steps_done_and_nothing_for_a_task_that_is_gone()
    {
        var (t, id) = await AtApproveAsync();
        await using var _ = t;
        var approve = await t.TaskAsync(id, "approve");

        var targets = await t.Engine.GetReturnTargetsAsync(approve.Id);

        Assert.Equal(["review"], targets!.Select(x => x.ActivityId));
        Assert.NotNull(await t.Engine.GetTaskDetailsAsync(approve.Id));
        await t.CompleteAsync(id, "approve");
        Assert.Null(await t.Engine.GetReturnTargetsAsync(approve.Id));
        Assert.Null(await t.Engine.GetTaskDetailsAsync(approve.Id));
        Assert.Null(await t.Engine.GetTaskDetailsAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Returning_to_a_step_not_yet_done_is_refused_and_changes_nothing()
    {
        var (t, id) = await AtApproveAsync();
        await using var _ = t;
        var approve = await t.TaskAsync(id, "approve");

        var error = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ReturnTaskAsync(approve.Id, "approve", "x", "wang"));

        Assert.Equal(WorkflowErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(approve.Id, (await t.TaskAsync(id, "approve")).Id);
    }

    [Fact]
    public async Task Delegating_转办_hands_the_task_to_another_user()
    {
        var (t, id) = await AtApproveAsync();
        await using var _ = t;
        var approve = await t.TaskAsync(id, "approve");

        await t.Engine.DelegateTaskAsync(approve.Id, "zhou", "出差", "wang");

        Assert.Equal("zhou", (await t.TaskAsync(id, "approve")).Assignee);
        var (entries, _) = await t.Engine.ReadJournalAsync(id);
        Assert.Contains(entries, e => e.Type == "TaskDelegated" && e.Details!.Contains("\"to\":\"zhou\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claiming_a_task_someone_else_holds_is_a_conflict()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks");
        var review = await t.TaskAsync(started.Id, "review");

        await t.Engine.ClaimTaskAsync(review.Id, "li");
        var error = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ClaimTaskAsync(review.Id, "zhao"));
        await t.Engine.UnclaimTaskAsync(review.Id, "li");
        await t.Engine.ClaimTaskAsync(review.Id, "zhao");

        Assert.Equal(WorkflowErrorKind.Conflict, error.Kind);
        Assert.Equal("zhao", (await t.TaskAsync(started.Id, "review")).Assignee);
        Assert.Equal(["community"], (await t.RowsAsync<TaskCandidateRow>()).Where(c => c.TaskId == review.Id).Select(c => c.Value).ToList());
    }
}
