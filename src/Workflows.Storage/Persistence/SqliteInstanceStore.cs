using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>
/// SQLite: one writer at a time (<see cref="WorkflowStorage.EnterWriterAsync"/>). A command runs in a transaction
/// under the writer lock; a command whose every write is an instance document guarded by its revision (start,
/// complete a task) may first be computed without the lock, so that on two cores one command computes while
/// another writes, and only its prepared statements and the commit run under the lock.
/// </summary>
internal sealed class SqliteInstanceStore(WorkflowStorage storage) : RelationalInstanceStore(storage)
{
    public override bool ComputesBeforeWriter => true;

    public override async ValueTask<ICommandSession> BeginAsync(bool beforeWriter, CancellationToken cancellationToken)
    {
        if (beforeWriter)
        {
            return new BeforeWriterSession(Storage, Storage.CreateContext());
        }

        var writer = await Storage.EnterWriterAsync(cancellationToken);
        var db = Storage.CreateContext();
        try
        {
            return new WriterSession(db, await db.Database.BeginTransactionAsync(cancellationToken), writer);
        }
        catch
        {
            await db.DisposeAsync();
            writer?.Dispose();
            throw;
        }
    }

    /// <summary>Under the writer lock (the caller holds it): a select, then an update of what it found.</summary>
    protected override async Task<List<Guid>> LeaseDueJobsAsync(WorkflowDbContext db, string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken)
    {
        var ids = await db.Jobs
            .Where(j => j.DueAt <= now && j.LockExpiresAt == null && j.Retries > 0)
            .OrderBy(j => j.DueAt).Take(max).Select(j => j.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await db.Jobs.Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.LockOwner, owner).SetProperty(j => j.LockExpiresAt, until), cancellationToken);
        }

        return ids;
    }

    /// <summary>Under the writer lock, in the context's transaction (which service-task handlers share).</summary>
    private sealed class WriterSession(WorkflowDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IDisposable? writer)
        : RelationalCommandSession(db, transaction, writer)
    {
        /// <summary>Case numbers, the statements of the save, rows a handler added through EF, then COMMIT.</summary>
        public override async ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken)
        {
            await CaseSequences.AssignAsync(Db, command, cancellationToken);
            try
            {
                await InstanceStore.PrepareSave(Db, command).ExecuteAsync(commit: false, cancellationToken);
                if (Db.ChangeTracker.HasChanges())
                {
                    await Db.SaveChangesAsync(cancellationToken);
                }

                await EfTransaction!.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                throw Conflict(ex);
            }
        }
    }

    /// <summary>Computed without the writer lock and without a transaction; only the commit takes the lock.</summary>
    private sealed class BeforeWriterSession(WorkflowStorage storage, WorkflowDbContext db) : RelationalCommandSession(db, transaction: null, writer: null)
    {
        /// <summary>
        /// On the writer's kept-open connection, with its prepared statements: a new case takes its number in the
        /// commit's own transaction and its document is written after that (the save is then prepared under the
        /// lock); otherwise the save is prepared before the lock. A failed revision guard (an instance changed
        /// meanwhile), or anything EF tracks, sends the command to run again under the lock from the start.
        /// </summary>
        public override async ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken)
        {
            if (Db.ChangeTracker.HasChanges())
            {
                throw new NeedsWriterException();
            }

            var numbered = CaseNumbers.AssignWithoutTransaction(command);
            var batch = numbered ? null : InstanceStore.PrepareSave(Db, command);
            using var writer = await storage.EnterWriterAsync(cancellationToken);
            try
            {
                if (batch is null)
                {
                    storage.SqliteWriter.Commit(connection =>
                    {
                        CaseSequences.AssignOn(connection, command);
                        return InstanceStore.PrepareSave(Db, command).Statements;
                    });
                }
                else
                {
                    batch.CommitOn(storage.SqliteWriter);
                }
            }
            catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.Conflict)
            {
                throw new NeedsWriterException();
            }
        }
    }
}
