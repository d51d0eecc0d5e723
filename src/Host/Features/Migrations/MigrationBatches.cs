using System.Collections.Concurrent;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;

namespace Anju.Host.Features.Migrations;

/// <summary>One instance's outcome in a batch: migrated, or why not (a stable code and the engine's problems).</summary>
public sealed record MigrationResult(Guid InstanceId, bool Ok, string? Code, string? Detail, IReadOnlyList<MigrationProblem> Problems);

/// <summary>A batch of instances migrated under one plan, in the background; its progress and the result per instance.</summary>
public sealed class MigrationBatch
{
    private readonly List<MigrationResult> _results = [];

    public MigrationBatch(Guid id, MigrationPlan plan, IReadOnlyList<Guid> instanceIds, string reason, string startedBy, DateTimeOffset startedAt)
    {
        Id = id;
        Plan = plan;
        InstanceIds = instanceIds;
        Reason = reason;
        StartedBy = startedBy;
        StartedAt = startedAt;
    }

    public Guid Id { get; }
    public MigrationPlan Plan { get; }
    public IReadOnlyList<Guid> InstanceIds { get; }
    public string Reason { get; }
    public string StartedBy { get; }
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? EndedAt { get; private set; }
    public bool Completed => EndedAt is not null;

    /// <summary>The results so far, in the order the instances ran.</summary>
    public IReadOnlyList<MigrationResult> Results()
    {
        lock (_results)
        {
            return [.. _results];
        }
    }

    internal void Add(MigrationResult result)
    {
        lock (_results)
        {
            _results.Add(result);
        }
    }

    internal void End(DateTimeOffset at) => EndedAt = at;
}

/// <summary>
/// Runs migration batches in the background, one instance after another, each in its own command (all or nothing
/// per instance: a refused or failing instance is left as it was and the batch goes on). Batches are kept in this
/// node's memory for <see cref="KeptFor"/> (at most <see cref="MaxKept"/>); every migrated instance's journal
/// records the migration for good.
/// </summary>
public sealed partial class MigrationBatches(WorkflowEngine engine, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<MigrationBatches> logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    public const int MaxKept = 200;

    private readonly ConcurrentDictionary<Guid, MigrationBatch> _batches = new();

    public MigrationBatch? Find(Guid id) => _batches.GetValueOrDefault(id);

    /// <summary>Starts a batch and returns at once; <see cref="MigrationBatch.Completed"/> tells when it is done.</summary>
    public MigrationBatch Start(MigrationPlan plan, IReadOnlyList<Guid> instanceIds, string reason, string actor)
    {
        Forget();
        var now = time.GetUtcNow();
        var batch = new MigrationBatch(Guid.CreateVersion7(now), plan, [.. instanceIds.Distinct()], reason, actor, now);
        _batches[batch.Id] = batch;
        _ = Task.Run(() => RunAsync(batch, lifetime.ApplicationStopping), CancellationToken.None);
        return batch;
    }

    private async Task RunAsync(MigrationBatch batch, CancellationToken stopping)
    {
        LogStarted(logger, batch.Id, batch.InstanceIds.Count, batch.Plan.SourceDefinitionId, batch.Plan.TargetDefinitionId, batch.StartedBy);
        foreach (var id in batch.InstanceIds)
        {
            if (stopping.IsCancellationRequested)
            {
                batch.Add(new MigrationResult(id, false, "stopped", null, []));
                continue;
            }

            batch.Add(await MigrateOneAsync(batch, id, stopping));
        }

        batch.End(time.GetUtcNow());
        var results = batch.Results();
        var succeeded = results.Count(r => r.Ok);
        LogEnded(logger, batch.Id, succeeded, results.Count - succeeded);
    }

    private async Task<MigrationResult> MigrateOneAsync(MigrationBatch batch, Guid id, CancellationToken stopping)
    {
        try
        {
            await engine.MigrateAsync(id, batch.Plan, batch.Reason, batch.StartedBy, stopping);
            return new MigrationResult(id, true, null, null, []);
        }
        catch (MigrationRefusedException refused)
        {
            return new MigrationResult(id, false, "migrationRefused", refused.Message, refused.Problems);
        }
        catch (WorkflowException failed)
        {
            return new MigrationResult(id, false, EngineErrors.Of(failed).Code, failed.Message, []);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new MigrationResult(id, false, "stopped", null, []);
        }
#pragma warning disable CA1031 // one instance's unexpected failure must not stop the batch; it is logged and reported
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, batch.Id, id);
            return new MigrationResult(id, false, "internal", null, []);
        }
    }

    /// <summary>Drops completed batches older than <see cref="KeptFor"/>, and the oldest completed beyond <see cref="MaxKept"/>.</summary>
    private void Forget()
    {
        var now = time.GetUtcNow();
        foreach (var (id, batch) in _batches)
        {
            if (batch.EndedAt is { } ended && now - ended > KeptFor)
            {
                _batches.TryRemove(id, out _);
            }
        }

        foreach (var batch in _batches.Values.Where(b => b.Completed).OrderBy(b => b.StartedAt).Take(Math.Max(0, _batches.Count - MaxKept + 1)).ToList())
        {
            _batches.TryRemove(batch.Id, out _);
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Migration batch {BatchId}: {Count} instances from {Source} to {Target}, started by {Actor}")]
    private static partial void LogStarted(ILogger logger, Guid batchId, int count, string source, string target, string actor);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Migration batch {BatchId} done: {Succeeded} migrated, {Failed} not")]
    private static partial void LogEnded(ILogger logger, Guid batchId, int succeeded, int failed);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "Migration batch {BatchId}: instance {InstanceId} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid batchId, Guid instanceId);
}
