using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class EventBasedGatewayBehaviorTests
{
    [Fact]
    public async Task The_message_wins_when_it_comes_first_and_the_timer_is_withdrawn()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EventBasedGatewayBehaviorTests.MessageOrTimer.bpmn");
        var started = await t.StartAsync("event-gateway", businessKey: "C-7");
        Assert.Single(await t.JobsAsync(started.Id));

        var ids = await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "owner-confirmed", BusinessKey = "C-7" });

        Assert.Equal([started.Id], ids);
        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Contains("endConfirmed", done.CompletedActivityIds);
        Assert.Empty(await t.JobsAsync(started.Id));
    }

    [Fact]
    public async Task The_timer_wins_when_no_message_comes_in_time()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EventBasedGatewayBehaviorTests.MessageOrTimer.bpmn");
        var started = await t.StartAsync("event-gateway", businessKey: "C-8");

        Assert.Equal(0, await t.AdvanceAsync(TimeSpan.FromDays(2)));
        Assert.Equal(1, await t.AdvanceAsync(TimeSpan.FromDays(1)));

        var done = await t.InstanceAsync(started.Id);
        Assert.Contains("endDefault", done.CompletedActivityIds);
        await Assert.ThrowsAsync<Execution.WorkflowException>(() =>
            t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "owner-confirmed", BusinessKey = "C-8" }));
    }
}
