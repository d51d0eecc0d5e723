using System.Data.Common;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.InMemory;

/// <summary>
/// One attempt of a command over the in-memory tables: reads see what is committed; the command's writes wait for
/// <see cref="CommitAsync"/>, which checks every revision guard and job it relies on first and then applies them all
/// under the tables' lock (all or nothing, as a database transaction would).
/// </summary>
internal sealed class InMemoryCommandSession(InMemoryWorkflowStore tables, InMemoryInstanceStore store) : ICommandSession, ICommandTransaction, IProjectionSink
{
    private readonly List<Guid> _deletedJobs = [];
    private readonly List<JobRow> _addedJobs = [];
    private readonly List<(Guid Id, int Retries, string LastError, DateTime? DueAt)> _releasedJobs = [];

    public ICommandTransaction Transaction => this;

    /// <summary>No database transaction: a handler that writes rows of its own needs a relational store.</summary>
    public DbTransaction? DbTransaction => null;

    public ValueTask SavepointAsync(string name, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RollbackToSavepointAsync(string name, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<StoredDefinition?> ReadDefinitionAsync(string id, CancellationToken cancellationToken) => store.ReadDefinitionAsync(id, cancellationToken);

    public ValueTask<string?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken) => store.FindDefinitionIdAsync(key, version, cancellationToken);

    public ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(CancellationToken cancellationToken) => store.LatestDefinitionIdsAsync(cancellationToken);

    public async ValueTask<LoadedInstance?> LoadAsync(CommandContext command, Guid id, CancellationToken cancellationToken)
    {
        string document;
        long revision;
        string definitionId;
        lock (tables.Gate)
        {
            if (!tables.Instances.TryGetValue(id, out var row))
            {
                return null;
            }

            (document, revision, definitionId) = (row.Document, row.Revision, row.DefinitionId);
        }

        var definition = await command.Engine.Definitions.GetAsync(this, definitionId, cancellationToken);
        var state = InstanceDocument.Read(document);
        return new LoadedInstance(state, definition, revision, isNew: false) { Stored = Projections.Snapshot(state) };
    }

    public ValueTask<LoadedInstance?> LoadByTaskAsync(CommandContext command, Guid taskId, CancellationToken cancellationToken)
    {
        Guid instanceId;
        lock (tables.Gate)
        {
            if (!tables.Tasks.TryGetValue(taskId, out var task))
            {
                return ValueTask.FromResult<LoadedInstance?>(null);
            }

            instanceId = task.InstanceId;
        }

        return LoadAsync(command, instanceId, cancellationToken);
    }

    public ValueTask<IReadOnlyList<MessageWait>> FindMessageWaitsAsync(string messageName, Guid? instanceId, string? businessKey, int limit, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult<IReadOnlyList<MessageWait>>([.. tables.Subscriptions.Values
                .Where(s => s.MessageName == messageName && (instanceId is null || s.InstanceId == instanceId) && (businessKey is null || s.BusinessKey == businessKey))
                .OrderBy(s => s.Id)
                .Take(limit)
                .Select(s => new MessageWait(s.InstanceId, s.Id))]);
        }
    }

