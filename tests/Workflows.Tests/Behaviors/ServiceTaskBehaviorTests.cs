using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class ServiceTaskBehaviorTests
{
    private static ServiceTaskHandlers Handlers(Func<int, bool> flakyFailsOnAttempt)
    {
        var attempts = 0;
        return new ServiceTaskHandlers()
            .Register("routeByCategory", ctx =>
            {
                var category = ctx.GetVariable("category")!.GetValue<string>();
                ctx.SetVariable("department", category == "noise" ? "公安局" : "城管局");
                return ValueTask.CompletedTask;
            })
            .Register("flaky", _ =>
            {
                attempts++;
                return flakyFailsOnAttempt(attempts) ? throw new InvalidOperationException($"gateway timeout #{attempts}") : ValueTask.CompletedTask;
            });
    }

    [Fact]
    public async Task A_handler_sets_variables_and_an_external_worker_finishes_the_case()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Handlers(_ => false));
        await t.DeployFixtureAsync("Behaviors", "ServiceTaskBehaviorTests.Handlers.bpmn");
        var started = await t.StartAsync("handlers", new { category = "noise" });
        Assert.Equal("公安局", started.Variables["department"]!.GetValue<string>());

        var locked = Assert.Single(await t.Engine.FetchAndLockAsync("sms", 5, [new TopicRequest("notify-owner", 30_000)]));
        Assert.Empty(await t.Engine.FetchAndLockAsync("other", 5, [new TopicRequest("notify-owner", 30_000)]));
        await t.Engine.CompleteExternalTaskAsync(locked.Id, "sms", TestEngine.Vars(new { notified = true }));

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.True(done.Variables["notified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_failing_handler_is_retried_on_its_cycle_and_then_succeeds()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Handlers(attempt => attempt < 3));
        await t.DeployFixtureAsync("Behaviors", "ServiceTaskBehaviorTests.Handlers.bpmn");
        var started = await t.StartAsync("handlers", new { category = "x" });
        var retry = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(2, retry.Retries);

        Assert.Equal(0, await t.AdvanceAsync(TimeSpan.FromMinutes(4)));
        await t.AdvanceAsync(TimeSpan.FromMinutes(1));
        await t.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(["worker"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_raises_an_incident_when_retries_run_out()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Handlers(_ => true));
        await t.DeployFixtureAsync("Behaviors", "ServiceTaskBehaviorTests.Handlers.bpmn");
        var started = await t.StartAsync("handlers", new { category = "x" });

        await t.AdvanceAsync(TimeSpan.FromMinutes(5));
        await t.AdvanceAsync(TimeSpan.FromMinutes(5));

        var instance = await t.InstanceAsync(started.Id);
        Assert.Equal("incident", instance.Status);
        Assert.Contains("gateway timeout #3", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(await t.JobsAsync(started.Id));
    }

    [Fact]
    public async Task External_task_failure_with_no_retries_left_raises_an_incident_that_an_admin_can_retry()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Handlers(_ => false));
        await t.DeployFixtureAsync("Behaviors", "ServiceTaskBehaviorTests.Handlers.bpmn");
        var started = await t.StartAsync("handlers", new { category = "x" });
        var locked = Assert.Single(await t.Engine.FetchAndLockAsync("sms", 1, [new TopicRequest("notify-owner", 30_000)]));

        await t.Engine.FailExternalTaskAsync(locked.Id, "sms", "SMS gateway down", 0, 0);

        var instance = await t.InstanceAsync(started.Id);
        var incident = Assert.Single(instance.Incidents);
        Assert.Empty(await t.Engine.FetchAndLockAsync("sms", 1, [new TopicRequest("notify-owner", 30_000)]));

        await t.Engine.RetryIncidentAsync(incident.Id, "admin");
        var again = Assert.Single(await t.Engine.FetchAndLockAsync("sms", 1, [new TopicRequest("notify-owner", 30_000)]));
        await t.Engine.CompleteExternalTaskAsync(again.Id, "sms", null);
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }
}
