using Anju.Workflows.Execution;
using Microsoft.Data.Sqlite;

namespace Anju.Workflows.Persistence;

/// <summary>
/// SQLite: one connection kept open for the engine's hot-path writes (start an instance, complete a task), with
/// each distinct statement prepared once and reused. Microsoft.Data.Sqlite prepares a command's statements again
/// whenever a connection is opened from the pool, and a command's whole save was parsed and compiled by SQLite on
/// every command (about a third of the save's time: SQL parser, code generator, parameter name lookups). Used only
/// while holding <see cref="WorkflowStorage"/>'s writer lock, so it is never used by two threads at once.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>Distinct statements kept prepared; others run unprepared (multi-row inserts vary in row count).</summary>
    private const int MaxPrepared = 256;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;

    public SqliteWriter(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        SqlitePragmas.Apply(_connection);
        _begin = Create("BEGIN IMMEDIATE");
        _commit = Create("COMMIT");
        _rollback = Create("ROLLBACK");
    }

    /// <summary>
    /// Runs <paramref name="statements"/> in one transaction and commits it. A guard that does not change exactly
    /// one row rolls everything back and throws a conflict; so does any failing statement (with its own error).
    /// </summary>
    /// <exception cref="WorkflowException">A guard failed (kind Conflict).</exception>
    public void Commit(IReadOnlyList<SqlStatement> statements)
    {
        _begin.ExecuteNonQuery();
        try
        {
            foreach (var statement in statements)
            {
                var rows = Execute(statement);
                if (statement.Conflict is { } conflict && rows != 1)
                {
                    throw WorkflowException.Conflict(conflict);
                }
            }

            _commit.ExecuteNonQuery();
        }
        catch
        {
            if (!_connection.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                _rollback.ExecuteNonQuery();
            }

            throw;
        }
    }

    private int Execute(SqlStatement statement)
    {
        if (!_prepared.TryGetValue(statement.Sql, out var command))
        {
            if (_prepared.Count >= MaxPrepared)
            {
                using var once = Create(statement.Sql);
                return Run(once, statement);
            }

            command = Create(statement.Sql);
            command.Prepare();
            _prepared.Add(statement.Sql, command);
        }

        return Run(command, statement);
    }

    private static int Run(SqliteCommand command, SqlStatement statement)
    {
        var parameters = command.Parameters;
        parameters.Clear();
        foreach (var parameter in statement.Parameters)
        {
            parameters.Add(parameter);
        }

        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            // The statement's parameters belong to its batch, and a long document should not stay referenced.
            parameters.Clear();
        }
    }

    private SqliteCommand Create(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _connection.Dispose();
    }
}
