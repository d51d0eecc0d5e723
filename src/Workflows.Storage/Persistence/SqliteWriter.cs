using System.Globalization;
using System.Text;
using Anju.Workflows.Execution;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Anju.Workflows.Persistence;

/// <summary>
/// SQLite: one connection kept open for the engine's hot-path writes (start an instance, complete a task), with
/// each distinct statement prepared once and reused. Microsoft.Data.Sqlite prepares a command's statements again
/// whenever a connection is opened from the pool, and a command's whole save was parsed and compiled by SQLite on
/// every command (about a third of the save's time: SQL parser, code generator, parameter name lookups). Used only
/// while holding <see cref="WorkflowStorage"/>'s writer lock, so it is never used by two threads at once.
/// <para>
/// The statements run on SQLite's own API (SQLitePCL.raw), with values bound by position: Microsoft.Data.Sqlite
/// looks each parameter up by name, a linear search of the statement's names (quadratic in a multi-row insert),
/// and wraps every run in a data reader (measured: about 5 % of engine scenario (a)). <see cref="SqliteValues"/>
/// writes each value exactly as Microsoft.Data.Sqlite would; a statement with a value of any other type runs
/// through Microsoft.Data.Sqlite as before.
/// </para>
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>Distinct statements kept prepared; others run unprepared (multi-row inserts vary in row count).</summary>
    private const int MaxPrepared = 256;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, sqlite3_stmt?> _prepared = new(StringComparer.Ordinal);
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
        Reader = new SqliteReaders.Reader(_connection);
    }

    /// <summary>This connection for reads outside a transaction, while holding the writer lock (see <see cref="SqliteReaders"/>).</summary>
    public SqliteReaders.Reader Reader { get; }

    /// <summary>
    /// Runs <paramref name="statements"/> in one transaction and commits it. A guard that does not change exactly
    /// one row rolls everything back and throws a conflict; so does any failing statement (with its own error).
    /// </summary>
    /// <exception cref="WorkflowException">A guard failed (kind Conflict).</exception>
    public void Commit(IReadOnlyList<SqlStatement> statements) => Commit(_ => statements);

    /// <summary>
    /// As <see cref="Commit(IReadOnlyList{SqlStatement})"/>, with the statements built inside the transaction by
    /// <paramref name="prepare"/>, which may first read and write on the connection (a case number's sequence).
    /// </summary>
    public void Commit(Func<SqliteConnection, IReadOnlyList<SqlStatement>> prepare)
    {
        _begin.ExecuteNonQuery();
        try
        {
            foreach (var statement in prepare(_connection))
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
            if (!_connection.Handle!.IsInvalid && raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                _rollback.ExecuteNonQuery();
            }

            throw;
        }
    }

    private int Execute(SqlStatement statement)
    {
        if (!_prepared.TryGetValue(statement.Sql, out var prepared))
        {
            if (_prepared.Count >= MaxPrepared)
            {
                return RunThroughCommand(statement);
            }

            prepared = Prepare(statement);
            _prepared.Add(statement.Sql, prepared);
        }

        // Null: not one statement with parameters named @p0, @p1… in order; Microsoft.Data.Sqlite runs it.
        return prepared is not null && Bind(prepared, statement) ? Step(prepared) : RunThroughCommand(statement);
    }

    /// <summary>The statement prepared for binding by position, or null when its text does not allow it.</summary>
    private sqlite3_stmt? Prepare(SqlStatement statement)
    {
        var db = _connection.Handle!;
        var rc = raw.sqlite3_prepare_v3(db, statement.Sql, raw.SQLITE_PREPARE_PERSISTENT, out var stmt, out var tail);
        if (rc != raw.SQLITE_OK)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        if (stmt is null || stmt.IsInvalid)
        {
            return null;
        }

        var count = raw.sqlite3_bind_parameter_count(stmt);
        var positional = string.IsNullOrWhiteSpace(tail) && count == statement.Parameters.Count;
        for (var i = 0; positional && i < count; i++)
        {
            positional = raw.sqlite3_bind_parameter_name(stmt, i + 1).utf8_to_string() == "@p" + i.ToString(CultureInfo.InvariantCulture)
                && statement.Parameters[i].ParameterName == "@p" + i.ToString(CultureInfo.InvariantCulture);
        }

        if (positional)
        {
            return stmt;
        }

        stmt.Dispose();
        return null;
    }

    private bool Bind(sqlite3_stmt stmt, SqlStatement statement)
    {
        var parameters = statement.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = (SqliteParameter)parameters[i];
            if (!SqliteValues.Bind(stmt, i + 1, parameter.Value, parameter.SqliteType))
            {
                raw.sqlite3_clear_bindings(stmt);
                return false;
            }
        }

        return true;
    }

    private int Step(sqlite3_stmt stmt)
    {
        var db = _connection.Handle!;
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            return raw.sqlite3_stmt_readonly(stmt) != 0 ? -1 : raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(stmt);
            raw.sqlite3_clear_bindings(stmt);
        }
    }

    private int RunThroughCommand(SqlStatement statement)
    {
        using var command = Create(statement.Sql);
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            // The statement's parameters belong to its batch, and a long document should not stay referenced.
            command.Parameters.Clear();
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
        foreach (var stmt in _prepared.Values)
        {
            stmt?.Dispose();
        }

        _prepared.Clear();
        Reader.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _connection.Dispose();
    }
}

