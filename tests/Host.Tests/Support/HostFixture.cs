using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Anju.Host.Tests.Support;

/// <summary>
/// The real Host on a fresh database of its own (one per test class): an SQLite file in a temporary data
/// folder, or a new PostgreSQL database on the server scripts/test.sh starts. Demo accounts are seeded; their
/// password is <see cref="Password"/>.
/// </summary>
public abstract class HostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Anju@2026";

    /// <summary>A password for accounts a test creates: the password policy refuses the demo one.</summary>
    public const string NewUserPassword = "Binjiang-Gate42";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anju-host-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    protected abstract bool UsePostgres { get; }

    public string DataFolder => _folder;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (UsePostgres)
        {
            _postgresDatabase = "anju_host_" + Guid.NewGuid().ToString("N")[..16];
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _ = Server; // start the Host now: migrations, seeding
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Anju:DataDirectory", _folder);
        builder.UseSetting("Anju:SeedDemoData", "true");
        // Tests sign in often, all from one in-process client: the login rate limits are lifted here
        // (Features/Auth/LoginThrottlingTests.cs checks the real ones).
        builder.UseSetting("Anju:Login:PerClientPerMinute", "1000000");
        builder.UseSetting("Anju:Login:PerAccountPerMinute", "1000000");
        if (UsePostgres)
        {
            builder.UseSetting("Anju:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Anju", new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _postgresDatabase }.ToString());
        }
    }

    /// <summary>A client signed in as a demo account (bearer token), speaking the given language.</summary>
    public async Task<HttpClient> ClientAsync(string username, string language = "zh-CN", string password = Password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["token"]!.GetValue<string>());
        return client;
    }

    public HttpClient Anonymous(string language = "zh-CN")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS cleans the temporary folder.
        }
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ANJU_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("ANJU_TEST_POSTGRES is not set: PostgreSQL tests need a server. Run ./scripts/test.sh, which installs and starts one.");
}

public sealed class SqliteHost : HostFixture
{
    protected override bool UsePostgres => false;
}

public sealed class PostgresHost : HostFixture
{
    protected override bool UsePostgres => true;
}
