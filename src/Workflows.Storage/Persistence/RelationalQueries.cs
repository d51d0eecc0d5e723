using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Persistence;

/// <summary>The reads the engine's commands make besides loading instances, on SQLite and PostgreSQL alike.</summary>
internal static class RelationalQueries
{
    public static async ValueTask<StoredDefinition?> ReadDefinitionAsync(WorkflowDbContext db, string id, CancellationToken cancellationToken)
    {
        var row = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : new StoredDefinition(row.Id, row.Key, row.Version, row.Xml, row.UnknownServiceTasksAsExternal);
    }

    /// <summary>Plain ADO.NET: every start resolves its definition, and EF's query pipeline cost more than the lookup.</summary>
    public static async ValueTask<string?> FindDefinitionIdAsync(WorkflowDbContext db, string key, int? version, CancellationToken cancellationToken)
    {
        await using var query = await DirectSql.CreateAsync(db, version is null
            ? """SELECT "Id" FROM "wf_definitions" WHERE "Key" = @key ORDER BY "Version" DESC LIMIT 1"""
            : """SELECT "Id" FROM "wf_definitions" WHERE "Key" = @key AND "Version" = @version""", cancellationToken);
        query.Bind<DefinitionRow>("@key", nameof(DefinitionRow.Key), key);
        if (version is { } v)
        {
            query.Bind<DefinitionRow>("@version", nameof(DefinitionRow.Version), v);
        }

        return await query.Command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static async ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(WorkflowDbContext db, CancellationToken cancellationToken) =>
        await db.Definitions.AsNoTracking()
            .GroupBy(d => d.Key)
            .Select(g => g.OrderByDescending(d => d.Version).Select(d => d.Id).First())
            .ToListAsync(cancellationToken);

    public static async ValueTask<IReadOnlyList<MessageWait>> FindMessageWaitsAsync(
        WorkflowDbContext db, string messageName, Guid? instanceId, string? businessKey, int limit, CancellationToken cancellationToken)
    {
        var query = db.Subscriptions.AsNoTracking().Where(s => s.MessageName == messageName);
        if (instanceId is { } id)
        {
            query = query.Where(s => s.InstanceId == id);
        }

        if (businessKey is not null)
        {
            query = query.Where(s => s.BusinessKey == businessKey);
        }

        return await query.OrderBy(s => s.Id).Select(s => new MessageWait(s.InstanceId, s.Id)).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>Plain ADO.NET for the common case (every job run asks it); EF's pipeline cost more than the lookup.</summary>
    public static async ValueTask<(bool Found, Guid? InstanceId)> FindJobAsync(WorkflowDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        await using var query = await DirectSql.CreateAsync(db, """SELECT "InstanceId" FROM "wf_jobs" WHERE "Id" = @id""", cancellationToken);
        query.Bind<JobRow>("@id", nameof(JobRow.Id), jobId);
        await using var reader = await query.Command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, null);
        }

        return (true, reader.IsDBNull(0) ? null : reader.GetGuid(0));
    }

    public static async ValueTask<StoredJob?> ReadJobAsync(WorkflowDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        var row = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return row is null ? null : StoredJob.From(row);
    }

    public static async ValueTask<bool> DeleteJobAsync(WorkflowDbContext db, Guid jobId, CancellationToken cancellationToken) =>
        await db.Jobs.Where(j => j.Id == jobId).ExecuteDeleteAsync(cancellationToken) > 0;

    public static void AddStartJob(WorkflowDbContext db, StoredJob job) => db.Jobs.Add(job.ToRow());

    public static async ValueTask ReleaseJobAsync(WorkflowDbContext db, Guid jobId, int retries, string lastError, DateTime? dueAt, CancellationToken cancellationToken)
    {
        var job = db.Jobs.Where(j => j.Id == jobId);
        if (dueAt is { } due)
        {
            await job.ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Retries, retries)
                    .SetProperty(j => j.LastError, lastError)
                    .SetProperty(j => j.LockOwner, (string?)null)
                    .SetProperty(j => j.LockExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.DueAt, due),
                cancellationToken);
            return;
        }

        await job.ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Retries, retries)
                .SetProperty(j => j.LastError, lastError)
                .SetProperty(j => j.LockOwner, (string?)null)
                .SetProperty(j => j.LockExpiresAt, (DateTime?)null),
            cancellationToken);
    }

    public static async ValueTask<ExternalTaskLock?> ReadExternalTaskLockAsync(WorkflowDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ExternalTasks.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new ExternalTaskLock(e.InstanceId, e.WorkerId, e.LockExpiresAt))
            .FirstOrDefaultAsync(cancellationToken);

    public static async ValueTask<Guid?> FindIncidentInstanceAsync(WorkflowDbContext db, Guid incidentId, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => (Guid?)i.InstanceId).FirstOrDefaultAsync(cancellationToken);
}
