using System.Diagnostics;
using Anju.Workflows.Jobs;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Anju.Testing;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// A real process running the job executor is killed (SIGKILL) twice while it fires timers, then another
/// node finishes the work: every timer fired exactly once and every journal is intact.
/// </summary>
public sealed class ProcessKillTests
{
    private const int Instances = 40;

    [Fact]
    public async Task A_node_killed_while_firing_timers_loses_none_and_fires_none_twice()
    {
        using var folder = TemporaryFolder.Create("kill-tests");
        var database = folder.Combine("anju.db");
        var model = Path.Combine(AppContext.BaseDirectory, "Persistence", "CrashRecoveryTests.ProbeModel.bpmn");
        await RunAndKillAsync(database, model, Instances, killAfterFired: 8);
        await RunAndKillAsync(database, model, 0, killAfterFired: 8);
        // A surviving node, later than every lease the dead one held.
        using var storage = WorkflowStorage.Sqlite(database);
        var clock = new TestClock(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10));
        var engine = new WorkflowEngine(storage, new Handlers.ServiceTaskHandlers().Register("slow", _ => ValueTask.CompletedTask), clock);
        using var executor = new JobExecutor(engine, NullLogger<JobExecutor>.Instance);
        while (await executor.RunDueJobsAsync(CancellationToken.None) > 0)
        {
        }
        await using var db = storage.CreateContext();
        var instances = await db.Instances.AsNoTracking().Select(i => i.Id).ToListAsync();
        Assert.Equal(Instances, instances.Count);
        Assert.Equal(0, await db.Jobs.CountAsync());
        var fired = await db.Journal.AsNoTracking().Where(j => j.Type == "TimerFired").GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Instances, fired.Count);
        Assert.All(fired, count => Assert.Equal(1, count));
        Assert.Equal(Instances, await db.Tasks.CountAsync(t => t.ActivityId == "supervise"));
        Assert.Equal(0, await db.Tasks.CountAsync(t => t.ActivityId == "handle"));
        foreach (var id in instances)
        {
            var (_, verification) = await engine.ReadJournalAsync(id);
            Assert.True(verification.Intact, verification.Message);
        }
    }

    /// <summary>Runs the probe and kills it once the database shows it has fired that many timers.</summary>
    private static async Task RunAndKillAsync(string database, string model, int instances, int killAfterFired)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "Anju.Workflows.CrashProbe.dll");
        var start = new ProcessStartInfo("dotnet", [probe, database, model, instances.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var before = await FiredAsync(database);
        var fired = before;
        string? exitedEarly = null;
        try
        {
            while (fired - before < killAfterFired && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(15);
                fired = await FiredAsync(database);
            }
        }
        finally
        {
            if (process.HasExited)
            {
                exitedEarly = $"The probe exited by itself (code {process.ExitCode}). ";
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // What the probe printed last, for a failure here: its errors, or how far it got.
        var said = exitedEarly + "Its last lines: " + string.Join(" | ", output.TakeLast(8));
        Assert.True(fired - before >= killAfterFired, $"The probe fired {fired - before} timers before the deadline. {said}");
        Assert.True(fired < Instances, $"The probe finished every timer before it was killed; nothing was tested. {said}");

        void Keep(string? line)
        {
            if (line is not null)
            {
                output.Enqueue(line);
                while (output.Count > 50 && output.TryDequeue(out _))
                {
                }
            }
        }
    }

    private static async Task<int> FiredAsync(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM wf_journal WHERE \"Type\" = 'TimerFired'";
        try
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the probe has not created its tables yet
        }
    }
}
