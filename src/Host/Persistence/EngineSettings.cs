using Anju.Workflows.Execution;
using Anju.Workflows.Jobs;

namespace Anju.Host.Persistence;

/// <summary>
/// The engine's settings (section <c>Anju:Engine</c>) and this node's identity (<c>Anju:NodeId</c>, else the file
/// <c>node-id</c> in the data folder, created on first start).
/// </summary>
public static partial class EngineSettings
{
    public const string Section = "Anju:Engine";

    /// <summary>The smallest budget a setting may give: below it ordinary procedures could not run.</summary>
    public const int MinBudget = 100;

    /// <summary>Reads <c>Anju:Engine:*</c>; a missing value keeps the engine's default, a wrong one stops the start with one clear line.</summary>
    public static EngineOptions Options(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new EngineOptions();
        options.MaxElementExecutionsPerCommand = Budget(section, nameof(EngineOptions.MaxElementExecutionsPerCommand), options.MaxElementExecutionsPerCommand);
        options.MaxTokensPerCommand = Budget(section, nameof(EngineOptions.MaxTokensPerCommand), options.MaxTokensPerCommand);
        options.MaxTasksPerCommand = Budget(section, nameof(EngineOptions.MaxTasksPerCommand), options.MaxTasksPerCommand);
        options.DefaultRetries = Range(section, nameof(EngineOptions.DefaultRetries), options.DefaultRetries, 1, 100);
        options.JobLease = TimeSpan.FromSeconds(Range(section, "JobLeaseSeconds", (int)options.JobLease.TotalSeconds, 10, 86_400));
        if (section[nameof(EngineOptions.MinimumTimerCycle)] is { Length: > 0 } cycle)
        {
            options.MinimumTimerCycle = TimeSpan.TryParse(cycle, System.Globalization.CultureInfo.InvariantCulture, out var minimum) && minimum > TimeSpan.Zero && minimum <= TimeSpan.FromDays(1)
                ? minimum
                : throw new InvalidOperationException($"{Section}:{nameof(EngineOptions.MinimumTimerCycle)} is '{cycle}': it must be a time span from 00:00:00.001 to 1.00:00:00 (hh:mm:ss).");
        }

        return options;
    }

    private static int Budget(IConfigurationSection section, string name, int fallback) =>
        Range(section, name, fallback, MinBudget, int.MaxValue);

    private static int Range(IConfigurationSection section, string name, int fallback, int min, int max)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{Section}:{name} is '{text}': it must be a whole number from {min} to {max}.");
    }

    /// <summary>
    /// This node's identity: <c>Anju:NodeId</c> when set (each node of a cluster needs its own), else the id kept in
    /// <c>node-id</c> in the data folder. <c>node-id.lock</c> beside it stays locked while the Host runs, so that a second
    /// Host started on the same data folder does not take the same id (and with it the first one's leases): it runs with an
    /// id of its own.
    /// </summary>
    public static NodeIdentity Node(IConfiguration configuration, string dataDirectory, ILogger logger)
    {
        if (configuration["Anju:NodeId"] is { Length: > 0 } configured)
        {
            return NodeIdentity.IsValidNodeId(configured)
                ? new NodeIdentity(configured)
                : throw new InvalidOperationException($"Anju:NodeId is '{configured}': use 1–64 letters, digits, '.', '_' or '-'.");
        }

        var path = System.IO.Path.Combine(dataDirectory, "node-id");
        FileStream held;
        try
        {
            held = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var ephemeral = NodeIdentity.Ephemeral();
            LogNodeIdFileInUse(logger, path, ephemeral.NodeId);
            return ephemeral;
        }

        HeldFiles.Add(held); // locked until the process ends
        var stored = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        if (!NodeIdentity.IsValidNodeId(stored))
        {
            stored = "node-" + Guid.NewGuid().ToString("N")[..12];
            File.WriteAllText(path, stored);
        }

        return new NodeIdentity(stored);
    }

    private static readonly List<FileStream> HeldFiles = [];

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "The node id file {Path} is held by another process on this data folder; this Host runs as node {NodeId} for now")]
    private static partial void LogNodeIdFileInUse(ILogger logger, string path, string nodeId);
}
