using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class AsyncContinuationTests
{
    [Fact]
    public async Task Async_before_and_after_run_the_step_in_jobs_of_their_own()
    {
        var published = 0;
        var handlers = new ServiceTaskHandlers().Register("publish", _ =>
        {
            published++;
            return ValueTask.CompletedTask;
        });
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployFixtureAsync("Behaviors", "AsyncContinuationTests.AsyncSteps.bpmn");

        var started = await t.StartAsync("async-steps");
        Assert.Equal(0, published);
        Assert.Equal(["publish"], started.ActiveActivityIds);
        Assert.Equal("Async", Assert.Single(await t.JobsAsync(started.Id)).Kind);

        Assert.Equal(1, await t.Executor.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(1, published);
        Assert.Equal(["publish"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);

        Assert.Equal(1, await t.Executor.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(["review"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
        Assert.Equal(1, published);
    }
}
