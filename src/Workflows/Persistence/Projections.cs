using Anju.Workflows.Execution;

namespace Anju.Workflows.Persistence;

/// <summary>
/// The instance document's projections, as a table: for each projection table, which items of the document it
/// holds and the row each item becomes. What a save writes is found by comparing the rows of the document as it
/// was loaded (<see cref="Snapshot"/>) with the rows of the document being saved: a row that appeared is
/// inserted, one that disappeared is deleted, one whose values changed is deleted and inserted again. No command
/// has to say what it changed.
/// </summary>
internal static class Projections
{
    /// <summary>Every projection, in the order a save writes them.</summary>
    public static readonly IReadOnlyList<IProjection> All =
    [
        new Projection<UserTaskState, TaskRow>(s => s.Tasks, t => t.Id, TaskRowOf, TaskCandidates),
        new Projection<JobState, JobRow>(s => s.Jobs, j => j.Id, (s, job) => new JobRow
        {
            Id = job.Id,
            InstanceId = s.Id,
            DefinitionId = s.DefinitionId,
            Kind = job.Kind.ToString(),
            ActivityId = job.ActivityId,
            DueAt = job.DueAt.UtcDateTime,
            Retries = job.Retries,
            LastError = job.LastError,
        }),
        new Projection<SubscriptionState, SubscriptionRow>(s => s.Subscriptions, sub => sub.Id, (s, sub) => new SubscriptionRow
        {
            Id = sub.Id,
            InstanceId = s.Id,
            MessageName = sub.MessageName,
            BusinessKey = s.BusinessKey,
            ActivityId = sub.ActivityId,
        }),
        new Projection<ExternalTaskState, ExternalTaskRow>(s => s.ExternalTasks, e => e.Id, (s, task) => new ExternalTaskRow
        {
            Id = task.Id,
            InstanceId = s.Id,
            ActivityId = task.ActivityId,
            Topic = task.Topic,
            DefinitionKey = s.DefinitionKey,
            BusinessKey = s.BusinessKey,
            Jurisdiction = s.Jurisdiction,
            Retries = task.Retries,
            ErrorMessage = task.ErrorMessage,
            CreatedAt = task.CreatedAt.UtcDateTime,
            Priority = task.Priority,
            LockExpiresAt = task.LockExpiresAt?.UtcDateTime,
        }),
        new Projection<IncidentState, IncidentRow>(s => s.Incidents, i => i.Id, (s, incident) => new IncidentRow
        {
            Id = incident.Id,
            InstanceId = s.Id,
            ActivityId = incident.ActivityId,
            Type = incident.Type,
            Message = incident.Message,
            CreatedAt = incident.CreatedAt.UtcDateTime,
            JobId = incident.JobId,
            DefinitionKey = s.DefinitionKey,
            Jurisdiction = s.Jurisdiction,
        }),
    ];

    /// <summary>The rows of a document as loaded, to compare the saved document with.</summary>
    public static ProjectedRows Snapshot(InstanceState state)
    {
        var rows = new object[All.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = All[i].Rows(state);
        }

        return new ProjectedRows(state.DefinitionId, state.Status, rows);
    }

    /// <summary>
    /// Writes to <paramref name="sink"/> what changed in every projection between <paramref name="original"/>
    /// (null: a new instance, nothing stored yet) and <paramref name="state"/>.
    /// </summary>
    public static void Write(InstanceState state, ProjectedRows? original, IProjectionSink sink)
    {
        for (var i = 0; i < All.Count; i++)
        {
            All[i].Write(state, original?.Rows[i], sink);
        }
    }

