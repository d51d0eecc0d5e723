using System.Globalization;
using Anju.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// SQLite's writer binds values itself (<see cref="SqliteValues"/>), while EF Core and the pessimistic path bind
/// through Microsoft.Data.Sqlite. The same value must be stored the same way by both (storage class and bytes),
/// or rows written one way would compare, sort or parse differently from rows written the other way.
/// </summary>
public sealed class SqliteValuesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("anju-values-").FullName;

    public static TheoryData<string> Values() => new(Samples.Keys);

    private static readonly Dictionary<string, Func<SqliteParameter>> Samples = new()
    {
        ["DBNull"] = () => new SqliteParameter { Value = DBNull.Value },
        ["empty text"] = () => new SqliteParameter { Value = "" },
        ["text"] = () => new SqliteParameter { Value = "滨江花园 3-201: 漏水 ✓ \"quoted\" 'single'\nline" },
        ["long text"] = () => new SqliteParameter { Value = new string('字', 5000) + "end" },
        ["long"] = () => new SqliteParameter { Value = long.MinValue },
        ["int"] = () => new SqliteParameter { Value = -42 },
        ["true"] = () => new SqliteParameter { Value = true },
        ["false"] = () => new SqliteParameter { Value = false },
        ["double"] = () => new SqliteParameter { Value = 0.1 + 0.2 },
        ["guid"] = () => new SqliteParameter { Value = Guid.Parse("019cac0f-2680-757b-9188-db9d33469398"), SqliteType = SqliteType.Text },
        ["guid, type not set"] = () => new SqliteParameter { Value = Guid.Parse("019cac0f-2680-757b-9188-db9d33469398") },
        ["date-time offset +08:00"] = () => new SqliteParameter { Value = new DateTimeOffset(2026, 10, 10, 8, 30, 0, TimeSpan.FromHours(8)).AddTicks(1234567) },
        ["date-time offset UTC, whole second"] = () => new SqliteParameter { Value = new DateTimeOffset(2026, 2, 24, 0, 0, 0, TimeSpan.Zero) },
        ["date-time UTC"] = () => new SqliteParameter { Value = new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(10) },
        ["date-time unspecified"] = () => new SqliteParameter { Value = new DateTime(2026, 1, 4, 9, 0, 0, DateTimeKind.Unspecified) },
        ["char"] = () => new SqliteParameter { Value = 'g', SqliteType = SqliteType.Text },
        ["bytes"] = () => new SqliteParameter { Value = new byte[] { 0, 1, 2, 255 } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_as_Microsoft_Data_Sqlite_stores_it(string sample)
    {
        using var connection = Open();
        var expected = StoreThroughCommand(connection, Samples[sample]());
        var actual = StoreThroughWriter(connection, Samples[sample]());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_value_of_another_type_is_left_to_Microsoft_Data_Sqlite()
    {
        using var connection = Open();
        var rc = raw.sqlite3_prepare_v2(connection.Handle!, "SELECT @p0", out var stmt);
        Assert.Equal(raw.SQLITE_OK, rc);
        using (stmt)
        {
            Assert.False(SqliteValues.Bind(stmt, 1, 12.5m, SqliteType.Text));
            Assert.False(SqliteValues.Bind(stmt, 1, TimeSpan.FromHours(1), SqliteType.Text));
            Assert.False(SqliteValues.Bind(stmt, 1, DateTimeOffset.UnixEpoch, SqliteType.Real));
            Assert.False(SqliteValues.Bind(stmt, 1, Guid.Empty, SqliteType.Blob));
            Assert.False(SqliteValues.Bind(stmt, 1, double.NaN, SqliteType.Real));
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "values.db")};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS v (n INTEGER PRIMARY KEY, x)";
        create.ExecuteNonQuery();
        return connection;
    }

    private static string StoreThroughCommand(SqliteConnection connection, SqliteParameter parameter)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO v (x) VALUES (@p0)";
        parameter.ParameterName = "@p0";
        insert.Parameters.Add(parameter);
        insert.ExecuteNonQuery();
        return Read(connection);
    }

    private static string StoreThroughWriter(SqliteConnection connection, SqliteParameter parameter)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle!, "INSERT INTO v (x) VALUES (@p0)", out var stmt);
        Assert.Equal(raw.SQLITE_OK, rc);
        using (stmt)
        {
            Assert.True(SqliteValues.Bind(stmt, 1, parameter.Value, parameter.SqliteType), "SqliteValues did not bind the value.");
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(stmt));
        }

        return Read(connection);
    }

    /// <summary>The storage class and exact bytes of the last row's value.</summary>
    private static string Read(SqliteConnection connection)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT typeof(x) || ':' || hex(x) FROM v ORDER BY n DESC LIMIT 1";
        return Convert.ToString(select.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
