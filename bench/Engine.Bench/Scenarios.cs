using System.Diagnostics;
using Anju.Workflows;
using Anju.Workflows.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anju.Bench;

internal static class Scenarios
{
    public static string Describe(string scenario) => scenario switch
    {
        "a" => "(a) start → user task → user task → end",
        "b" => "(b) exclusive gateway + parallel fork/join of two user tasks",
        _ => "(c) user task whose timer boundary event fires",
    };

    public static async Task<(int Completed, double Seconds)> RunAsync(BenchStore store, string scenario, int count, int threads)
    {
        var engine = store.Engine;
        var perThread = count / threads;
        var watch = Stopwatch.StartNew();
        if (scenario == "c")
        {
            await Parallel.ForAsync(0, threads, async (_, ct) =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    await engine.StartAsync(new StartInstance { DefinitionKey = "bench-c" }, ct);
                }
            });
            store.Clock.Advance(TimeSpan.FromHours(2));
            await Parallel.ForAsync(0, threads, async (_, ct) =>
            {
                using var executor = new JobExecutor(engine, NullLogger<JobExecutor>.Instance) { BatchSize = 50 };
                while (await executor.RunDueJobsAsync(ct) > 0)
                {
                }
            });
        }
        else
        {
            var key = scenario == "a" ? "bench-a" : "bench-b";
            await Parallel.ForAsync(0, threads, async (_, ct) =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    var started = await engine.StartAsync(new StartInstance { DefinitionKey = key, Variables = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["amount"] = 100 } }, ct);
                    var view = started;
                    while (view.OpenTasks.Count > 0)
                    {
                        foreach (var task in view.OpenTasks)
                        {
                            view = await engine.CompleteTaskAsync(task.Id, null, "bench", ct);
                        }
                    }
                }
            });
        }

        watch.Stop();
        if (store.Memory is not null)
        {
            return (store.Memory.Rows<Anju.Workflows.Persistence.InstanceRow>().Count(i => i.Status == "completed"), watch.Elapsed.TotalSeconds);
        }

        await using var db = store.Storage!.CreateContext();
        var completed = await db.Instances.CountAsync(i => i.Status == "completed");
        return (completed, watch.Elapsed.TotalSeconds);
    }

    public static async Task<(double Seconds, double PeakMb, double HeapMb)> WaitingInstancesAsync(BenchStore store, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await store.Engine.StartAsync(new StartInstance { DefinitionKey = "bench-a", Jurisdiction = $"town-{i % 18}" });
        }

        watch.Stop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, process.PeakWorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
    }
}