    private static TaskRow TaskRowOf(InstanceState state, UserTaskState task) => new()
    {
        Id = task.Id,
        InstanceId = state.Id,
        ActivityId = task.ActivityId,
        Name = task.Name,
        Assignee = task.Assignee,
        CandidateUsers = task.CandidateUsers.Count == 0 ? null : string.Join(',', task.CandidateUsers),
        CandidateGroups = task.CandidateGroups.Count == 0 ? null : string.Join(',', task.CandidateGroups),
        DefinitionKey = state.DefinitionKey,
        DefinitionId = state.DefinitionId,
        BusinessKey = state.BusinessKey,
        Jurisdiction = task.Jurisdiction ?? state.Jurisdiction,
        CreatedAt = task.CreatedAt.UtcDateTime,
        DueAt = task.DueAt?.UtcDateTime,
        DueSort = task.DueAt?.UtcDateTime ?? TaskRow.NoDueDate,
        FollowUpAt = task.FollowUpAt?.UtcDateTime,
        Priority = task.Priority,
        FormKey = task.FormKey,
    };

    /// <summary>A task's candidates, inserted with it (they go with their task: ON DELETE CASCADE).</summary>
    private static void TaskCandidates(UserTaskState task, IProjectionSink sink)
    {
        foreach (var group in task.CandidateGroups)
        {
            sink.Insert(new TaskCandidateRow { TaskId = task.Id, Kind = 'g', Value = group });
        }

        foreach (var user in task.CandidateUsers)
        {
            sink.Insert(new TaskCandidateRow { TaskId = task.Id, Kind = 'u', Value = user });
        }
    }
}

/// <summary>Where a save's projection changes go: the SQL batch, or an in-memory table set.</summary>
internal interface IProjectionSink
{
    void Insert<TRow>(TRow row)
        where TRow : class;

    /// <summary>Deletes the rows with these keys (and what cascades from them).</summary>
    void DeleteByIds<TRow>(IReadOnlyCollection<Guid> ids)
        where TRow : class;
}

/// <summary>One projection table of the instance document.</summary>
internal interface IProjection
{
    /// <summary>The rows <paramref name="state"/> projects to, by key.</summary>
    object Rows(InstanceState state);

    /// <summary>Deletes what disappeared or changed since <paramref name="original"/>, then inserts what appeared or changed.</summary>
    void Write(InstanceState state, object? original, IProjectionSink sink);
}

/// <summary>The projection rows and the row values of an instance as it was loaded (see <see cref="Projections.Snapshot"/>).</summary>
internal sealed record ProjectedRows(string DefinitionId, InstanceStatus Status, object[] Rows);

/// <summary>Items of one kind in the document (<typeparamref name="TItem"/>), each projected to one <typeparamref name="TRow"/>.</summary>
internal sealed class Projection<TItem, TRow>(
    Func<InstanceState, List<TItem>> items,
    Func<TItem, Guid> key,
    Func<InstanceState, TItem, TRow> row,
    Action<TItem, IProjectionSink>? children = null) : IProjection
    where TRow : class
{
    public object Rows(InstanceState state)
    {
        var list = items(state);
        var rows = new Dictionary<Guid, TRow>(list.Count);
        foreach (var item in list)
        {
            rows[key(item)] = row(state, item);
        }

        return rows;
    }

    public void Write(InstanceState state, object? original, IProjectionSink sink)
    {
        var before = (Dictionary<Guid, TRow>?)original;
        var current = items(state);
        List<(TItem Item, TRow Row)>? inserted = null;
        List<Guid>? deleted = null;
        HashSet<Guid>? present = before is { Count: > 0 } ? new HashSet<Guid>(current.Count) : null;
        foreach (var item in current)
        {
            var id = key(item);
            var now = row(state, item);
            present?.Add(id);
            if (before is null || !before.TryGetValue(id, out var was))
            {
                (inserted ??= []).Add((item, now));
            }
            else if (!RowComparer<TRow>.Equal(was, now))
            {
                // Changed in place (a claimed task, a failed external task, a migrated instance): rewritten.
                (deleted ??= []).Add(id);
                (inserted ??= []).Add((item, now));
            }
        }

        if (present is not null)
        {
            foreach (var id in before!.Keys)
            {
                if (!present.Contains(id))
                {
                    (deleted ??= []).Add(id);
                }
            }
        }

        if (deleted is not null)
        {
            sink.DeleteByIds<TRow>(deleted);
        }

        if (inserted is null)
        {
            return;
        }

        foreach (var (item, now) in inserted)
        {
            sink.Insert(now);
            children?.Invoke(item, sink);
        }
    }
}
