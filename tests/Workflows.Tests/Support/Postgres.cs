using Npgsql;

namespace Anju.Workflows.Tests.Support;

/// <summary>
/// The PostgreSQL server that scripts/test.sh starts (ANJU_TEST_POSTGRES). Tests that need it fail with a
/// clear message when it is missing: they never skip silently.
/// </summary>
public static class Postgres
{
    public const string Variable = "ANJU_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: PostgreSQL tests need a server. Run ./scripts/test.sh, which installs and starts one.");

    public static async Task<(string ConnectionString, string Database)> CreateDatabaseAsync()
    {
        var database = "anju_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 };
        return (builder.ToString(), database);
    }

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
