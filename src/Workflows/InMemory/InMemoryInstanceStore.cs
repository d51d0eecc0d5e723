using Anju.Workflows.Deployment;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.InMemory;

/// <summary>The engine's seam over <see cref="InMemoryWorkflowStore"/>'s tables: every read and write under its lock.</summary>
internal sealed class InMemoryInstanceStore(InMemoryWorkflowStore tables) : IInstanceStore
{
    public bool ComputesBeforeWriter => false;

    public ValueTask<ICommandSession> BeginAsync(bool beforeWriter, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ICommandSession>(new InMemoryCommandSession(tables, this));

    public ValueTask<StoredDefinition?> ReadDefinitionAsync(string id, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            var row = tables.Definitions.Find(d => d.Id == id);
            return ValueTask.FromResult(row is null ? null : new StoredDefinition(row.Id, row.Key, row.Version, row.Xml, row.UnknownServiceTasksAsExternal));
        }
    }

    public ValueTask<string?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            var row = tables.Definitions.Where(d => d.Key == key && (version is null || d.Version == version)).MaxBy(d => d.Version);
            return ValueTask.FromResult(row?.Id);
        }
    }

    public ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult<IReadOnlyList<string>>([.. tables.Definitions.GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!.Id)]);
        }
    }

    public ValueTask<StoredInstance?> ReadInstanceAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.Instances.TryGetValue(id, out var row) ? new StoredInstance(InstanceDocument.Read(row.Document), row.CaseNumber) : null);
        }
    }

    public ValueTask<StoredInstance?> ReadInstanceByTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.Tasks.TryGetValue(taskId, out var task) && tables.Instances.TryGetValue(task.InstanceId, out var row)
                ? new StoredInstance(InstanceDocument.Read(row.Document), row.CaseNumber)
                : null);
        }
    }

    public ValueTask<IReadOnlyList<InstanceState>> ReadInstancesAsync(IReadOnlyList<Guid>? ids, string definitionId, int limit, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            var rows = ids is { Count: > 0 }
                ? ids.Distinct().Select(id => tables.Instances.GetValueOrDefault(id)).OfType<InstanceRow>()
                : tables.Instances.Values.Where(i => i.DefinitionId == definitionId && i.Status == "active").OrderBy(i => i.StartedAt).Take(limit);
            return ValueTask.FromResult<IReadOnlyList<InstanceState>>([.. rows.Select(r => InstanceDocument.Read(r.Document))]);
        }
    }

    public ValueTask<StoredJournal?> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            if (!tables.Instances.TryGetValue(instanceId, out var row))
            {
                return ValueTask.FromResult<StoredJournal?>(null);
            }

            var entries = tables.Journal.TryGetValue(instanceId, out var journal) ? journal.Select(InMemoryWorkflowStore.Copy).ToList() : [];
            return ValueTask.FromResult<StoredJournal?>(new StoredJournal(InstanceDocument.Read(row.Document), entries));
        }
    }

    public ValueTask<IDeploymentSession> BeginDeploymentAsync(bool readOnly, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDeploymentSession>(new DeploymentSession(tables, readOnly));

    public ValueTask<JobAcquisition> AcquireJobsAsync(string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            // As on SQLite and PostgreSQL: an expired lease is an attempt whose node stopped while running the job.
            foreach (var job in tables.Jobs.Values.Where(j => j.LockExpiresAt < now && j.Retries > 1))
            {
                job.Retries--;
                job.LastError = $"The node {job.LockOwner} stopped while it ran this job (its lease expired).";
                job.LockOwner = null;
                job.LockExpiresAt = null;
            }

            var abandoned = tables.Jobs.Values.Where(j => j.LockExpiresAt < now && j.Retries > 0).OrderBy(j => j.DueAt).Take(max).Select(j => j.Id).ToList();
            var leased = tables.Jobs.Values.Where(j => j.DueAt <= now && j.LockExpiresAt is null && j.Retries > 0).OrderBy(j => j.DueAt).Take(max).ToList();
            foreach (var job in leased)
            {
                job.LockOwner = owner;
                job.LockExpiresAt = until;
            }

            return ValueTask.FromResult(new JobAcquisition([.. leased.Select(j => j.Id)], abandoned));
        }
    }

    public ValueTask<int> ReclaimLeasesAsync(string nodePrefix, string owner, DateTime expired, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            var count = 0;
            foreach (var job in tables.Jobs.Values.Where(j => j.LockOwner is { } o && o.StartsWith(nodePrefix, StringComparison.Ordinal) && o != owner && j.LockExpiresAt > expired))
            {
                job.LockExpiresAt = expired;
                count++;
            }

            return ValueTask.FromResult(count);
        }
    }

    public ValueTask ReleaseLeaseAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            if (tables.Jobs.TryGetValue(jobId, out var job))
            {
                job.LockOwner = null;
                job.LockExpiresAt = null;
            }

            return ValueTask.CompletedTask;
        }
    }

    public ValueTask<DateTime?> NextJobDueAsync(CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.Jobs.Values.Where(j => j.Retries > 0).Select(j => (DateTime?)j.DueAt).Min());
        }
    }

    public ValueTask<IReadOnlyList<LockedExternalTaskRow>> LockExternalTasksAsync(
        string workerId, DateTime now, IReadOnlyDictionary<string, TimeSpan> topics, int max, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            var locked = new List<LockedExternalTaskRow>();
            foreach (var task in tables.ExternalTasks.Values
                .Where(e => topics.ContainsKey(e.Topic) && (e.LockExpiresAt is null || e.LockExpiresAt < now) && (e.Retries is null || e.Retries > 0))
                .OrderByDescending(e => e.Priority).ThenBy(e => e.CreatedAt)
                .Take(max))
            {
                task.WorkerId = workerId;
                task.LockExpiresAt = now + topics[task.Topic];
                locked.Add(new LockedExternalTaskRow(InMemoryWorkflowStore.Copy(task), task.LockExpiresAt.Value, InstanceDocument.Read(tables.Instances[task.InstanceId].Document)));
            }

            return ValueTask.FromResult<IReadOnlyList<LockedExternalTaskRow>>(locked);
        }
    }

    public ValueTask OptimizeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A deployment: reads under the lock; the new versions and their timer start jobs added at commit.</summary>
    private sealed class DeploymentSession(InMemoryWorkflowStore tables, bool readOnly) : IDeploymentSession
    {
        private readonly List<(DefinitionRow Row, string? Replaces, IReadOnlyList<JobRow> Jobs)> _added = [];

        public ValueTask<DeployedVersion?> LatestAsync(string key, string? source, CancellationToken cancellationToken)
        {
            lock (tables.Gate)
            {
                var row = tables.Definitions.Where(d => d.Key == key && (source is null || d.Source == source)).MaxBy(d => d.Version);
                return ValueTask.FromResult(row is null ? null : new DeployedVersion(row.Id, row.Version, row.ContentHash, row.Name, row.DeployedBy, row.Source));
            }
        }

        public ValueTask<bool> PersonDeployedAfterAsync(string key, int version, CancellationToken cancellationToken)
        {
            lock (tables.Gate)
            {
                return ValueTask.FromResult(tables.Definitions.Exists(d =>
                    d.Key == key && d.Version > version && d.Source is { } s && s.StartsWith(DefinitionSources.UserPrefix, StringComparison.Ordinal)));
            }
        }

        public ValueTask<IReadOnlySet<string>> DeployedKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        {
            lock (tables.Gate)
            {
                return ValueTask.FromResult<IReadOnlySet<string>>(tables.Definitions.Select(d => d.Key).Where(keys.Contains).ToHashSet(StringComparer.Ordinal));
            }
        }

        public ValueTask AddAsync(DefinitionRow row, string? replacesTimerStartsOf, IReadOnlyList<JobRow> timerStarts, CancellationToken cancellationToken)
        {
            if (readOnly)
            {
                throw new InvalidOperationException("A read-only deployment adds nothing.");
            }

            _added.Add((row, replacesTimerStartsOf, timerStarts));
            return ValueTask.CompletedTask;
        }

        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            lock (tables.Gate)
            {
                // The unique (key, version) of the databases: a concurrent deployment of the key won.
                if (_added.Find(a => tables.Definitions.Exists(d => d.Id == a.Row.Id)) is { Row: { } taken })
                {
                    throw WorkflowException.Conflict($"Version {taken.Version} of '{taken.Key}' was deployed by another deployment meanwhile.");
                }

                foreach (var (row, replaces, jobs) in _added)
                {
                    if (replaces is not null)
                    {
                        foreach (var id in tables.Jobs.Values.Where(j => j.InstanceId is null && j.DefinitionId == replaces).Select(j => j.Id).ToList())
                        {
                            tables.Jobs.Remove(id);
                        }
                    }

                    tables.Definitions.Add(row);
                    foreach (var job in jobs)
                    {
                        tables.Jobs[job.Id] = job;
                    }
                }

                _added.Clear();
                return ValueTask.CompletedTask;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
