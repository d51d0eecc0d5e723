using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Testing;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Persistence;

// The Host under load, over HTTP: inbox latency with many open tasks, and instances completed per second.
//   dotnet run -c Release --project bench/Api.Bench -- [--store sqlite|postgres] [--conn "Host=…"] [--tasks 100000]
//       [--requests 2000] [--concurrency 4] [--instance-concurrency 4,8] [--instances 1000] [--warmup 2000] [--keep] [--data DIR]
// It seeds open tasks with the engine straight into a fresh SQLite data folder or PostgreSQL database (18 towns),
// then starts the real Host (src/Host, Release build) on it and measures with its own HTTP client. --keep keeps
// the folder (and database); --data DIR reuses a kept SQLite folder without seeding again. Each measurement
// follows a warm-up at the same load (--warmup requests; a quarter as many instances).
string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var tasks = int.Parse(Arg("--tasks", "100000"));
var requests = int.Parse(Arg("--requests", "2000"));
var concurrency = int.Parse(Arg("--concurrency", "4"));
// Clients for the instance throughput, each figure after its own warm-up: 4 leaves the two cores partly idle
// (each client waits for its answers), 8 keeps them busy.
var instanceConcurrency = Arg("--instance-concurrency", "4,8").Split(',').Select(int.Parse).ToArray();
var instances = int.Parse(Arg("--instances", "1000"));
var warmup = int.Parse(Arg("--warmup", "2000"));
var keep = args.Contains("--keep");
var store = Arg("--store", "sqlite");
var reuse = Arg("--data", "");
var root = Repository.Root;
// The folder and database are Anju.Testing's throwaway kind, disposed at the end unless kept.
var folder = reuse.Length > 0 ? null : TemporaryFolder.Create("api-bench");
var data = folder?.Path ?? reuse;
Directory.CreateDirectory(data);
ThrowawayPostgresDatabase? database = null;
string? connection = null;
if (store == "postgres")
{
    var server = Arg("--conn", Environment.GetEnvironmentVariable("ANJU_TEST_POSTGRES") ?? throw new InvalidOperationException("--conn or ANJU_TEST_POSTGRES is needed for PostgreSQL."));
    database = await ThrowawayPostgresDatabase.CreateAsync("api_bench", server);
    connection = database.ConnectionStringWithPool(50);
}
else if (store != "sqlite")
{
    throw new InvalidOperationException("--store is sqlite or postgres.");
}
string[] towns = ["chengjiang", "nanzha", "yunting", "xiagang", "shengang", "ligang", "huangtu", "yuecheng", "qingyang", "xuxiake", "huashi", "zhouzhuang", "xinqiao", "changjing", "gushan", "zhutang", "gaoxin", "lingang"];

var seedWatch = Stopwatch.StartNew();
if (reuse.Length > 0 && File.Exists(Path.Combine(data, "anju.db")))
{
    Console.WriteLine($"Reusing {data} (seeded before).");
}
else
{
    Console.WriteLine($"Seeding {tasks} open tasks across {towns.Length} towns into {(database is null ? data : "PostgreSQL database " + database.Name)} ...");
    using var storage = connection is null ? WorkflowStorage.Sqlite(Path.Combine(data, "anju.db")) : WorkflowStorage.Postgres(connection);
    await storage.MigrateAsync();
    var engine = new WorkflowEngine(storage);
    var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("inbox.bpmn", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "inbox.bpmn")))] });
    if (!deployed.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", deployed.Problems.Select(p => p.Message)));
    }

    await Parallel.ForAsync(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
        await engine.StartAsync(new StartInstance { DefinitionKey = "bench-inbox", BusinessKey = $"B-{i}", Jurisdiction = $"jiangyin/{towns[i % towns.Length]}" }, ct));
    Console.WriteLine($"Seeded in {seedWatch.Elapsed.TotalSeconds:F0} s.");
}

