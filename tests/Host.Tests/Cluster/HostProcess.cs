using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Anju.Testing;

namespace Anju.Host.Tests.Cluster;

/// <summary>
/// A real Host started as its own process (<c>dotnet Anju.Host.dll</c>) from the test's output folder, where
/// the project reference puts the Host, its appsettings and Reference/org.json. It listens on a free local
/// port, keeps its own data folder, and stores everything in the PostgreSQL database it is given.
/// Its output is kept (the last lines) to explain a failure.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    /// <summary>
    /// How long a real Host process may take to become ready: a bound for a hung start, generous because a busy
    /// CI machine (two cores, other test processes) has been seen needing over a minute. Not a performance figure.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly TemporaryFolder? _ownedDataFolder;

    private HostProcess(string name, Process process, Uri address, string dataFolder, TemporaryFolder? ownedDataFolder)
    {
        Name = name;
        _process = process;
        Address = address;
        DataFolder = dataFolder;
        _ownedDataFolder = ownedDataFolder;
    }

    /// <summary>The process has ended (killed, crashed or exited).</summary>
    public bool HasExited => _process.HasExited;

    public string Name { get; }

    public Uri Address { get; }

    public string DataFolder { get; }

    /// <summary>
    /// Starts a Host on the database; <paramref name="settings"/> are extra configuration (environment variables, "__"
    /// for ":"). With <paramref name="dataFolder"/> it uses that folder (a restart of an earlier Host), which it leaves in place.
    /// </summary>
    public static HostProcess Start(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null, string? dataFolder = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Anju.Host.dll");
        Assert.True(File.Exists(assembly), $"The Host is not next to the test assembly: {assembly}");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Reference", "org.json")), "Reference/org.json is not next to the Host");

        var ownedDataFolder = dataFolder is null ? TemporaryFolder.Create("cluster-tests") : null;
        dataFolder ??= ownedDataFolder!.Path;
        Directory.CreateDirectory(dataFolder);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json) is the working directory.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Anju__DataDirectory"] = dataFolder;
        start.Environment["Anju__SeedDemoData"] = "true";
        start.Environment["Anju__Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Anju"] = connectionString;
        foreach (var (setting, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[setting] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(name, process, address, dataFolder, ownedDataFolder);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        Assert.True(process.Start(), $"Host {name} did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until GET /health/ready answers 200 (migrations applied, database reachable).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"Host {Name} exited with code {_process.ExitCode} before it was ready.\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start-up (migrations).
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Host {Name} was not ready within {timeout.TotalSeconds} s.\n{Output()}");
    }

    /// <summary>A client of this Host signed in as a demo account (each Host issues its own tokens).</summary>
    public async Task<HttpClient> ClientAsync(string username, string password)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        Assert.True(response.IsSuccessStatusCode, $"Login of {username} on host {Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["token"]!.GetValue<string>());
        return client;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flush, as a crash or kill -9 would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits until the process has ended; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the Host has written a line containing <paramref name="fragment"/>.</summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(line => line.Contains(fragment, StringComparison.Ordinal)))
            {
                return;
            }

            Assert.False(_process.HasExited, $"Host {Name} exited with code {(_process.HasExited ? _process.ExitCode : 0)}.\n{Output()}");
            await Task.Delay(100);
        }

        Assert.Fail($"Host {Name} did not write \"{fragment}\" within {timeout.TotalSeconds} s.\n{Output()}");
    }

    /// <summary>The last lines the Host wrote (stdout and stderr).</summary>
    public string Output() => $"--- host {Name} ({Address}) ---\n" + string.Join('\n', _output);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (OperationCanceledException)
        {
            // Did not exit within the wait: the OS reaps it.
        }
        finally
        {
            _process.Dispose();
        }

        _ownedDataFolder?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
