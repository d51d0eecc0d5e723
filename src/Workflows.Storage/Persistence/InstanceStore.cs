using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Loads instance documents into a command and writes them back with their projections (tasks, jobs,
/// subscriptions, external tasks, incidents) and journal rows, guarded by the instance revision.
/// </summary>
internal static class InstanceStore
{
    public static ValueTask<LoadedInstance?> LoadAsync(WorkflowDbContext db, CommandContext command, Guid id, CancellationToken cancellationToken) =>
        LoadWhereAsync<InstanceRow>(db, command, """
            SELECT "Document", "Revision", "DefinitionId" FROM "wf_instances" WHERE "Id" = @id
            """, id, cancellationToken);

    /// <summary>The instance that holds a user task, in one query (the inbox's hot path).</summary>
    public static ValueTask<LoadedInstance?> LoadByTaskAsync(WorkflowDbContext db, CommandContext command, Guid taskId, CancellationToken cancellationToken) =>
        LoadWhereAsync<TaskRow>(db, command, """
            SELECT i."Document", i."Revision", i."DefinitionId" FROM "wf_tasks" t
            JOIN "wf_instances" i ON i."Id" = t."InstanceId" WHERE t."Id" = @id
            """, taskId, cancellationToken);

    /// <summary>Reads document, revision and definition id; <c>@id</c> is bound as <typeparamref name="TKeyRow"/>'s key.</summary>
    private static async ValueTask<LoadedInstance?> LoadWhereAsync<TKeyRow>(WorkflowDbContext db, CommandContext command, string sql, Guid id, CancellationToken cancellationToken)
    {
        string document;
        long revision;
        string definitionId;
        await using (var query = await DirectSql.CreateAsync(db, sql, cancellationToken))
        {
            query.Bind<TKeyRow>("@id", "Id", id);
            await using var reader = await query.Command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            document = reader.GetString(0);
            revision = reader.GetInt64(1);
            definitionId = reader.GetString(2);
        }

        var definition = await command.Engine.Definitions.GetAsync(command.Session, definitionId, cancellationToken);
        var state = InstanceDocument.Read(document);
        return new LoadedInstance(state, definition, revision, isNew: false) { Stored = Projections.Snapshot(state) };
    }

    /// <summary>
    /// Serialises the command's instances, chains their journal rows and builds the statements that write them
    /// with their projections; nothing touches the database yet. It advances each instance's journal chain, so a
    /// command prepares its save once.
    /// </summary>
    public static SqlBatch PrepareSave(WorkflowDbContext db, CommandContext command)
    {
        var batch = new SqlBatch(db);

        // Instance rows first: the revision guards go before the statements they protect (see SqlBatch.Guard).
        var runners = command.Runners.ToList();
        var journals = new List<List<JournalRow>>(runners.Count);
        foreach (var runner in runners)
        {
            var loaded = runner.Loaded;
            var state = loaded.State;
            var caseTextChanged = CaseNumbers.TextChanged(loaded, command.PeekVariableChanges(state.Id));
            var (caseSummary, caseText) = caseTextChanged ? CaseNumbers.TextOf(loaded.Definition.Process, state) : (null, null);
            journals.Add(JournalChain.Rows(command, loaded)); // advances the chain the document records
            var document = InstanceDocument.Write(state);
            var status = state.Status.ToString().ToLowerInvariant();
            var hasIncident = state.Incidents.Count > 0;
            DateTime? endedAt = state.EndedAt?.UtcDateTime;

            if (loaded.IsNew)
            {
                batch.Insert(new InstanceRow
                {
                    Id = state.Id,
                    DefinitionId = state.DefinitionId,
                    DefinitionKey = state.DefinitionKey,
                    DefinitionVersion = state.DefinitionVersion,
                    BusinessKey = state.BusinessKey,
                    Jurisdiction = state.Jurisdiction,
                    StartedBy = state.StartedBy,
                    Status = status,
                    HasIncident = hasIncident,
                    StartedAt = state.StartedAt.UtcDateTime,
                    EndedAt = endedAt,
                    ParentInstanceId = state.ParentInstanceId,
                    Revision = 1,
                    Document = document,
                    CaseNumber = state.CaseNumber,
                    CaseSummary = caseSummary,
                    CaseText = caseText,
                });
                continue;
            }

            var stored = (ProjectedRows)loaded.Stored!;
            var conflict = $"Process instance {state.Id} was changed by another command meanwhile; nothing was changed. Try again.";
            if (state.Status == stored.Status)
            {
                // Status is indexed, and setting it to the value it has still rewrites its index entry (a
                // page more in the write-ahead log), so it is only set when it changed.
                batch.Guard<InstanceRow>(
                    conflict,
                    "UPDATE {table} SET {Document} = {0}, {Revision} = {1}, {HasIncident} = {2}, {EndedAt} = {3} WHERE {Id} = {4} AND {Revision} = {5}",
                    ("Document", document),
                    ("Revision", loaded.Revision + 1),
                    ("HasIncident", hasIncident),
                    ("EndedAt", endedAt),
                    ("Id", state.Id),
                    ("Revision", loaded.Revision));
            }
            else
            {
                batch.Guard<InstanceRow>(
                    conflict,
                    "UPDATE {table} SET {Document} = {0}, {Revision} = {1}, {Status} = {2}, {HasIncident} = {3}, {EndedAt} = {4} WHERE {Id} = {5} AND {Revision} = {6}",
                    ("Document", document),
                    ("Revision", loaded.Revision + 1),
                    ("Status", status),
                    ("HasIncident", hasIncident),
                    ("EndedAt", endedAt),
                    ("Id", state.Id),
                    ("Revision", loaded.Revision));
            }

            if (caseTextChanged)
            {
                // After the guard, which it relies on; only when a variable the summary or search names changed.
                batch.Statement<InstanceRow>(
                    "UPDATE {table} SET {CaseSummary} = {0}, {CaseText} = {1} WHERE {Id} = {2}",
                    ("CaseSummary", caseSummary),
                    ("CaseText", caseText),
                    ("Id", state.Id));
            }

            if (state.DefinitionId != stored.DefinitionId)
            {
                // A migration moved the instance to another version (after the guard, which it relies on).
                batch.Statement<InstanceRow>(
                    "UPDATE {table} SET {DefinitionId} = {0}, {DefinitionVersion} = {1} WHERE {Id} = {2}",
                    ("DefinitionId", state.DefinitionId),
                    ("DefinitionVersion", state.DefinitionVersion),
                    ("Id", state.Id));
            }
        }

        for (var i = 0; i < runners.Count; i++)
        {
            batch.InsertMany(journals[i]);
            var loaded = runners[i].Loaded;
            Projections.Write(loaded.State, loaded.Stored as ProjectedRows, batch);
        }

        return batch;
    }
}
