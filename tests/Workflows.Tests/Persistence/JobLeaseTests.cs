using Anju.Workflows.Handlers;
using Anju.Workflows.Jobs;
using Anju.Workflows.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// Job leases across crashes (issue 16): a lease that expired is an attempt whose node stopped while running the
/// job, and counts against its retries, so that a job that brings its node down ends in an incident instead of
/// running again on every expiry; a node starting again takes back its own previous leases at once and leaves
/// other nodes' alone.
/// </summary>
public sealed class JobLeaseTests
{
    private int _ran;

    private async Task<TestEngine> EngineAsync(Store store)
    {
        var handlers = new ServiceTaskHandlers().Register("work", _ =>
        {
            Interlocked.Increment(ref _ran);
            return ValueTask.CompletedTask;
        });
        var t = await TestEngine.CreateAsync(store, handlers);
        await t.DeployFixtureAsync("Persistence", "JobLeaseTests.AsyncStep.bpmn");
        return t;
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_job_whose_node_stops_on_every_try_ends_in_an_incident_after_its_retries(Store store)
    {
        await using var t = await EngineAsync(store);
        var started = await t.StartAsync("asyncStep");
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(3, job.Retries);

        // Three tries, each by a node that dies holding the lease (it never records a failure).
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal([job.Id], await t.Engine.AcquireJobsAsync($"doomed/run{attempt}", 10));
            var leased = Assert.Single(await t.JobsAsync(started.Id));
            Assert.Equal(4 - attempt, leased.Retries);
            Assert.Equal($"doomed/run{attempt}", leased.LockOwner);
            if (attempt > 1)
            {
                Assert.Contains($"doomed/run{attempt - 1} stopped", leased.LastError, StringComparison.Ordinal);
            }

            t.Clock.Advance(t.Engine.Options.JobLease + TimeSpan.FromSeconds(1));
        }

        // The third lease expired too: no retries left, so an incident instead of a fourth run.
        Assert.Empty(await t.Engine.AcquireJobsAsync("survivor/run1", 10));
        Assert.Equal(0, _ran);
        var instance = await t.InstanceAsync(started.Id);
        Assert.Equal("incident", instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("failedJob", incident.Type);
        Assert.Equal("work", incident.ActivityId);
        Assert.Contains("doomed/run3", incident.Message, StringComparison.Ordinal);
        Assert.Empty(await t.JobsAsync(started.Id));

        // An administrator's retry runs the step again.
        await t.Engine.RetryIncidentAsync(incident.Id, "admin");
        Assert.Equal(["check"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
        Assert.Equal(1, _ran);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_restarted_node_reclaims_its_own_leases_at_once_and_leaves_other_nodes_alone(Store store)
    {
        await using var t = await EngineAsync(store);
        var mine = await t.StartAsync("asyncStep");
        var theirs = await t.StartAsync("asyncStep");
        var myJob = Assert.Single(await t.JobsAsync(mine.Id));
        var theirJob = Assert.Single(await t.JobsAsync(theirs.Id));

        // node-a's previous process and node-ab (a live node whose id begins the same way) hold one lease each.
        Assert.Equal([myJob.Id], await t.Engine.AcquireJobsAsync("node-a/previous", 1));
        Assert.Equal([theirJob.Id], await t.Engine.AcquireJobsAsync("node-ab/live", 1));

        // Another node takes neither before the leases expire.
        using var other = new JobExecutor(t.Engine, NullLogger<JobExecutor>.Instance, new NodeIdentity("node-b"));
        Assert.Equal(0, await other.ReclaimLeasesAsync(CancellationToken.None));
        Assert.Equal(0, await other.RunDueJobsAsync(CancellationToken.None));

        // node-a starts again: its previous lease is taken back and runs now, without the clock moving.
        using var restarted = new JobExecutor(t.Engine, NullLogger<JobExecutor>.Instance, new NodeIdentity("node-a"));
        Assert.StartsWith("node-a/", restarted.Node.LeaseOwner, StringComparison.Ordinal);
        Assert.Equal(1, await restarted.ReclaimLeasesAsync(CancellationToken.None));
        Assert.Equal(1, await restarted.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(["check"], (await t.InstanceAsync(mine.Id)).ActiveActivityIds);
        Assert.Equal(1, _ran);

        // node-ab's lease is untouched: still held, its job not run.
        var held = Assert.Single(await t.JobsAsync(theirs.Id));
        Assert.Equal("node-ab/live", held.LockOwner);
        Assert.Equal(3, held.Retries);
        Assert.Equal(["work"], (await t.InstanceAsync(theirs.Id)).ActiveActivityIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("节点")]
    public void A_node_id_is_plain(string nodeId) =>
        Assert.Throws<ArgumentException>(() => new NodeIdentity(nodeId));
}
