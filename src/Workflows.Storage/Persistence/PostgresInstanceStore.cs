using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anju.Workflows.Persistence;

/// <summary>
/// PostgreSQL: commands run concurrently, each in its own transaction; the instance revision guards catch a
/// conflicting one. The save is one batch that ends with the transaction's COMMIT (one round trip).
/// </summary>
internal sealed class PostgresInstanceStore(WorkflowStorage storage) : RelationalInstanceStore(storage)
{
    public override bool ComputesBeforeWriter => false;

    public override async ValueTask<ICommandSession> BeginAsync(bool beforeWriter, CancellationToken cancellationToken)
    {
        var db = Storage.CreateContext();
        try
        {
            return new Session(db, await db.Database.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>FOR UPDATE SKIP LOCKED: nodes leasing at the same moment pass over each other's rows.</summary>
    protected override Task<List<Guid>> LeaseDueJobsAsync(WorkflowDbContext db, string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<Guid>(
            """
            UPDATE wf_jobs SET "LockOwner" = {0}, "LockExpiresAt" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM wf_jobs
                WHERE "DueAt" <= {2} AND "LockExpiresAt" IS NULL AND "Retries" > 0
                ORDER BY "DueAt" LIMIT {3}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """, owner, until, now, max).ToListAsync(cancellationToken);

    private sealed class Session(WorkflowDbContext db, IDbContextTransaction transaction) : RelationalCommandSession(db, transaction, writer: null)
    {
        /// <summary>
        /// Case numbers (their sequence row stays locked until this commit), then the batch: revision guards,
        /// documents, projections, journal, and COMMIT as its last statement. Rows a handler added through EF
        /// (rare) are saved after the batch and committed on their own.
        /// </summary>
        public override async ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken)
        {
            await CaseSequences.AssignAsync(Db, command, cancellationToken);
            var batch = InstanceStore.PrepareSave(Db, command);
            try
            {
                if (Db.ChangeTracker.HasChanges())
                {
                    await batch.ExecuteAsync(commit: false, cancellationToken);
                    await Db.SaveChangesAsync(cancellationToken);
                    await EfTransaction!.CommitAsync(cancellationToken);
                    return;
                }

                if (batch.IsEmpty)
                {
                    await EfTransaction!.CommitAsync(cancellationToken);
                    return;
                }

                await batch.ExecuteAsync(commit: true, cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                throw Conflict(ex);
            }
        }
    }
}
