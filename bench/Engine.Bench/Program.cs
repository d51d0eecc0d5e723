using System.Diagnostics;
using Anju.Bench;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Jobs;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Engine throughput and memory. Not a test: it prints figures for the README.
//   dotnet run -c Release --project bench/Engine.Bench -- [--store sqlite|postgres|memory] [--conn "..."] [--count N]
//       [--scenarios a,b,c] [--threads 1,2] [--memory N] [--warmup N]
// --warmup: instances per scenario and thread count run first and not measured (JIT tiering, pools, caches).
var options = BenchOptions.Parse(args);
Console.WriteLine($"Anju engine benchmark — store {options.Store}, {options.Count} instances per run after {options.Warmup} per scenario and thread count as warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| scenario | client threads | completed instances | seconds | instances/s | CPU per instance (ms, all threads) | JIT compiling meanwhile (s, all threads) |");
Console.WriteLine("|---|---|---|---|---|---|---|");

// Warm-up (JIT, connection pools), not measured.
await using (var warm = await BenchStore.CreateAsync(options))
{
    foreach (var scenario in options.Scenarios)
    {
        foreach (var threads in options.Threads.Distinct())
        {
            await Scenarios.RunAsync(warm, scenario, options.Warmup, threads);
        }
    }
}

foreach (var scenario in options.Scenarios)
{
    foreach (var threads in options.Threads)
    {
        await using var run = await BenchStore.CreateAsync(options);
        await SettleJitAsync();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await Scenarios.RunAsync(run, scenario, options.Count, threads);
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"| {Scenarios.Describe(scenario)} | {threads} | {result.Completed} | {result.Seconds:F2} | {result.Completed / result.Seconds:F0} | {cpu.TotalMilliseconds / result.Completed:F2} | {jit.TotalSeconds:F2} |");
    }
}

if (options.Memory > 0)
{
    Console.WriteLine();
    await using var run = await BenchStore.CreateAsync(options);
    var (seconds, peakMb, heapMb) = await Scenarios.WaitingInstancesAsync(run, options.Memory);
    Console.WriteLine($"{options.Memory} instances waiting at a user task: started in {seconds:F1} s; peak working set {peakMb:F0} MB; managed heap after GC {heapMb:F0} MB");
}

// Creating a store (migrations, deployment) runs code that the runtime then recompiles in the background for a
// few seconds (tiered compilation): about 2,200 methods and 0.7–2 s of compile time, which fell inside the
// measured run and took a core from it. A server pays that once at start-up, not per command, so each run starts
// when no method has been compiled for a second (at most 20 s).
static async Task SettleJitAsync()
{
    var quietSince = Stopwatch.StartNew();
    var total = Stopwatch.StartNew();
    var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
    while (quietSince.Elapsed < TimeSpan.FromSeconds(1) && total.Elapsed < TimeSpan.FromSeconds(20))
    {
        await Task.Delay(100);
        var now = System.Runtime.JitInfo.GetCompiledMethodCount();
        if (now != compiled)
        {
            compiled = now;
            quietSince.Restart();
        }
    }
}
