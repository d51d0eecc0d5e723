using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Anju.Workflows.Persistence;

/// <summary>
/// SQLite: a few read-only connections kept open, each with the engine's hot-path lookups prepared (load an
/// instance by id or by task, resolve a definition, find a job's instance). A connection from
/// Microsoft.Data.Sqlite's pool is a fresh <c>SqliteConnection</c> each time, and every query on it was
/// parsed and compiled again by SQLite; opening and closing it cost as much again. Used for reads outside a
/// transaction only (a command computed before the writer lock, or no command at all): inside a transaction a
/// read must see that transaction's own writes, so it runs on the transaction's connection.
/// <para>
/// When no one holds the writer lock, a read borrows the writer's connection instead (taking the lock for the
/// read). In WAL mode a connection drops its whole page cache when it finds that another connection has
/// committed, so a read connection re-read from the log every page that a command had touched; the writer's
/// connection made those commits itself and keeps its cache (measured on engine scenario (a) with one thread:
/// <c>pread</c> and cache resets were about 7 % of the time).
/// </para>
/// </summary>
internal sealed class SqliteReaders : IDisposable
{
    /// <summary>Idle connections kept; more are opened under load and closed when returned.</summary>
    private const int MaxIdle = 8;

    /// <summary>Distinct statements one connection keeps prepared.</summary>
    private const int MaxPrepared = 32;

    private readonly string _connectionString;
    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    private readonly SemaphoreSlim? _writerLock;
    private readonly Func<Reader>? _writer;

    /// <param name="connectionString">The database.</param>
    /// <param name="writerLock">The writer lock; a read that can take it at once reads on <paramref name="writer"/>.</param>
    /// <param name="writer">The writer's connection as a reader; called only while holding <paramref name="writerLock"/>.</param>
    public SqliteReaders(string connectionString, SemaphoreSlim? writerLock = null, Func<Reader>? writer = null)
    {
        _connectionString = connectionString;
        _writerLock = writerLock;
        _writer = writer;
    }

    public Reader Rent()
    {
        if (_writer is not null && !_disposed && _writerLock!.Wait(0))
        {
            try
            {
                return _writer();
            }
            catch
            {
                _writerLock.Release();
                throw;
            }
        }

        return _idle.TryTake(out var reader) ? reader : new Reader(_connectionString);
    }

    public void Return(Reader reader)
    {
        if (reader.IsWriter)
        {
            _writerLock!.Release();
            return;
        }

        if (_disposed || _idle.Count >= MaxIdle)
        {
            reader.Dispose();
            return;
        }

        _idle.Add(reader);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    internal sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            SqlitePragmas.Apply(_connection);
            using var readOnly = _connection.CreateCommand();
            readOnly.CommandText = "PRAGMA query_only=1";
            readOnly.ExecuteNonQuery();
        }

        /// <summary>Reads on the writer's connection, which stays the writer's (disposing this does not close it).</summary>
        public Reader(SqliteConnection writer)
        {
            _connection = writer;
            IsWriter = true;
        }

        /// <summary>On the writer's connection: returning it releases the writer lock.</summary>
        public bool IsWriter { get; }

        /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared; not to be disposed.</summary>
        public SqliteCommand Command(string sql)
        {
            if (_prepared.TryGetValue(sql, out var command))
            {
                command.Parameters.Clear();
                return command;
            }

            if (_prepared.Count >= MaxPrepared)
            {
                foreach (var old in _prepared.Values)
                {
                    old.Dispose();
                }

                _prepared.Clear();
            }

            command = _connection.CreateCommand();
            command.CommandText = sql;
            _prepared.Add(sql, command);
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }

            _prepared.Clear();
            if (!IsWriter)
            {
                _connection.Dispose();
            }
        }
    }
}
