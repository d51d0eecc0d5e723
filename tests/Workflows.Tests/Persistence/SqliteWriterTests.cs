using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// The SQLite writer runs a command's statements on SQLite's own API. A failing statement or guard must roll the
/// whole command back and leave the writer usable, with its prepared statements, for the next command.
/// </summary>
public sealed class SqliteWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("anju-writer-").FullName;
    private readonly string _connectionString;

    public SqliteWriterTests()
    {
        _connectionString = $"Data Source={Path.Combine(_folder, "writer.db")}";
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount); CREATE TABLE guarded (id INTEGER PRIMARY KEY, revision INTEGER NOT NULL); INSERT INTO guarded VALUES (1, 7);";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void A_failing_statement_rolls_the_command_back_and_the_writer_carries_on()
    {
        using var writer = new SqliteWriter(_connectionString);
        writer.Commit([Insert(1, "first")]);

        // The second insert breaks the primary key: the first insert of the same command must not stay.
        var error = Assert.Throws<SqliteException>(() => writer.Commit([Insert(2, "second"), Insert(1, "duplicate")]));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(["first"], Names());

        // A NOT NULL violation, from a value bound as NULL.
        Assert.Throws<SqliteException>(() => writer.Commit([Insert(3, null)]));

        // The same prepared statements run again afterwards.
        writer.Commit([Insert(2, "second"), Insert(3, "")]);
        Assert.Equal(["first", "second", ""], Names());
    }

    [Fact]
    public void A_guard_that_changes_no_row_is_a_conflict_and_nothing_of_the_command_is_written()
    {
        using var writer = new SqliteWriter(_connectionString);
        var conflict = Assert.Throws<WorkflowException>(() => writer.Commit([Guard(revision: 6), Insert(1, "after a stale guard")]));
        Assert.Equal(WorkflowErrorKind.Conflict, conflict.Kind);
        Assert.Empty(Names());

        writer.Commit([Guard(revision: 7), Insert(1, "after a current guard")]);
        Assert.Equal(["after a current guard"], Names());
    }

    [Fact]
    public void A_value_the_writer_does_not_bind_itself_goes_through_Microsoft_Data_Sqlite()
    {
        using var writer = new SqliteWriter(_connectionString);
        writer.Commit([Insert(1, "decimal", 12.50m), Insert(2, "long", 5L)]);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT group_concat(typeof(amount) || ':' || amount, ' ') FROM (SELECT amount FROM t ORDER BY id)";
        Assert.Equal("text:12.5 integer:5", select.ExecuteScalar());
    }

    private static SqlStatement Insert(long id, string? name, object? amount = null) => new()
    {
        Sql = "INSERT INTO t (id, name, amount) VALUES (@p0, @p1, @p2)",
        Parameters =
        {
            new SqliteParameter("@p0", id),
            new SqliteParameter("@p1", (object?)name ?? DBNull.Value),
            new SqliteParameter("@p2", amount ?? DBNull.Value),
        },
    };

    private static SqlStatement Guard(long revision) => new()
    {
        Sql = "UPDATE guarded SET revision = revision + 1 WHERE id = 1 AND revision = @p0",
        Parameters = { new SqliteParameter("@p0", revision) },
        Conflict = "the row changed",
    };

    private List<string> Names()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT name FROM t ORDER BY id";
        using var reader = select.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
