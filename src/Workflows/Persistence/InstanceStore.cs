using System.Text.Json;
using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Loads instance documents into a command and writes them back with their projections (tasks, jobs,
/// subscriptions, external tasks, incidents) and journal rows, guarded by the instance revision.
/// </summary>
internal static class InstanceStore
{
    public static async ValueTask<LoadedInstance?> LoadAsync(CommandContext command, Guid id, CancellationToken cancellationToken)
    {
        var row = await command.Db.Instances.AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new { i.Document, i.Revision, i.DefinitionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var definition = await command.Engine.Definitions.GetAsync(command.Db, row.DefinitionId, cancellationToken);
        return new LoadedInstance(InstanceDocument.Read(row.Document), definition, row.Revision, isNew: false);
    }

    public static async ValueTask SaveAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var db = command.Db;
        foreach (var runner in command.Runners)
        {
            var loaded = runner.Loaded;
            var state = loaded.State;
            AppendJournal(command, loaded);
            var document = InstanceDocument.Write(state);
            var status = state.Status.ToString().ToLowerInvariant();
            var hasIncident = state.Incidents.Count > 0;
            DateTime? endedAt = state.EndedAt?.UtcDateTime;

            if (loaded.IsNew)
            {
                db.Instances.Add(new InstanceRow
                {
                    Id = state.Id,
                    DefinitionId = state.DefinitionId,
                    DefinitionKey = state.DefinitionKey,
                    DefinitionVersion = state.DefinitionVersion,
                    BusinessKey = state.BusinessKey,
                    Jurisdiction = state.Jurisdiction,
                    Status = status,
                    HasIncident = hasIncident,
                    StartedAt = state.StartedAt.UtcDateTime,
                    EndedAt = endedAt,
                    ParentInstanceId = state.ParentInstanceId,
                    Revision = 1,
                    Document = document,
                });
            }
            else
            {
                var revision = loaded.Revision;
                var updated = await db.Instances
                    .Where(i => i.Id == state.Id && i.Revision == revision)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(i => i.Document, document)
                            .SetProperty(i => i.Revision, revision + 1)
                            .SetProperty(i => i.Status, status)
                            .SetProperty(i => i.HasIncident, hasIncident)
                            .SetProperty(i => i.EndedAt, endedAt),
                        cancellationToken);
                if (updated == 0)
                {
                    throw WorkflowException.Conflict($"Process instance {state.Id} was changed by another command meanwhile; nothing was changed. Try again.");
                }
            }

            await ProjectAsync(command, loaded, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void AppendJournal(CommandContext command, LoadedInstance loaded)
    {
        var state = loaded.State;
        if (command.TakeVariableChanges(state.Id) is { Count: > 0 } variables)
        {
            loaded.Journal.Add(new JournalEntry(command.Now, "VariablesChanged", null, command.Actor, new() { ["variables"] = variables }));
        }

        foreach (var entry in loaded.Journal)
        {
            var row = new JournalRow
            {
                InstanceId = state.Id,
                Seq = ++state.JournalSeq,
                At = entry.At.UtcDateTime,
                Type = entry.Type,
                ActivityId = entry.ActivityId,
                Actor = entry.Actor,
                Details = entry.Details?.ToJsonString(JournalJson),
                PreviousHash = state.JournalHash,
                Hash = "",
            };
            row.Hash = JournalChain.Hash(row, state.JournalHash);
            state.JournalHash = row.Hash;
            command.Db.Journal.Add(row);
        }

        loaded.Journal.Clear();
    }

    private static async ValueTask ProjectAsync(CommandContext command, LoadedInstance loaded, CancellationToken cancellationToken)
    {
        var db = command.Db;
        var state = loaded.State;
        var id = state.Id;

        var (addedTasks, removedTasks) = Diff(loaded.OriginalTasks, state.Tasks, t => t.Id, loaded.Touched);
        if (removedTasks.Count > 0)
        {
            await db.TaskCandidates.Where(c => removedTasks.Contains(c.TaskId)).ExecuteDeleteAsync(cancellationToken);
            await db.Tasks.Where(t => removedTasks.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var task in addedTasks)
        {
            db.Tasks.Add(new TaskRow
            {
                Id = task.Id,
                InstanceId = id,
                ActivityId = task.ActivityId,
                Name = task.Name,
                Assignee = task.Assignee,
                CandidateUsers = task.CandidateUsers.Count == 0 ? null : string.Join(',', task.CandidateUsers),
                CandidateGroups = task.CandidateGroups.Count == 0 ? null : string.Join(',', task.CandidateGroups),
                DefinitionKey = state.DefinitionKey,
                DefinitionId = state.DefinitionId,
                BusinessKey = state.BusinessKey,
                Jurisdiction = state.Jurisdiction,
                CreatedAt = task.CreatedAt.UtcDateTime,
                DueAt = task.DueAt?.UtcDateTime,
                FollowUpAt = task.FollowUpAt?.UtcDateTime,
                Priority = task.Priority,
                FormKey = task.FormKey,
            });
            foreach (var group in task.CandidateGroups)
            {
                db.TaskCandidates.Add(new TaskCandidateRow { TaskId = task.Id, Kind = 'g', Value = group });
            }

            foreach (var user in task.CandidateUsers)
            {
                db.TaskCandidates.Add(new TaskCandidateRow { TaskId = task.Id, Kind = 'u', Value = user });
            }
        }

        var (addedJobs, removedJobs) = Diff(loaded.OriginalJobs, state.Jobs, j => j.Id, loaded.Touched);
        if (removedJobs.Count > 0)
        {
            await db.Jobs.Where(j => removedJobs.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var job in addedJobs)
        {
            db.Jobs.Add(new JobRow
            {
                Id = job.Id,
                InstanceId = id,
                DefinitionId = state.DefinitionId,
                Kind = job.Kind.ToString(),
                ActivityId = job.ActivityId,
                DueAt = job.DueAt.UtcDateTime,
                Retries = job.Retries,
                LastError = job.LastError,
            });
        }

        var (addedSubs, removedSubs) = Diff(loaded.OriginalSubscriptions, state.Subscriptions, s => s.Id, loaded.Touched);
        if (removedSubs.Count > 0)
        {
            await db.Subscriptions.Where(s => removedSubs.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var sub in addedSubs)
        {
            db.Subscriptions.Add(new SubscriptionRow { Id = sub.Id, InstanceId = id, MessageName = sub.MessageName, BusinessKey = state.BusinessKey, ActivityId = sub.ActivityId });
        }

        var (addedExternal, removedExternal) = Diff(loaded.OriginalExternalTasks, state.ExternalTasks, e => e.Id, loaded.Touched);
        if (removedExternal.Count > 0)
        {
            await db.ExternalTasks.Where(e => removedExternal.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var task in addedExternal)
        {
            db.ExternalTasks.Add(new ExternalTaskRow
            {
                Id = task.Id,
                InstanceId = id,
                ActivityId = task.ActivityId,
                Topic = task.Topic,
                DefinitionKey = state.DefinitionKey,
                BusinessKey = state.BusinessKey,
                Jurisdiction = state.Jurisdiction,
                Retries = task.Retries,
                ErrorMessage = task.ErrorMessage,
                CreatedAt = task.CreatedAt.UtcDateTime,
                Priority = task.Priority,
                LockExpiresAt = task.LockExpiresAt?.UtcDateTime,
            });
        }

        var (addedIncidents, removedIncidents) = Diff(loaded.OriginalIncidents, state.Incidents, i => i.Id, loaded.Touched);
        if (removedIncidents.Count > 0)
        {
            await db.Incidents.Where(i => removedIncidents.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var incident in addedIncidents)
        {
            db.Incidents.Add(new IncidentRow
            {
                Id = incident.Id,
                InstanceId = id,
                ActivityId = incident.ActivityId,
                Type = incident.Type,
                Message = incident.Message,
                CreatedAt = incident.CreatedAt.UtcDateTime,
                JobId = incident.JobId,
                DefinitionKey = state.DefinitionKey,
                Jurisdiction = state.Jurisdiction,
            });
        }
    }

    /// <summary>What to insert and what to delete; a wait state changed in place is both.</summary>
    private static (List<T> Added, List<Guid> Removed) Diff<T>(HashSet<Guid> original, List<T> current, Func<T, Guid> id, HashSet<Guid> touched)
    {
        var added = new List<T>();
        var present = new HashSet<Guid>();
        foreach (var item in current)
        {
            var key = id(item);
            present.Add(key);
            if (!original.Contains(key) || touched.Contains(key))
            {
                added.Add(item);
            }
        }

        var removed = new List<Guid>();
        foreach (var key in original)
        {
            if (!present.Contains(key) || touched.Contains(key))
            {
                removed.Add(key);
            }
        }

        return (added, removed);
    }

    /// <summary>Journal details keep Chinese text readable (no \uXXXX escapes); they are never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions JournalJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
