using Anju.Workflows.Execution;

namespace Anju.Workflows.Persistence;

/// <summary>What SQLite's and PostgreSQL's stores share: reads outside a command, each on a pooled context of its own.</summary>
internal abstract class RelationalInstanceStore(WorkflowStorage storage) : IInstanceStore
{
    protected WorkflowStorage Storage { get; } = storage;

    public abstract bool ComputesBeforeWriter { get; }

    public abstract ValueTask<ICommandSession> BeginAsync(bool beforeWriter, CancellationToken cancellationToken);

    public async ValueTask<StoredDefinition?> ReadDefinitionAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await RelationalQueries.ReadDefinitionAsync(db, id, cancellationToken);
    }

    public async ValueTask<string?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await RelationalQueries.FindDefinitionIdAsync(db, key, version, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = Storage.CreateContext();
        return await RelationalQueries.LatestDefinitionIdsAsync(db, cancellationToken);
    }
}
