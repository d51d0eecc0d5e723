using System.Collections.Concurrent;
using Anju.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Anju.Host.Tests.Support;

/// <summary>
/// The real Host started, stopped and started again on the same data (one SQLite data folder, or one PostgreSQL
/// database) with a definitions folder of the test's own, as an operator restarting it would. Each start may add
/// settings; each start's log lines are kept.
/// </summary>
public sealed class RestartableHost(bool usePostgres) : IAsyncDisposable
{
    private readonly TemporaryFolder _folder = TemporaryFolder.Create("restart-tests");
    private ThrowawayPostgresDatabase? _database;
    private Started? _current;

    /// <summary>The *.bpmn folder the Host deploys at start-up (Anju:Definitions:Directory).</summary>
    public string DefinitionsFolder => _folder.Combine("definitions");

    private string DataFolder => _folder.Combine("data");

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
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(DefinitionsFolder);
        if (usePostgres && _database is null)
        {
            _database = await ThrowawayPostgresDatabase.CreateAsync("restart_tests");
        }

        var started = new Started(this, settings);
        _current = started;
        await started.InitializeAsync(); // start now: migrations, seeding, start-up deployment
    }

    public Task<HttpClient> ClientAsync(string username, string language = "zh-CN") => _current!.ClientAsync(username, language);

    public async Task StopAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _folder.Dispose();
    }

    /// <summary>One start: the shared fixture on the restartable Host's data, with its definitions folder and settings.</summary>
    private sealed class Started(RestartableHost owner, (string Key, string Value)[] settings)
        : HostFactory<Program>(owner.DataFolder, owner._database?.ConnectionString)
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anju:Definitions:Directory", owner.DefinitionsFolder);
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
