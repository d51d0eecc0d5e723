using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>
/// What SQLite's and PostgreSQL's stores share: reads outside a command, each on a pooled context of its own, and the
/// work outside commands (deployments, job leases, external-task locks), each in a transaction of its own under the
/// writer lock (SQLite; a no-op on PostgreSQL).
/// </summary>
internal abstract class RelationalInstanceStore(WorkflowStorage storage) : IInstanceStore
{
    protected WorkflowStorage Storage { get; } = storage;

    public abstract bool ComputesBeforeWriter { get; }

    public abstract ValueTask<ICommandSession> BeginAsync(bool beforeWriter, CancellationToken cancellationToken);

    public async ValueTask<StoredDefinition?> ReadDefinitionAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await RelationalQueries.ReadDefinitionAsync(db, id, cancellationToken);
    }

    public async ValueTask<string?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await RelationalQueries.FindDefinitionIdAsync(db, key, version, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await RelationalQueries.LatestDefinitionIdsAsync(db, cancellationToken);
    }

    public async ValueTask<StoredInstance?> ReadInstanceAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        var row = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Document, i.CaseNumber }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredInstance(InstanceDocument.Read(row.Document), row.CaseNumber);
    }

    public async ValueTask<StoredInstance?> ReadInstanceByTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        var row = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId)
            .Join(db.Instances, t => t.InstanceId, i => i.Id, (t, i) => new { i.Document, i.CaseNumber })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredInstance(InstanceDocument.Read(row.Document), row.CaseNumber);
    }

    public async ValueTask<IReadOnlyList<InstanceState>> ReadInstancesAsync(IReadOnlyList<Guid>? ids, string definitionId, int limit, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        var query = db.Instances.AsNoTracking();
        query = ids is { Count: > 0 }
            ? query.Where(i => ids.Contains(i.Id))
            : query.Where(i => i.DefinitionId == definitionId && i.Status == "active").OrderBy(i => i.StartedAt).Take(limit);
        var documents = await query.Select(i => i.Document).ToListAsync(cancellationToken);
        return [.. documents.Select(InstanceDocument.Read)];
    }

    public async ValueTask<StoredJournal?> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        var document = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Document).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        var rows = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Seq).ToListAsync(cancellationToken);
        return new StoredJournal(InstanceDocument.Read(document), rows);
    }

    public async ValueTask<IDeploymentSession> BeginDeploymentAsync(bool readOnly, CancellationToken cancellationToken)
    {
        if (readOnly)
        {
            // Reads only: no writer lock, no transaction.
            return new RelationalDeploymentSession(Storage.CreateContext(), null, null);
        }

        var writer = await Storage.EnterWriterAsync(cancellationToken);
        var db = Storage.CreateContext();
        try
        {
            return new RelationalDeploymentSession(db, await db.Database.BeginTransactionAsync(cancellationToken), writer);
        }
        catch
        {
            await db.DisposeAsync();
            writer?.Dispose();
            throw;
        }
    }

    public async ValueTask<JobAcquisition> AcquireJobsAsync(string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken)
    {
        using var writer = await Storage.EnterWriterAsync(cancellationToken);
        await using var db = Storage.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Expired leases with retries to spare go back to the pool one retry fewer; on PostgreSQL a second
        // node's update waits for the first one's row locks and then finds the lease gone (counted once).
        await db.Jobs.Where(j => j.LockExpiresAt != null && j.LockExpiresAt < now && j.Retries > 1).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Retries, j => j.Retries - 1)
                .SetProperty(j => j.LastError, j => "The node " + j.LockOwner + " stopped while it ran this job (its lease expired).")
                .SetProperty(j => j.LockOwner, (string?)null)
                .SetProperty(j => j.LockExpiresAt, (DateTime?)null),
            cancellationToken);
        var abandoned = await db.Jobs.AsNoTracking()
            .Where(j => j.LockExpiresAt != null && j.LockExpiresAt < now && j.Retries > 0)
            .OrderBy(j => j.DueAt).Take(max).Select(j => j.Id).ToListAsync(cancellationToken);

        var leased = await LeaseDueJobsAsync(db, owner, now, until, max, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobAcquisition(leased, abandoned);
    }

    /// <summary>Leases due jobs inside the acquisition's transaction (the way each database keeps two nodes apart).</summary>
    protected abstract Task<List<Guid>> LeaseDueJobsAsync(WorkflowDbContext db, string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken);

    public async ValueTask<int> ReclaimLeasesAsync(string nodePrefix, string owner, DateTime expired, CancellationToken cancellationToken)
    {
        using var writer = await Storage.EnterWriterAsync(cancellationToken);
        await using var db = Storage.CreateContext();
        return await db.Jobs
            .Where(j => j.LockOwner != null && j.LockOwner.StartsWith(nodePrefix) && j.LockOwner != owner && j.LockExpiresAt > expired)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockExpiresAt, expired), cancellationToken);
    }

    public async ValueTask ReleaseLeaseAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var writer = await Storage.EnterWriterAsync(cancellationToken);
        await using var db = Storage.CreateContext();
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTime?)null), cancellationToken);
    }

    public async ValueTask<DateTime?> NextJobDueAsync(CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await db.Jobs.AsNoTracking().Where(j => j.Retries > 0).OrderBy(j => j.DueAt).Select(j => (DateTime?)j.DueAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<LockedExternalTaskRow>> LockExternalTasksAsync(
        string workerId, DateTime now, IReadOnlyDictionary<string, TimeSpan> topics, int max, CancellationToken cancellationToken)
    {
        var names = topics.Keys.ToList();
        var locked = new List<LockedExternalTaskRow>();
        using var writer = await Storage.EnterWriterAsync(cancellationToken);
        await using var db = Storage.CreateContext();
        var candidates = await db.ExternalTasks.AsNoTracking()
            .Where(e => names.Contains(e.Topic) && (e.LockExpiresAt == null || e.LockExpiresAt < now) && (e.Retries == null || e.Retries > 0))
            .OrderByDescending(e => e.Priority).ThenBy(e => e.CreatedAt)
            .Take(max * 2)
            .ToListAsync(cancellationToken);
        foreach (var task in candidates)
        {
            if (locked.Count >= max)
            {
                break;
            }

            // A guarded update: taken only if nobody locked it since it was read.
            var until = now + topics[task.Topic];
            var previous = task.LockExpiresAt;
            var taken = await db.ExternalTasks
                .Where(e => e.Id == task.Id && e.LockExpiresAt == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.WorkerId, workerId).SetProperty(e => e.LockExpiresAt, until), cancellationToken);
            if (taken == 0)
            {
                continue;
            }

            var document = await db.Instances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.Document).FirstAsync(cancellationToken);
            task.WorkerId = workerId;
            task.LockExpiresAt = until;
            locked.Add(new LockedExternalTaskRow(task, until, InstanceDocument.Read(document)));
        }

        return locked;
    }

    public async ValueTask OptimizeAsync(CancellationToken cancellationToken) => await Storage.OptimizeAsync(cancellationToken);
}
