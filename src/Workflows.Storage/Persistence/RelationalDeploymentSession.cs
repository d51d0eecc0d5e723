using Anju.Workflows.Deployment;
using Anju.Workflows.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anju.Workflows.Persistence;

/// <summary>A deployment on SQLite or PostgreSQL: one context, and unless read-only one transaction under the writer lock.</summary>
internal sealed class RelationalDeploymentSession(WorkflowDbContext db, IDbContextTransaction? transaction, IDisposable? writer) : IDeploymentSession
{
    public async ValueTask<DeployedVersion?> LatestAsync(string key, string? source, CancellationToken cancellationToken)
    {
        var versions = db.Definitions.AsNoTracking().Where(d => d.Key == key);
        if (source is not null)
        {
            versions = versions.Where(d => d.Source == source);
        }

        return await versions
            .OrderByDescending(d => d.Version)
            .Select(d => new DeployedVersion(d.Id, d.Version, d.ContentHash, d.Name, d.DeployedBy, d.Source))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async ValueTask<bool> PersonDeployedAfterAsync(string key, int version, CancellationToken cancellationToken) =>
        await db.Definitions.AsNoTracking().AnyAsync(
            d => d.Key == key && d.Version > version && d.Source != null && EF.Functions.Like(d.Source, DefinitionSources.UserPrefix + "%"),
            cancellationToken);

    public async ValueTask<IReadOnlySet<string>> DeployedKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var wanted = keys.ToList();
        var found = await db.Definitions.AsNoTracking().Where(d => wanted.Contains(d.Key)).Select(d => d.Key).Distinct().ToListAsync(cancellationToken);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask AddAsync(DefinitionRow row, string? replacesTimerStartsOf, IReadOnlyList<JobRow> timerStarts, CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            throw new InvalidOperationException("A read-only deployment adds nothing.");
        }

        if (replacesTimerStartsOf is not null)
        {
            await db.Jobs.Where(j => j.InstanceId == null && j.DefinitionId == replacesTimerStartsOf).ExecuteDeleteAsync(cancellationToken);
        }

        db.Definitions.Add(row);
        db.Jobs.AddRange(timerStarts);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await db.DisposeAsync();
        writer?.Dispose();
    }
}
