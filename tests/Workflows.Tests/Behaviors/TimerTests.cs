using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class TimerTests
{
    private static ServiceTaskHandlers Counting(List<string> calls) =>
        new ServiceTaskHandlers().Register("notify", ctx =>
        {
            calls.Add(ctx.ActivityId);
            return ValueTask.CompletedTask;
        });

    [Fact]
    public async Task A_non_interrupting_cycle_reminds_twice_while_the_task_stays_open()
    {
        var calls = new List<string>();
        await using var t = await TestEngine.CreateAsync(handlers: Counting(calls));
        await t.DeployFixtureAsync("Behaviors", "TimerTests.Boundaries.bpmn");
        var started = await t.StartAsync("timer-boundaries", new { deadline = "P3D" });

        await t.AdvanceAsync(TimeSpan.FromHours(8));
        await t.AdvanceAsync(TimeSpan.FromHours(8));
        await t.AdvanceAsync(TimeSpan.FromHours(8));

        Assert.Equal(["reminder", "reminder"], calls);
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "handle");
        Assert.Single(await t.JobsAsync(started.Id)); // only the deadline is left
    }

    [Fact]
    public async Task An_interrupting_timer_cancels_the_task_and_escalates()
    {
        var calls = new List<string>();
        await using var t = await TestEngine.CreateAsync(handlers: Counting(calls));
        await t.DeployFixtureAsync("Behaviors", "TimerTests.Boundaries.bpmn");
        var started = await t.StartAsync("timer-boundaries", new { deadline = "PT20H" });

        await t.AdvanceAsync(TimeSpan.FromHours(8));
        await t.AdvanceAsync(TimeSpan.FromHours(8));
        await t.AdvanceAsync(TimeSpan.FromHours(4));

        var tasks = await t.TasksAsync(started.Id);
        Assert.Equal(["escalate"], tasks.Select(x => x.ActivityId));
        Assert.Empty(await t.JobsAsync(started.Id));
        Assert.Equal(2, calls.Count); // reminders at 8h and 16h, none after the escalation
    }

    [Fact]
    public async Task Completing_the_task_in_time_withdraws_its_timers()
    {
        await using var t = await TestEngine.CreateAsync(handlers: Counting([]));
        await t.DeployFixtureAsync("Behaviors", "TimerTests.Boundaries.bpmn");
        var started = await t.StartAsync("timer-boundaries", new { deadline = "P3D" });

        await t.CompleteAsync(started.Id, "handle");

        Assert.Empty(await t.JobsAsync(started.Id));
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_working_day_deadline_spans_the_national_day_holiday()
    {
        // Wednesday 2026-09-30 10:00 Beijing: three working days later is Saturday 2026-10-10 (调休).
        await using var t = await TestEngine.CreateAsync(start: new DateTimeOffset(2026, 9, 30, 2, 0, 0, TimeSpan.Zero));
        await t.DeployFixtureAsync("Behaviors", "TimerTests.WorkingDayDeadline.bpmn");
        var started = await t.StartAsync("wd-deadline");
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(new DateTime(2026, 10, 10, 2, 0, 0), job.DueAt);

        await t.AdvanceAsync(new DateTimeOffset(2026, 10, 10, 1, 59, 0, TimeSpan.Zero) - t.Clock.GetUtcNow());
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "accept");

        await t.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["supervise"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
    }

    [Fact]
    public async Task A_cron_timer_start_event_starts_an_instance_each_quarter()
    {
        await using var t = await TestEngine.CreateAsync(start: new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero));
        await t.DeployFixtureAsync("Behaviors", "TimerTests.TimerStart.bpmn");
        var first = Assert.Single(await t.JobsAsync());
        Assert.Equal(new DateTime(2026, 4, 1, 1, 0, 0), first.DueAt); // 09:00 Beijing on 1 April

        await t.AdvanceAsync(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero) - t.Clock.GetUtcNow());

        var next = Assert.Single(await t.JobsAsync());
        Assert.Equal(new DateTime(2026, 7, 1, 1, 0, 0), next.DueAt);
        Assert.Equal(1, (await t.RowsAsync<InstanceRow>()).Count(i => i.DefinitionKey == "quarterly"));
    }

    [Fact]
    public async Task Redeploying_replaces_the_timer_start_of_the_previous_version()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "TimerTests.TimerStart.bpmn");
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Behaviors", "TimerTests.TimerStart.bpmn"));

        await t.DeployXmlAsync(xml.Replace("0 0 9 1 1/3 ?", "0 0 10 1 1/3 ?", StringComparison.Ordinal));

        var job = Assert.Single(await t.JobsAsync());
        Assert.Equal("quarterly:2", job.DefinitionId);
    }
}
