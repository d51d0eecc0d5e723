using Npgsql;

namespace Anju.Testing;

/// <summary>
/// A PostgreSQL database of its own, created empty under a unique name and dropped (with its connections) when
/// disposed. The only place in tests/ and bench/ that creates or drops a database.
/// </summary>
public sealed class ThrowawayPostgresDatabase : IAsyncDisposable
{
    private ThrowawayPostgresDatabase(string server, string name)
    {
        Server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>The server's connection string the database was created from.</summary>
    public string Server { get; }

    /// <summary>The database's name: <c>anju_&lt;area&gt;_</c> and 16 hex digits.</summary>
    public string Name { get; }

    /// <summary>The server's connection string with this database.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Creates the database on <paramref name="server"/>, or on the <see cref="TestPostgres"/> server when none is
    /// given (failing clearly when that is not set).
    /// </summary>
    /// <param name="area">A short lower-case word naming who uses it (letters, digits, underscores).</param>
    /// <param name="server">A server connection string (a maintenance database such as postgres).</param>
    public static async Task<ThrowawayPostgresDatabase> CreateAsync(string area, string? server = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(area);
        if (!area.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"'{area}' is not a plain lower-case identifier.", nameof(area));
        }

        var database = new ThrowawayPostgresDatabase(server ?? TestPostgres.ServerConnectionString, $"anju_{area}_{Guid.NewGuid().ToString("N")[..16]}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>The connection string with a pool of at most <paramref name="maxPoolSize"/> connections.</summary>
    public string ConnectionStringWithPool(int maxPoolSize) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = true, MaxPoolSize = maxPoolSize }.ToString();

    /// <summary>Closes the pooled connections and drops the database, ending any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