Console.WriteLine("Starting the Host ...");
var port = 5600 + Random.Shared.Next(300);
var hostDll = Path.Combine(root, "src", "Host", "bin", "Release", "net10.0", "Anju.Host.dll");
var start = new ProcessStartInfo("dotnet", [hostDll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(hostDll)! };
start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
// Development: the demo accounts (published password) are refused in any other environment (Seeding/DemoPasswordGuard.cs).
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
start.Environment["Anju__DataDirectory"] = data;
start.Environment["Anju__SeedDemoData"] = "true";
start.Environment["Anju__KeyProtection__AllowUnprotected"] = "true"; // a throw-away data folder
if (connection is not null)
{
    start.Environment["Anju__Database__Provider"] = "Postgres";
    start.Environment["ConnectionStrings__Anju"] = connection;
}

start.Environment["Logging__LogLevel__Default"] = "Warning";
using var host = Process.Start(start)!;
host.OutputDataReceived += (_, _) => { };
host.ErrorDataReceived += (_, _) => { };
host.BeginOutputReadLine();
host.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    var ready = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                break;
            }
        }
        catch (HttpRequestException)
        {
        }

        if (ready.Elapsed > TimeSpan.FromMinutes(3))
        {
            throw new TimeoutException("The Host did not become ready.");
        }

        await Task.Delay(250);
    }

    foreach (var user in new[] { "street.chengjiang", "admin" })
    {
        var client = await LoginAsync(port, user);
        var latencies = new List<double>(requests);
        var gate = new object();
        // Warm-up at the same load, so that the figures are the steady state of a long-running server and not
        // .NET's start-up (tiered compilation recompiles hot methods during the first tens of seconds).
        await Parallel.ForAsync(0, warmup, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            (await client.GetAsync($"/api/tasks?page={1 + (i % 5)}&pageSize=20", ct)).EnsureSuccessStatusCode());

        var total = Stopwatch.StartNew();
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var page = 1 + (i % 5);
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync($"/api/tasks?page={page}&pageSize=20", ct);
            watch.Stop();
            response.EnsureSuccessStatusCode();
            lock (gate)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        });
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine($"inbox as {user}: {requests} requests, concurrency {concurrency}: p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, {requests / total.Elapsed.TotalSeconds:F0} req/s");
    }

    // Completed instances per second through HTTP: start, then complete both user tasks, as the admin.
    var admin = await LoginAsync(port, "admin");
    long startTicks = 0, listTicks = 0, completeTicks = 0;
    async Task<int> RunInstancesAsync(int count, string prefix, int clients)
    {
        var done = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
        {
            var watch = Stopwatch.StartNew();
            var started = await admin.PostAsJsonAsync("/api/definitions/bench-inbox/instances", new { jurisdiction = "jiangyin/chengjiang", businessKey = $"{prefix}-{i}" }, ct);
            started.EnsureSuccessStatusCode();
            var view = (await started.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            Interlocked.Add(ref startTicks, watch.ElapsedTicks);
            var id = view["id"]!.GetValue<string>();
            for (var step = 0; step < 2; step++)
            {
                watch.Restart();
                var list = (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}", ct))!;
                Interlocked.Add(ref listTicks, watch.ElapsedTicks);
                var task = list["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
                watch.Restart();
                (await admin.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } }, ct)).EnsureSuccessStatusCode();
                Interlocked.Add(ref completeTicks, watch.ElapsedTicks);
            }

            Interlocked.Increment(ref done);
        });
        return done;
    }

    foreach (var clients in instanceConcurrency)
    {
        await RunInstancesAsync(Math.Min(instances, warmup / 4), $"W{clients}", clients);
        (startTicks, listTicks, completeTicks) = (0, 0, 0);
        var cpuBefore = CpuNow(host);
        var run = Stopwatch.StartNew();
        var completed = await RunInstancesAsync(instances, $"H{clients}", clients);
        var cpu = CpuNow(host) - cpuBefore;
        Console.WriteLine($"HTTP: {completed} instances (start + 2 task completions + 2 inbox reads each) in {run.Elapsed.TotalSeconds:F1} s = {completed / run.Elapsed.TotalSeconds:F0} completed instances/s (concurrency {clients})");
        double Mean(long ticks, int count) => count == 0 ? 0 : ticks * 1000.0 / Stopwatch.Frequency / count;
        Console.WriteLine($"  mean latency: start {Mean(startTicks, completed):F1} ms, inbox read {Mean(listTicks, 2 * completed):F1} ms, complete {Mean(completeTicks, 2 * completed):F1} ms");
        Console.WriteLine($"  CPU per completed instance: Host {cpu.Host / completed:F2} ms, PostgreSQL server {cpu.Postgres / completed:F2} ms, load client {cpu.Client / completed:F2} ms (steadier than the rate when the machine is noisy)");
    }
}
finally
{
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    if (keep || reuse.Length > 0)
    {
        Console.WriteLine($"kept {data}{(database is null ? "" : " and database " + database.Name)}");
    }
    else
    {
        folder?.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

// CPU milliseconds used so far by the Host, by every PostgreSQL server process (0 on SQLite, which runs inside
// the Host) and by this load client. Read from /proc: the rate of a run on a shared 2-core machine varies with
// steal time, the CPU each instance costs much less.
static CpuSample CpuNow(Process host)
{
    host.Refresh();
    double postgres = 0;
    foreach (var directory in Directory.EnumerateDirectories("/proc"))
    {
        if (!int.TryParse(Path.GetFileName(directory), out _))
        {
            continue;
        }

        string stat;
        try
        {
            stat = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (IOException)
        {
            continue; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            continue;
        }

        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
        {
            continue;
        }

        // After "(comm) ": state is field 3, utime and stime fields 14 and 15, in clock ticks (100 per second on Linux).
        var fields = stat[(close + 2)..].Split(' ');
        postgres += (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    return new CpuSample(host.TotalProcessorTime.TotalMilliseconds, postgres, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
}

static async Task<HttpClient> LoginAsync(int port, string user)
{
    var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = "Anju@2026" });
    response.EnsureSuccessStatusCode();
    var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return client;
}

internal readonly record struct CpuSample(double Host, double Postgres, double Client)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Host - b.Host, a.Postgres - b.Postgres, a.Client - b.Client);
}
