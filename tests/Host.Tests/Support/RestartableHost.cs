using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Anju.Host.Tests.Support;

/// <summary>
/// The real Host started, stopped and started again on the same data (one SQLite data folder, or one PostgreSQL
/// database) with a definitions folder of the test's own, as an operator restarting it would. Each start may add
/// settings; each start's log lines are kept.
/// </summary>
public sealed class RestartableHost(bool usePostgres) : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anju-restart-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _database = usePostgres ? "anju_restart_" + Guid.NewGuid().ToString("N")[..16] : null;
    private Started? _current;
    private bool _created;

    /// <summary>The *.bpmn folder the Host deploys at start-up (Anju:Definitions:Directory).</summary>
    public string DefinitionsFolder => Path.Combine(_folder, "definitions");

    /// <summary>The log lines of the current start.</summary>
    public IReadOnlyCollection<string> Log => _current?.Lines ?? [];

    public void WriteDefinition(string fileName, string xml)
    {
        Directory.CreateDirectory(DefinitionsFolder);
        File.WriteAllText(Path.Combine(DefinitionsFolder, fileName), xml);
    }

    /// <summary>Stops the running Host (if any) and starts it again on the same data.</summary>
    public async Task StartAsync(params (string Key, string Value)[] settings)
    {
        await StopAsync();
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        Directory.CreateDirectory(DefinitionsFolder);
        if (_database is not null && !_created)
        {
            await ExecuteAsync($"CREATE DATABASE {_database}");
            _created = true;
        }

        var started = new Started(this, settings);
        _current = started;
        _ = started.Server; // start now: migrations, seeding, start-up deployment
    }

    public async Task<HttpClient> ClientAsync(string username, string language = "zh-CN")
    {
        var client = _current!.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = HostFixture.Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["token"]!.GetValue<string>());
        return client;
    }

    public async Task StopAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_database is not null && _created)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
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

    private static async Task ExecuteAsync(string sql)
    {
        var server = Environment.GetEnvironmentVariable("ANJU_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("ANJU_TEST_POSTGRES is not set: PostgreSQL tests need a server. Run ./scripts/test.sh, which installs and starts one.");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Started(RestartableHost owner, (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Anju:DataDirectory", Path.Combine(owner._folder, "data"));
            builder.UseSetting("Anju:Definitions:Directory", owner.DefinitionsFolder);
            builder.UseSetting("Anju:SeedDemoData", "true");
            builder.UseSetting("Anju:Login:PerClientPerMinute", "1000000");
            builder.UseSetting("Anju:Login:PerAccountPerMinute", "1000000");
            if (owner._database is not null)
            {
                builder.UseSetting("Anju:Database:Provider", "Postgres");
                var server = Environment.GetEnvironmentVariable("ANJU_TEST_POSTGRES")!;
                builder.UseSetting("ConnectionStrings:Anju", new NpgsqlConnectionStringBuilder(server) { Database = owner._database }.ToString());
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Lines)));
        }
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
