using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class SubProcessTimerTests
{
    [Fact]
    public async Task An_intermediate_timer_waits_and_a_deadline_on_a_subprocess_cancels_everything_inside()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "SubProcessTimerTests.Deadline.bpmn");
        var started = await t.StartAsync("sub-deadline");
        Assert.Equal(["wait"], started.ActiveActivityIds);

        await t.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(["notice", "work"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal));
        await t.CompleteAsync(started.Id, "work");

        await t.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal(["street"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        var instance = await t.InstanceAsync(started.Id);
        Assert.Equal(["street"], instance.ActiveActivityIds);
        Assert.Empty(await t.JobsAsync(started.Id));
    }
}
