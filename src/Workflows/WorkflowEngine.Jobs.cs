using Anju.Workflows.Execution;
using Anju.Workflows.Model;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Runs a job now (a timer fires, an async continuation or a retry goes on). The job row is deleted in
    /// the same transaction as the state change it causes, so a job runs to effect exactly once even when
    /// a node crashes after acquiring it. Returns false when the job no longer exists.
    /// </summary>
    public Task<bool> ExecuteJobAsync(Guid jobId, string? actor = null, CancellationToken cancellationToken = default) =>
        ExecuteJobAsync(jobId, actor, reason: null, cancellationToken);

    /// <summary>
    /// Runs a job now on a person's request: as <see cref="ExecuteJobAsync(Guid, string?, CancellationToken)"/>, and
    /// when <paramref name="reason"/> is given, an instance's job is journaled first as <c>JobExecutedNow</c> with the
    /// actor, the job's kind and the reason (a timer start event has no instance to journal it in).
    /// </summary>
    public Task<bool> ExecuteJobAsync(Guid jobId, string? actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync<bool, bool>(actor, async (context, ct) =>
        {
            // The common case (a job of an instance) needs only the instance; a timer start reads the whole job.
            var (found, instanceId) = await context.Session.FindJobAsync(jobId, ct);
            if (!found)
            {
                return false;
            }

            if (instanceId is null)
            {
                var row = await context.Session.ReadJobAsync(jobId, ct);
                if (row is null)
                {
                    return false;
                }

                await FireTimerStartAsync(context, row, ct);
                return true;
            }

            var runner = await context.GetAsync(instanceId.Value, ct);
            var job = runner.State.Jobs.Find(j => j.Id == jobId);
            if (job is null)
            {
                return false;
            }

            if (reason is not null)
            {
                runner.Journal("JobExecutedNow", job.ActivityId, new System.Text.Json.Nodes.JsonObject
                {
                    ["job"] = job.Kind.ToString().ToLowerInvariant(),
                    ["reason"] = reason,
                });
            }

            runner.RunJob(job);
            await runner.RunAsync(ct);
            return true;
        }, static ran => ran, cancellationToken);

    /// <summary>A timer start event fires: a new instance starts and the next occurrence is scheduled.</summary>
    private async ValueTask FireTimerStartAsync(CommandContext context, StoredJob row, CancellationToken cancellationToken)
    {
        if (!await context.Session.DeleteJobAsync(row.Id, cancellationToken))
        {
            throw WorkflowException.Conflict($"Job {row.Id} was run by another node meanwhile.");
        }

        var definition = await Definitions.GetAsync(context.Session, row.DefinitionId, cancellationToken);
        if (row.Cycle is not null && row.RepeatsLeft != 0
            && TimerSchedule.Next(row.Cycle, DateTime.SpecifyKind(row.DueAt, DateTimeKind.Utc), context.Now, Calendar) is { } next)
        {
            context.Session.AddStartJob(new StoredJob(
                context.NewId(), null, row.DefinitionId, row.Kind, row.ActivityId, next.UtcDateTime, Options.DefaultRetries, null, null, null,
                row.Cycle, row.RepeatsLeft < 0 ? -1 : row.RepeatsLeft - 1));
        }

        var runner = CreateInstance(context, definition, context.NewId(), null, null, null, row.ActivityId);
        await runner.RunAsync(cancellationToken);
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> due jobs to <paramref name="owner"/> (FOR UPDATE SKIP LOCKED on
    /// PostgreSQL, so that nodes never take the same job; one writer at a time on SQLite). A lease that expired
    /// is an attempt whose node stopped while running the job (a crash, or a kill): it counts as a failed attempt,
    /// so that a job that brings its node down is not run again on every lease expiry but ends in a
    /// <c>failedJob</c> incident once its retries are used up.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AcquireJobsAsync(string owner, int max, CancellationToken cancellationToken = default)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var acquired = await Store.AcquireJobsAsync(owner, now, now + Options.JobLease, max, cancellationToken);
        foreach (var id in acquired.Abandoned)
        {
            try
            {
                await AbandonJobAsync(id, cancellationToken);
            }
            catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.Conflict)
            {
                // Another node turned it into an incident meanwhile.
            }
        }

        return acquired.Leased;
    }

    /// <summary>
    /// A job whose last try's node stopped while running it, with no retries left: a <c>failedJob</c> incident on
    /// its element (a timer start event's job just stops, as when it fails).
    /// </summary>
    private Task AbandonJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        RunAsync(null, async (context, ct) =>
        {
            var now = context.Now.UtcDateTime;
            var row = await context.Session.ReadJobAsync(jobId, ct);
            if (row is not { LockExpiresAt: { } expires } || expires >= now)
            {
                return;
            }

            var message = $"Job for '{row.ActivityId}' has no retries left: the node {row.LockOwner} stopped while it ran it (its lease expired), each time it was tried. Last error: {row.LastError ?? "none"}";
            var runner = row.InstanceId is { } instanceId ? await context.GetAsync(instanceId, ct) : null;
            var job = runner?.State.Jobs.Find(j => j.Id == jobId);
            var token = job?.TokenId is { } tokenId ? runner!.State.FindToken(tokenId) : null;
            if (runner is not null && job is not null && token is not null)
            {
                runner.State.Jobs.Remove(job);
                runner.RaiseIncident(token, job.ActivityId, "failedJob", message, job.Id);
                return;
            }

            await context.Session.ReleaseJobAsync(jobId, 0, message.Length > 2000 ? message[..2000] : message, dueAt: null, ct);
        }, cancellationToken);

    /// <summary>
    /// A node starting again takes back at once the leases its previous process held: owners that begin with
    /// <paramref name="nodePrefix"/> (the node id and "/") other than <paramref name="owner"/> (this run) are
    /// expired now, and the next acquisition counts each as an abandoned attempt. Other nodes' leases are left
    /// alone, so that two live nodes never run one job at the same time. Returns how many were reclaimed.
    /// </summary>
    public async Task<int> ReclaimLeasesAsync(string nodePrefix, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodePrefix);
        return await Store.ReclaimLeasesAsync(nodePrefix, owner, Time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1), cancellationToken);
    }

    /// <summary>
    /// A job failed for a technical reason (not a handler failure, which the command itself handles):
    /// one retry fewer, back-off, and an incident when none are left. The back-off is the element's
    /// <c>camunda:failedJobRetryTimeCycle</c> (Camunda 7: "Failed Jobs" → retry time cycle), else the default.
    /// </summary>
    public Task FailJobAsync(Guid jobId, string error, CancellationToken cancellationToken = default) =>
        RunAsync(null, async (context, ct) =>
        {
            var row = await context.Session.ReadJobAsync(jobId, ct);
            if (row is null)
            {
                return;
            }

            var retries = row.Retries - 1;
            var message = error.Length > 2000 ? error[..2000] : error;
            if (retries > 0 || row.InstanceId is null)
            {
                var definition = await Definitions.GetAsync(context.Session, row.DefinitionId, ct);
                var policy = RetryPolicy.Parse(definition.Process.Nodes.GetValueOrDefault(row.ActivityId)?.RetryTimeCycle, Options.DefaultRetries);
                var due = context.Now.UtcDateTime + policy.DelayBefore(Math.Max(policy.Retries - retries, 1));
                await context.Session.ReleaseJobAsync(jobId, retries, message, due, ct);
                return;
            }

            var runner = await context.GetAsync(row.InstanceId.Value, ct);
            var job = runner.State.Jobs.Find(j => j.Id == jobId);
            var token = job?.TokenId is { } tokenId ? runner.State.FindToken(tokenId) : null;
            if (job is not null && token is not null)
            {
                runner.State.Jobs.Remove(job);
                runner.RaiseIncident(token, job.ActivityId, "failedJob", $"Job for '{job.ActivityId}' failed and has no retries left: {message}", job.Id);
            }
        }, cancellationToken);

    /// <summary>Releases a lease without running the job (e.g. when the node shuts down).</summary>
    public async Task ReleaseJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        await Store.ReleaseLeaseAsync(jobId, cancellationToken);

    /// <summary>The due time of the earliest job (for tests and the executor's sleep).</summary>
    public async Task<DateTimeOffset?> NextJobDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await Store.NextJobDueAsync(cancellationToken);
        return due is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
    }

    /// <summary>Periodic upkeep of the store (SQLite refreshes its planner statistics); the job executor calls it.</summary>
    public async Task OptimizeStoreAsync(CancellationToken cancellationToken = default) => await Store.OptimizeAsync(cancellationToken);

    internal static bool IsTimerStart(ProcessDefinition process, string activityId) =>
        process.Nodes.TryGetValue(activityId, out var node) && node is StartEvent;
}
