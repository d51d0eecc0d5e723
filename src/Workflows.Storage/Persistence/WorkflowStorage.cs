using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Anju.Workflows.Persistence;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the engine keeps its state, and how it opens a unit of work there. SQLite runs one writer at a
/// time (a process-wide lock; SQLite itself cannot lock rows); PostgreSQL runs commands concurrently and
/// relies on the instance revision to detect conflicting ones.
/// </summary>
public sealed class WorkflowStorage : WorkflowStore, IDisposable
{
    private readonly PooledDbContextFactory<SqliteWorkflowDbContext>? _sqlite;
    private readonly PooledDbContextFactory<PostgresWorkflowDbContext>? _postgres;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteWriter? _sqliteWriter;
    private readonly SqliteReaders? _sqliteReaders;

    private WorkflowStorage(StorageProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == StorageProvider.Sqlite)
        {
            _sqlite = new PooledDbContextFactory<SqliteWorkflowDbContext>(new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
                .UseSqlite(connectionString)
                .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, SqliteMigrationsGenerator>()
                .AddInterceptors(SqlitePragmas.Instance)
                .Options);
            _sqliteReaders = new SqliteReaders(connectionString, _writer, () => SqliteWriter.Reader);
        }
        else
        {
            _postgres = new PooledDbContextFactory<PostgresWorkflowDbContext>(new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
                .UseNpgsql(connectionString)
                .Options);
        }
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// A SQLite file (created when missing), in WAL mode. A command waits at most <paramref name="busyTimeoutSeconds"/>
    /// for a lock another process holds, then fails with SQLITE_BUSY.
    /// </summary>
    public static WorkflowStorage Sqlite(string path, int busyTimeoutSeconds = 30)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = busyTimeoutSeconds };
        return new WorkflowStorage(StorageProvider.Sqlite, builder.ToString());
    }

    /// <summary>A PostgreSQL database, reached with <see cref="PostgresConnectionString"/>'s defaults.</summary>
    public static WorkflowStorage Postgres(string connectionString) => new(StorageProvider.Postgres, PostgresConnectionString(connectionString));

    /// <summary>
    /// The connection string with these Npgsql settings unless the string sets them itself:
    /// <list type="bullet">
    /// <item>automatic statement preparation: every command re-sends the same few statements (load by task,
    /// revision-guarded update, task and journal inserts), and without it PostgreSQL parses and plans each of
    /// them every time (measured: engine scenario (a) with 2 threads went from 285 to 506 instances/s).
    /// Prepared statements stay with the pooled physical connection.</item>
    /// <item>no session reset when a connection goes back to the pool: the reset is seven statements on the
    /// next use of the connection (RESET ALL, CLOSE ALL, UNLISTEN, DISCARD …), and Anju never changes session
    /// state (no SET, LISTEN, temporary tables or session-level advisory locks).</item>
    /// </list>
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        Default("Max Auto Prepare", "MaxAutoPrepare", 64);
        Default("Auto Prepare Min Usages", "AutoPrepareMinUsages", 2);
        Default("No Reset On Close", "NoResetOnClose", true);
        return builder.ConnectionString;

        void Default(string keyword, string synonym, object value)
        {
            if (!builder.ContainsKey(keyword) && !builder.ContainsKey(synonym))
            {
                builder[keyword] = value;
            }
        }
    }

    /// <summary>The instance store of this database, with its own commit path.</summary>
    internal override Execution.IInstanceStore Open() =>
        Provider == StorageProvider.Sqlite ? new SqliteInstanceStore(this) : new PostgresInstanceStore(this);

    /// <summary>A context from the pool; dispose it to return it.</summary>
    public WorkflowDbContext CreateContext()
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return _postgres!.CreateDbContext();
        }

        var db = _sqlite!.CreateDbContext();
        db.SqliteReaders = _sqliteReaders;
        return db;
    }

    /// <summary>Creates or upgrades the schema with this provider's migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        if (Provider == StorageProvider.Sqlite)
        {
            // WAL lets readers (inbox queries) run while one command writes; NORMAL sync is durable in WAL
            // mode across application crashes (an OS crash may lose the last commits, not corrupt).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await OptimizeAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite: refreshes the planner's statistics where they are stale (PRAGMA optimize). Without them SQLite
    /// may drive the inbox query from the assignee index, which matches every unclaimed task, instead of the
    /// jurisdiction index (measured: 340 ms instead of a few ms at 100,000 open tasks). Run at start-up and
    /// periodically by the job executor. PostgreSQL's autovacuum keeps its own statistics.
    /// </summary>
    public async Task OptimizeAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return;
        }

        await using var db = CreateContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
    }

    /// <summary>Serialises writers on SQLite; a no-op on PostgreSQL.</summary>
    public async ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken)
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return null;
        }

        await _writer.WaitAsync(cancellationToken);
        return new Release(_writer);
    }

    /// <summary>SQLite's long-lived writer connection (opened on first use); only while holding the writer lock.</summary>
    internal SqliteWriter SqliteWriter => _sqliteWriter ??= Provider == StorageProvider.Sqlite
        ? new SqliteWriter(ConnectionString)
        : throw new InvalidOperationException("Only SQLite has a writer connection.");

    public void Dispose()
    {
        _sqliteWriter?.Dispose();
        _sqliteWriter = null;
        _sqliteReaders?.Dispose();
        _writer.Dispose();
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
