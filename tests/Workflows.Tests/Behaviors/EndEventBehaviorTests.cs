using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class EndEventBehaviorTests
{
    [Fact]
    public async Task A_terminate_end_event_in_a_subprocess_ends_only_that_subprocess()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.Terminate.bpmn");
        var started = await t.StartAsync("terminate");

        await t.CompleteAsync(started.Id, "inner1");

        var tasks = (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal);
        Assert.Equal(["abort", "survey"], tasks);
    }

    [Fact]
    public async Task A_terminate_end_event_at_process_level_ends_every_branch()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EndEventBehaviorTests.Terminate.bpmn");
        var started = await t.StartAsync("terminate");
        await t.CompleteAsync(started.Id, "inner1");

        await t.CompleteAsync(started.Id, "abort");

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Empty(await t.TasksAsync(started.Id));
        Assert.DoesNotContain("survey", done.CompletedActivityIds);
    }
}