    public ValueTask<Guid?> FindIncidentInstanceAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.Incidents.TryGetValue(incidentId, out var incident) ? incident.InstanceId : (Guid?)null);
        }
    }

    public ValueTask<(bool Found, Guid? InstanceId)> FindJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.Jobs.TryGetValue(jobId, out var job) && !_deletedJobs.Contains(jobId) ? (true, job.InstanceId) : (false, (Guid?)null));
        }
    }

    public ValueTask<StoredJob?> ReadJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.Jobs.TryGetValue(jobId, out var row) && !_deletedJobs.Contains(jobId)
                ? StoredJob.From(row)
                : null);
        }
    }

    public ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            if (!tables.Jobs.ContainsKey(jobId) || _deletedJobs.Contains(jobId))
            {
                return ValueTask.FromResult(false);
            }
        }

        // Checked again at commit: another command that deleted it first wins.
        _deletedJobs.Add(jobId);
        return ValueTask.FromResult(true);
    }

    public void AddStartJob(StoredJob job) => _addedJobs.Add(job.ToRow());

    public ValueTask ReleaseJobAsync(Guid jobId, int retries, string lastError, DateTime? dueAt, CancellationToken cancellationToken)
    {
        _releasedJobs.Add((jobId, retries, lastError, dueAt));
        return ValueTask.CompletedTask;
    }

    public ValueTask<ExternalTaskLock?> ReadExternalTaskLockAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (tables.Gate)
        {
            return ValueTask.FromResult(tables.ExternalTasks.TryGetValue(id, out var task) ? new ExternalTaskLock(task.InstanceId, task.WorkerId, task.LockExpiresAt) : null);
        }
    }

    public ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var runners = command.Runners.ToList();
        lock (tables.Gate)
        {
            // Every check first, so that a refused commit changes nothing.
            foreach (var loaded in runners.Select(r => r.Loaded))
            {
                var stored = tables.Instances.GetValueOrDefault(loaded.State.Id);
                if (loaded.IsNew ? stored is not null : stored?.Revision != loaded.Revision)
                {
                    throw WorkflowException.Conflict($"Process instance {loaded.State.Id} was changed by another command meanwhile; nothing was changed. Try again.");
                }
            }

            if (_deletedJobs.Find(id => !tables.Jobs.ContainsKey(id)) is var gone && gone != Guid.Empty)
            {
                throw WorkflowException.Conflict($"Job {gone} was run by another node meanwhile.");
            }

            CaseNumbers.Assign(command, (prefix, year) =>
            {
                var next = tables.CaseSequences.GetValueOrDefault((prefix, year)) + 1;
                tables.CaseSequences[(prefix, year)] = next;
                return next;
            });

            foreach (var runner in runners)
            {
                Save(command, runner.Loaded);
            }

            foreach (var id in _deletedJobs)
            {
                tables.Jobs.Remove(id);
            }

            foreach (var job in _addedJobs)
            {
                tables.Jobs[job.Id] = job;
            }

            foreach (var (id, retries, lastError, dueAt) in _releasedJobs)
            {
                if (tables.Jobs.TryGetValue(id, out var job))
                {
                    job.Retries = retries;
                    job.LastError = lastError;
                    job.LockOwner = null;
                    job.LockExpiresAt = null;
                    job.DueAt = dueAt ?? job.DueAt;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The instance row, its journal rows and what changed in its projections (as the relational save writes them).</summary>
    private void Save(CommandContext command, LoadedInstance loaded)
    {
        var state = loaded.State;
        var caseTextChanged = CaseNumbers.TextChanged(loaded, command.PeekVariableChanges(state.Id));
        var journal = JournalChain.Rows(command, loaded);
        // What the relational save writes: every column of a new instance; of a stored one, those a command may change.
        var row = loaded.IsNew
            ? new InstanceRow
            {
                Id = state.Id,
                DefinitionId = state.DefinitionId,
                DefinitionKey = state.DefinitionKey,
                BusinessKey = state.BusinessKey,
                Jurisdiction = state.Jurisdiction,
                StartedBy = state.StartedBy,
                StartedAt = state.StartedAt.UtcDateTime,
                ParentInstanceId = state.ParentInstanceId,
                CaseNumber = state.CaseNumber,
                Status = "",
                Document = "",
            }
            : tables.Instances[state.Id];
        row.DefinitionId = state.DefinitionId;
        row.DefinitionVersion = state.DefinitionVersion;
        row.Status = state.Status.ToString().ToLowerInvariant();
        row.HasIncident = state.Incidents.Count > 0;
        row.EndedAt = state.EndedAt?.UtcDateTime;
        row.Revision = loaded.IsNew ? 1 : loaded.Revision + 1;
        row.Document = InstanceDocument.Write(state);
        if (caseTextChanged)
        {
            (row.CaseSummary, row.CaseText) = CaseNumbers.TextOf(loaded.Definition.Process, state);
        }

        tables.Instances[state.Id] = row;
        if (!tables.Journal.TryGetValue(state.Id, out var entries))
        {
            tables.Journal[state.Id] = entries = [];
        }

        entries.AddRange(journal);
        Projections.Write(state, loaded.Stored as ProjectedRows, this);
    }

    void IProjectionSink.Insert<TRow>(TRow row)
    {
        switch (row)
        {
            case TaskRow task:
                tables.Tasks[task.Id] = task;
                break;
            case TaskCandidateRow candidate:
                if (!tables.Candidates.TryGetValue(candidate.TaskId, out var list))
                {
                    tables.Candidates[candidate.TaskId] = list = [];
                }

                list.Add(candidate);
                break;
            case JobRow job:
                tables.Jobs[job.Id] = job;
                break;
            case SubscriptionRow subscription:
                tables.Subscriptions[subscription.Id] = subscription;
                break;
            case ExternalTaskRow external:
                tables.ExternalTasks[external.Id] = external;
                break;
            case IncidentRow incident:
                tables.Incidents[incident.Id] = incident;
                break;
            default:
                throw new NotSupportedException($"No in-memory table holds {typeof(TRow).Name}.");
        }
    }

    void IProjectionSink.DeleteByIds<TRow>(IReadOnlyCollection<Guid> ids)
    {
        foreach (var id in ids)
        {
            _ = typeof(TRow) switch
            {
                var t when t == typeof(TaskRow) => tables.Tasks.Remove(id) | tables.Candidates.Remove(id),
                var t when t == typeof(JobRow) => tables.Jobs.Remove(id),
                var t when t == typeof(SubscriptionRow) => tables.Subscriptions.Remove(id),
                var t when t == typeof(ExternalTaskRow) => tables.ExternalTasks.Remove(id),
                var t when t == typeof(IncidentRow) => tables.Incidents.Remove(id),
                _ => throw new NotSupportedException($"No in-memory table holds {typeof(TRow).Name}."),
            };
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
