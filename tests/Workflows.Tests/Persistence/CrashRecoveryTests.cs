using Anju.Workflows.Jobs;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// A node that dies holding a job lease, or in the middle of a job's transaction, loses no timer and fires
/// none twice: the job row goes in the same transaction as the state change it causes.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_node_that_dies_holding_a_lease_loses_no_timer(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployFixtureAsync("Behaviors", "TimerTests.WorkingDayDeadline.bpmn");
        var started = await t.StartAsync("wd-deadline");
        t.Clock.Advance(TimeSpan.FromDays(10));

        // Node A acquires the due timer and dies before running it.
        var leased = await t.Engine.AcquireJobsAsync("node-a", 10);
        Assert.Single(leased);
        Assert.Equal(0, await t.RunDueJobsAsync()); // node B must not take a leased job

        t.Clock.Advance(t.Engine.Options.JobLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await t.RunDueJobsAsync());

        // Node A comes back and tries its stale job: it is gone, nothing fires twice.
        Assert.False(await t.Engine.ExecuteJobAsync(leased[0]));
        Assert.Equal(["supervise"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        var (entries, _) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.Single(entries, e => e.Type == "TimerFired");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_job_interrupted_inside_its_transaction_runs_again_exactly_once(Store store)
    {
        // The handler runs after the timer fired inside the job's transaction; there the node "dies".
        using var dying = new CancellationTokenSource();
        var crash = true;
        var handlers = new Handlers.ServiceTaskHandlers().Register("notify", _ =>
        {
            if (crash)
            {
                crash = false;
                dying.Cancel();
                throw new OperationCanceledException(dying.Token);
            }

            return ValueTask.CompletedTask;
        });
        await using var t = await TestEngine.CreateAsync(store, handlers);
        await t.DeployFixtureAsync("Behaviors", "TimerTests.Boundaries.bpmn");
        var started = await t.StartAsync("timer-boundaries", new { deadline = "P3D" });
        t.Clock.Advance(TimeSpan.FromHours(8));

        var ids = await t.Engine.AcquireJobsAsync("dying-node", 10);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Engine.ExecuteJobAsync(ids[0], null, dying.Token));

        var (before, _) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.DoesNotContain(before, e => e.Type == "TimerFired");

        t.Clock.Advance(t.Engine.Options.JobLease + TimeSpan.FromSeconds(1));
        await t.RunDueJobsAsync();

        var (after, verification) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.Single(after, e => e.Type == "TimerFired" && e.ActivityId == "remind");
        Assert.True(verification.Intact);
        await using var db = t.Storage.CreateContext();
        Assert.Equal(2, await db.Jobs.CountAsync(j => j.InstanceId == started.Id)); // next reminder + deadline
    }
}
