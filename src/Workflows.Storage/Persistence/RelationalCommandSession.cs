using System.Data.Common;
using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anju.Workflows.Persistence;

/// <summary>
/// A command's session on SQLite or PostgreSQL: a pooled context, and (unless computed before SQLite's writer lock)
/// the writer lock and an open transaction. Reads are shared; each store commits its own way.
/// </summary>
internal abstract class RelationalCommandSession : ICommandSession, ICommandTransaction
{
    private readonly IDisposable? _writer;

    protected RelationalCommandSession(WorkflowDbContext db, IDbContextTransaction? transaction, IDisposable? writer)
    {
        Db = db;
        EfTransaction = transaction;
        _writer = writer;
    }

    /// <summary>The EF context of the command, for the direct queries engine commands still make (jobs, messages, definitions).</summary>
    public WorkflowDbContext Db { get; }

    protected IDbContextTransaction? EfTransaction { get; }

    public ICommandTransaction Transaction => this;

    public DbTransaction? DbTransaction => EfTransaction?.GetDbTransaction();

    public async ValueTask SavepointAsync(string name, CancellationToken cancellationToken)
    {
        if (EfTransaction is not null)
        {
            await EfTransaction.CreateSavepointAsync(name, cancellationToken);
        }
    }

    public async ValueTask RollbackToSavepointAsync(string name, CancellationToken cancellationToken)
    {
        if (EfTransaction is not null)
        {
            await EfTransaction.RollbackToSavepointAsync(name, cancellationToken);
        }
    }

    public ValueTask<LoadedInstance?> LoadAsync(CommandContext command, Guid id, CancellationToken cancellationToken) =>
        InstanceStore.LoadAsync(Db, command, id, cancellationToken);

    public ValueTask<LoadedInstance?> LoadByTaskAsync(CommandContext command, Guid taskId, CancellationToken cancellationToken) =>
        InstanceStore.LoadByTaskAsync(Db, command, taskId, cancellationToken);

    public ValueTask<StoredDefinition?> ReadDefinitionAsync(string id, CancellationToken cancellationToken) =>
        RelationalQueries.ReadDefinitionAsync(Db, id, cancellationToken);

    public ValueTask<string?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken) =>
        RelationalQueries.FindDefinitionIdAsync(Db, key, version, cancellationToken);

    public ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(CancellationToken cancellationToken) =>
        RelationalQueries.LatestDefinitionIdsAsync(Db, cancellationToken);

    public ValueTask<IReadOnlyList<MessageWait>> FindMessageWaitsAsync(string messageName, Guid? instanceId, string? businessKey, int limit, CancellationToken cancellationToken) =>
        RelationalQueries.FindMessageWaitsAsync(Db, messageName, instanceId, businessKey, limit, cancellationToken);

    public ValueTask<Guid?> FindIncidentInstanceAsync(Guid incidentId, CancellationToken cancellationToken) =>
        RelationalQueries.FindIncidentInstanceAsync(Db, incidentId, cancellationToken);

    public ValueTask<(bool Found, Guid? InstanceId)> FindJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        RelationalQueries.FindJobAsync(Db, jobId, cancellationToken);

    public ValueTask<StoredJob?> ReadJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        RelationalQueries.ReadJobAsync(Db, jobId, cancellationToken);

    public ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        RelationalQueries.DeleteJobAsync(Db, jobId, cancellationToken);

    public void AddStartJob(StoredJob job) => RelationalQueries.AddStartJob(Db, job);

    public ValueTask ReleaseJobAsync(Guid jobId, int retries, string lastError, DateTime? dueAt, CancellationToken cancellationToken) =>
        RelationalQueries.ReleaseJobAsync(Db, jobId, retries, lastError, dueAt, cancellationToken);

    public ValueTask<ExternalTaskLock?> ReadExternalTaskLockAsync(Guid id, CancellationToken cancellationToken) =>
        RelationalQueries.ReadExternalTaskLockAsync(Db, id, cancellationToken);

    public abstract ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken);

    /// <summary>Rolls back what was not committed, returns the context to its pool and releases the writer lock.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (EfTransaction is not null)
            {
                await EfTransaction.DisposeAsync();
            }

            await Db.DisposeAsync();
        }
        finally
        {
            _writer?.Dispose();
        }
    }

    /// <summary>EF's own concurrency failure (rows it tracks), reported as the engine's conflict.</summary>
    protected static WorkflowException Conflict(DbUpdateException ex) =>
        new(WorkflowErrorKind.Conflict, "Another command changed the same data meanwhile; nothing was changed. Try again.", null, ex);
}
