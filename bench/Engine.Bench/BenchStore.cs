using Anju.Testing;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.InMemory;
using Anju.Workflows.Persistence;

namespace Anju.Bench;

/// <summary>
/// A fresh store with the benchmark models deployed: a SQLite file in a temporary folder or a throwaway PostgreSQL
/// database (both from Anju.Testing), or the in-memory store (the engine's own cost, no database).
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly TemporaryFolder? _folder;
    private readonly ThrowawayPostgresDatabase? _database;

    private BenchStore(WorkflowStore store, ManualClock clock, TemporaryFolder? folder, ThrowawayPostgresDatabase? database)
    {
        Storage = store as WorkflowStorage;
        Memory = store as InMemoryWorkflowStore;
        Clock = clock;
        Engine = new WorkflowEngine(store, time: clock);
        _folder = folder;
        _database = database;
    }

    /// <summary>The database, unless the store is in memory.</summary>
    public WorkflowStorage? Storage { get; }

    public InMemoryWorkflowStore? Memory { get; }
    public ManualClock Clock { get; }
    public WorkflowEngine Engine { get; }

    public static async Task<BenchStore> CreateAsync(BenchOptions options)
    {
        var clock = new ManualClock(TestClock.OrdinaryMonday);
        BenchStore store;
        if (options.Store == "memory")
        {
            store = new BenchStore(new InMemoryWorkflowStore(), clock, null, null);
        }
        else if (options.Store == "postgres")
        {
            var server = options.Connection ?? throw new InvalidOperationException("--conn or ANJU_TEST_POSTGRES is needed for PostgreSQL.");
            var database = await ThrowawayPostgresDatabase.CreateAsync("bench", server);
            store = new BenchStore(WorkflowStorage.Postgres(database.ConnectionStringWithPool(50)), clock, null, database);
        }
        else
        {
            var folder = TemporaryFolder.Create("bench");
            store = new BenchStore(WorkflowStorage.Sqlite(folder.Combine("bench.db")), clock, folder, null);
        }

        if (store.Storage is not null)
        {
            await store.Storage.MigrateAsync();
        }

        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Models"), "*.bpmn")
            .Select(f => new DeploymentFile(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var result = await store.Engine.DeployAsync(new DeploymentRequest { Files = files });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Problems.Select(p => p.Message)));
        }

        return store;
    }

    public async ValueTask DisposeAsync()
    {
        Storage?.Dispose();
        _folder?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
