using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Voting;
using Anju.Workflows.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Anju.Definitions.Tests.Support;

/// <summary>
/// The real Host with the real definitions/*.bpmn deployed at start-up, on a fresh database, with a clock the
/// test moves. The background job executor is off: <see cref="AdvanceAsync"/> moves the clock and runs the
/// jobs that fell due, so a reminder (催办) or escalation (督办) fires exactly when the test says.
/// Subclasses pick the start time and the database (SQLite file or PostgreSQL).
/// </summary>
public abstract class ProcedureHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Anju@2026";

    /// <summary>Monday 2026-03-02 09:00 in Jiangyin (01:00 UTC): an ordinary working week.</summary>
    public static readonly DateTimeOffset OrdinaryMonday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anju-definitions-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    protected ProcedureHost(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    protected virtual bool UsePostgres => false;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (UsePostgres)
        {
            _postgresDatabase = "anju_defs_" + Guid.NewGuid().ToString("N")[..16];
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _ = Server; // start the Host now: migrations, seeding, definitions deployed
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Anju:DataDirectory", _folder);
        builder.UseSetting("Anju:SeedDemoData", "true");
        builder.UseSetting("Anju:Login:PerClientPerMinute", "1000000"); // the tests sign in often from one client
        builder.UseSetting("Anju:Login:PerAccountPerMinute", "1000000");

        // No background new-task watcher or channel dispatcher either: scenarios assert the notifications their
        // procedures' notify steps store, at the clock's time.
        builder.UseSetting("Anju:Notifications:Background", "false");
        if (UsePostgres)
        {
            builder.UseSetting("Anju:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Anju", new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _postgresDatabase }.ToString());
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);

            // The test runs due jobs itself, after moving the clock; a background poller would race it.
            var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.ReturnType == typeof(JobExecutor)).ToList();
            Assert.Single(hosted);
            foreach (var descriptor in hosted)
            {
                services.Remove(descriptor);
            }

            // Likewise the ballot closing scan: RunDueJobsAsync closes the ballots due at the test's clock.
            services.Remove(Assert.Single(services, d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType == typeof(BallotClosingService)));
        });
    }

    /// <summary>A client signed in as a demo account now (log in again after moving the clock far).</summary>
    public async Task<HttpClient> As(string username, string language = "zh-CN")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = Password });
        Assert.True(response.IsSuccessStatusCode, $"login as {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["token"]!.GetValue<string>());
        return client;
    }

    /// <summary>Moves the clock and runs every job that fell due (and those they create) and closes the ballots due, returning how many.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunDueJobsAsync();
    }

    /// <summary>Moves the clock to a moment (Jiangyin time is fine: any offset) and runs the due jobs.</summary>
    public Task<int> AdvanceToAsync(DateTimeOffset moment)
    {
        var by = moment - Clock.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, $"The clock is already at {Clock.GetUtcNow():O}, after {moment:O}.");
        return AdvanceAsync(by);
    }

    public async Task<int> RunDueJobsAsync()
    {
        var executor = Services.GetRequiredService<JobExecutor>();
        var closer = Services.GetRequiredService<BallotCloser>();
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var ran = await executor.RunDueJobsAsync(CancellationToken.None)
                + await closer.CloseDueAsync(Clock.GetUtcNow(), CancellationToken.None);
            total += ran;
            if (ran == 0)
            {
                break;
            }
        }

        return total;
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

/// <summary>SQLite, starting on an ordinary Monday.</summary>
public sealed class OrdinaryWeekHost() : ProcedureHost(OrdinaryMonday);

/// <summary>PostgreSQL, starting on an ordinary Monday.</summary>
public sealed class OrdinaryWeekPostgresHost() : ProcedureHost(OrdinaryMonday)
{
    protected override bool UsePostgres => true;
}

/// <summary>SQLite, starting Friday 2026-09-25 09:00, just before the 2026 National Day holiday and its 调休.</summary>
public sealed class NationalDayHost() : ProcedureHost(new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(8)));
