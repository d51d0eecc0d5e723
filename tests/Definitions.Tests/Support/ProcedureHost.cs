using Anju.Host.Features.Voting;
using Anju.Workflows.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anju.Definitions.Tests.Support;

/// <summary>
/// The real Host with the real definitions/*.bpmn deployed at start-up, on a fresh database, with a clock the
/// test moves. The background job executor is off: <see cref="AdvanceAsync"/> moves the clock and runs the
/// jobs that fell due, so a reminder (催办) or escalation (督办) fires exactly when the test says.
/// Subclasses pick the start time and the database (SQLite file or PostgreSQL); the storage, sign-in and
/// clean-up are Anju.Testing's <see cref="HostFactory{TEntryPoint}"/>.
/// </summary>
public abstract class ProcedureHost(DateTimeOffset start) : HostFactory<Program>("definitions_tests"), IAsyncLifetime
{
    public TestClock Clock { get; } = new(start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // No background new-task watcher or channel dispatcher either: scenarios assert the notifications their
        // procedures' notify steps store, at the clock's time.
        builder.UseSetting("Anju:Notifications:Background", "false");
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
    public Task<HttpClient> As(string username, string language = "zh-CN") => ClientAsync(username, language);

    /// <summary>Moves the clock and runs every job that fell due (and those they create) and closes the ballots due, returning how many.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunDueJobsAsync();
    }

    /// <summary>Moves the clock to a moment (Jiangyin time is fine: any offset) and runs the due jobs.</summary>
    public async Task<int> AdvanceToAsync(DateTimeOffset moment)
    {
        Clock.AdvanceTo(moment);
        return await RunDueJobsAsync();
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
}

/// <summary>SQLite, starting on an ordinary Monday.</summary>
public sealed class OrdinaryWeekHost() : ProcedureHost(TestClock.OrdinaryMonday);

/// <summary>PostgreSQL, starting on an ordinary Monday.</summary>
public sealed class OrdinaryWeekPostgresHost() : ProcedureHost(TestClock.OrdinaryMonday)
{
    protected override bool UsePostgres => true;
}

/// <summary>SQLite, starting Friday 2026-09-25 09:00, just before the 2026 National Day holiday and its 调休.</summary>
public sealed class NationalDayHost() : ProcedureHost(new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(8)));
