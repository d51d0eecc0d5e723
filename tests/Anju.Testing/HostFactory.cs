using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Anju.Testing;

/// <summary>
/// The real Host in process on a fresh database of its own: an SQLite file in a temporary data folder, or, when
/// <see cref="UsePostgres"/>, a throwaway PostgreSQL database. Demo accounts are seeded (password
/// <see cref="Password"/>) and the login rate limits are lifted, as tests sign in often from one client.
/// A restart uses the other constructor: the storage of an earlier start, which it neither creates nor deletes.
/// Call <see cref="InitializeAsync"/> before use and <see cref="DisposeAsync"/> after (xunit does both for a
/// subclass that declares IAsyncLifetime).
/// </summary>
/// <typeparam name="TEntryPoint">The Host's entry point (its Program).</typeparam>
public abstract class HostFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>The demo accounts' password.</summary>
    public const string Password = "Anju@2026";

    /// <summary>A password for accounts a test creates: the password policy refuses the demo one.</summary>
    public const string NewUserPassword = "Binjiang-Gate42";

    private readonly string _area;
    private readonly TemporaryFolder? _folder;
    private ThrowawayPostgresDatabase? _database;
    private string? _postgresConnectionString;

    /// <summary>A Host on storage of its own, made for <paramref name="area"/> (e.g. "host_tests").</summary>
    protected HostFactory(string area)
    {
        _area = area;
        _folder = TemporaryFolder.Create(area.Replace('_', '-'));
        DataFolder = _folder.Path;
    }

    /// <summary>A Host on an earlier start's storage: its data folder and, if not SQLite, its PostgreSQL database.</summary>
    protected HostFactory(string dataFolder, string? postgresConnectionString)
    {
        _area = "";
        DataFolder = dataFolder;
        _postgresConnectionString = postgresConnectionString;
    }

    /// <summary>The Host's data folder (Anju:DataDirectory): the SQLite database, keys, attachments.</summary>
    public string DataFolder { get; }

    /// <summary>Whether a Host with storage of its own runs on PostgreSQL rather than SQLite.</summary>
    protected virtual bool UsePostgres => false;

    /// <summary>Creates the PostgreSQL database if one is needed and starts the Host (migrations, seeding).</summary>
    public async Task InitializeAsync()
    {
        if (_folder is not null && UsePostgres)
        {
            _database = await ThrowawayPostgresDatabase.CreateAsync(_area);
            _postgresConnectionString = _database.ConnectionString;
        }

        _ = Server;
    }

    /// <summary>A client signed in (bearer token) as <paramref name="username"/>, speaking the given language.</summary>
    public async Task<HttpClient> ClientAsync(string username, string language = "zh-CN", string password = Password)
    {
        var client = Anonymous(language);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Login as {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["token"]!.GetValue<string>());
        return client;
    }

    /// <summary>A client not signed in, speaking the given language.</summary>
    public HttpClient Anonymous(string language = "zh-CN")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Stops the Host, closes pooled connections and deletes the storage it owns.</summary>
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _folder?.Dispose();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Anju:DataDirectory", DataFolder);
        builder.UseSetting("Anju:SeedDemoData", "true");
        // Tests sign in often, all from one in-process client: the login rate limits are lifted here
        // (Host.Tests' Features/Auth/LoginThrottlingTests.cs checks the real ones).
        builder.UseSetting("Anju:Login:PerClientPerMinute", "1000000");
        builder.UseSetting("Anju:Login:PerAccountPerMinute", "1000000");
        if (_postgresConnectionString is not null)
        {
            builder.UseSetting("Anju:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Anju", _postgresConnectionString);
        }
    }
}