/// <summary>
/// Binds a value to a SQLite statement parameter as Microsoft.Data.Sqlite's own binder writes it (same storage
/// class, same text for dates, GUIDs and characters), for the value types the engine writes. Rows written here
/// and rows written by EF Core must compare and sort alike; a test checks each type against Microsoft.Data.Sqlite.
/// </summary>
internal static class SqliteValues
{
    /// <summary>UTF-8 text of the value being bound (SQLite copies it); one per thread, grown as needed.</summary>
    [ThreadStatic]
    private static byte[]? _utf8;

    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string DateTimeOffsetFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    /// <summary>Binds <paramref name="value"/>; false (nothing bound) for a type or storage class not handled here.</summary>
    public static bool Bind(sqlite3_stmt stmt, int index, object? value, SqliteType type)
    {
        int rc;
        switch (value)
        {
            case null or DBNull:
                rc = raw.sqlite3_bind_null(stmt, index);
                break;
            case string text:
                rc = BindText(stmt, index, text);
                break;
            case long number:
                rc = raw.sqlite3_bind_int64(stmt, index, number);
                break;
            case int number:
                rc = raw.sqlite3_bind_int64(stmt, index, number);
                break;
            case bool flag:
                rc = raw.sqlite3_bind_int64(stmt, index, flag ? 1 : 0);
                break;
            case double number when !double.IsNaN(number):
                rc = raw.sqlite3_bind_double(stmt, index, number);
                break;
            case Guid guid when type != SqliteType.Blob:
                rc = BindText(stmt, index, guid.ToString().ToUpperInvariant());
                break;
            case DateTimeOffset moment when type != SqliteType.Real:
                rc = BindText(stmt, index, moment.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture));
                break;
            case DateTime moment when type != SqliteType.Real:
                rc = BindText(stmt, index, moment.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                break;
            case char character when type != SqliteType.Integer:
                rc = BindText(stmt, index, new string(character, 1));
                break;
            case byte[] bytes:
                rc = raw.sqlite3_bind_blob(stmt, index, bytes);
                break;
            default:
                return false;
        }

        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite could not bind parameter {index} (error {rc}).");
        }

        return true;
    }

    /// <summary>
    /// Text as UTF-8 (the database's encoding): transcoded here rather than by SQLite from UTF-16, which measured
    /// slower, into a buffer reused across values since SQLite copies what it is given.
    /// </summary>
    private static int BindText(sqlite3_stmt stmt, int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span is passed as a null pointer, which SQLite binds as NULL.
            return raw.sqlite3_bind_text(stmt, index, "");
        }

        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8 is null || _utf8.Length < needed)
        {
            _utf8 = new byte[Math.Max(needed, 1024)];
        }

        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(stmt, index, _utf8.AsSpan(0, length));
    }
}
