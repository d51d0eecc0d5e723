using Npgsql;

namespace Anju.Host.Tests.Cluster;

/// <summary>Plain SQL on the cluster tests' PostgreSQL database (counts).</summary>
internal static class ClusterSql
{
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
