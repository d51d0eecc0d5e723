using Anju.Workflows.Deployment;
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

    // Camunda 7 reference, "Event-based Gateway" → "Camunda Extensions": camunda:asyncBefore (not asyncAfter: the gateway
    // is left by the event that occurs, not by its own end). Anju refused both before.
    [Fact]
    public async Task With_asyncBefore_the_token_waits_for_a_job_before_the_gateway_subscribes_to_its_events()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "EventBasedGatewayBehaviorTests.Async.bpmn");
        var started = await t.StartAsync("event-gateway-async", businessKey: "C-9");

        Assert.Equal(["gw"], started.ActiveActivityIds);
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Async", "gw", 2), (job.Kind, job.ActivityId, job.Retries));
        await Assert.ThrowsAsync<Execution.WorkflowException>(() =>
            t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "owner-confirmed", BusinessKey = "C-9" }));

        Assert.Equal(1, await t.RunDueJobsAsync());
        var timer = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Timer", "timeout"), (timer.Kind, timer.ActivityId));

        Assert.Equal([started.Id], await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "owner-confirmed", BusinessKey = "C-9" }));
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task AsyncAfter_on_the_gateway_has_no_effect_and_is_a_warning_of_the_deployment()
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.DeployFixtureAsync("Behaviors", "EventBasedGatewayBehaviorTests.Async.bpmn");

        var warning = Assert.Single(result.Warnings, w => w.ElementId == "gw");
        Assert.Equal(ProblemCodes.AttributeIgnored, warning.Code);
        Assert.StartsWith("camunda:asyncAfter has no effect on eventBasedGateway 'gw'", warning.Message, StringComparison.Ordinal);
        var started = await t.StartAsync("event-gateway-async", businessKey: "C-10");
        await t.RunDueJobsAsync();
        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "owner-confirmed", BusinessKey = "C-10" });
        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Contains("endConfirmed", done.CompletedActivityIds);
    }
}
