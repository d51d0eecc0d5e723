using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class InclusiveGatewayBehaviorTests
{
    [Fact]
    public async Task Join_does_not_wait_for_a_branch_that_was_never_taken()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "InclusiveGatewayBehaviorTests.DeadBranch.bpmn");

        var started = await t.StartAsync("inclusive", new { fire = true, police = true, city = false });
        Assert.Equal(["fire", "police"], started.ActiveActivityIds.Order(StringComparer.Ordinal));

        await t.CompleteAsync(started.Id, "fire");
        Assert.DoesNotContain(await t.TasksAsync(started.Id), x => x.ActivityId == "feedback");

        await t.CompleteAsync(started.Id, "police");
        Assert.Equal(["feedback"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_single_branch_passes_the_join_at_once()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "InclusiveGatewayBehaviorTests.DeadBranch.bpmn");
        var started = await t.StartAsync("inclusive", new { fire = false, police = false, city = true });

        await t.CompleteAsync(started.Id, "city");

        Assert.Equal(["feedback"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }
}
