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

    public SqliteReaders(string connectionString) => _connectionString = connectionString;

    public Reader Rent() => _idle.TryTake(out var reader) ? reader : new Reader(_connectionString);

    public void Return(Reader reader)
    {
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
            _connection.Dispose();
        }
    }
}
