using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Persistence;
using Npgsql;

namespace Anju.Bench;

/// <summary>A fresh database (SQLite file or PostgreSQL database) with the benchmark models deployed.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _database;
    private readonly string? _server;

    private BenchStore(WorkflowStorage storage, ManualClock clock, string? folder, string? database, string? server)
    {
        Storage = storage;
        Clock = clock;
        Engine = new WorkflowEngine(storage, time: clock);
        _folder = folder;
        _database = database;
        _server = server;
    }

    public WorkflowStorage Storage { get; }
    public ManualClock Clock { get; }
    public WorkflowEngine Engine { get; }

    public static async Task<BenchStore> CreateAsync(BenchOptions options)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        BenchStore store;
        if (options.Store == "postgres")
        {
            var server = options.Connection ?? throw new InvalidOperationException("--conn or ANJU_TEST_POSTGRES is needed for PostgreSQL.");
            var database = "anju_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 50 };
            store = new BenchStore(WorkflowStorage.Postgres(builder.ToString()), clock, null, database, server);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "anju-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            store = new BenchStore(WorkflowStorage.Sqlite(Path.Combine(folder, "bench.db")), clock, folder, null, null);
        }

        await store.Storage.MigrateAsync();
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
        Storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_database is not null)
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
