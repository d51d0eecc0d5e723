using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class ParallelGatewayBehaviorTests
{
    [Fact]
    public async Task Forks_and_waits_until_every_incoming_flow_has_arrived()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ParallelGatewayBehaviorTests.ForkJoin.bpmn");
        var started = await t.StartAsync("fork-join");
        Assert.Equal(["a", "b"], started.ActiveActivityIds.Order(StringComparer.Ordinal));

        await t.CompleteAsync(started.Id, "a");
        Assert.Equal(["b", "join"], (await t.InstanceAsync(started.Id)).ActiveActivityIds.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await t.TasksAsync(started.Id), x => x.ActivityId == "after");

        await t.CompleteAsync(started.Id, "b");
        Assert.Equal(["after"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task Tokens_from_a_loop_on_one_flow_do_not_count_as_the_other_flow()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ParallelGatewayBehaviorTests.LoopIntoJoin.bpmn");
        var started = await t.StartAsync("loop-join");

        // The loop sends two tokens into the join on the same flow while "slow" is still open.
        await t.CompleteAsync(started.Id, "repeat", new { more = true });
        await t.CompleteAsync(started.Id, "repeat", new { more = false });
        Assert.DoesNotContain(await t.TasksAsync(started.Id), x => x.ActivityId == "after");

        await t.CompleteAsync(started.Id, "slow");
        var tasks = await t.TasksAsync(started.Id);
        Assert.Single(tasks, x => x.ActivityId == "after");
        var instance = await t.InstanceAsync(started.Id);
        Assert.Contains("join", instance.ActiveActivityIds);
    }
}
