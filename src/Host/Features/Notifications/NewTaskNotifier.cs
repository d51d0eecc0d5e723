using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// Tells people about new tasks (新任务): the assignee, the candidate users, and every holder of a candidate group
/// whose jurisdiction covers the task's. It looks at the engine's open tasks created since its watermark (kept in
/// host_watermarks, so a restart does not start over) minus <see cref="Lookback"/> (a task whose command committed
/// late is still seen); a unique index on (user, task, kind) and insert-if-absent make a task notified once per
/// person, however often it is looked at and however many Hosts watch. A task completed before the watcher looked
/// is not announced.
/// </summary>
public sealed partial class NewTaskNotifier(
    IServiceScopeFactory scopes, WorkflowStorage storage, TimeProvider time, NotificationOptions options, ILogger<NewTaskNotifier> logger)
    : BackgroundService
{
    public const string WatermarkName = "new-tasks";
    public const string Kind = "new-task";

    public static readonly TimeSpan Lookback = TimeSpan.FromMinutes(2);

    /// <summary>Tasks handled per round trip: bounds memory and the SQL parameters of one query.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// The tasks this Host has already announced inside the look-back window (task id → created at), so that each
    /// pass does not insert again what the unique index would refuse. Another Host, or this one after a restart,
    /// has its own; the index keeps that correct.
    /// </summary>
    private readonly Dictionary<Guid, DateTime> _announced = [];
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Looks once: notifies about tasks created since the watermark; returns how many notifications were added.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            return await LookAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<int> LookAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var watermark = await db.Set<Watermark>().AsNoTracking().FirstOrDefaultAsync(w => w.Name == WatermarkName, cancellationToken);
        if (watermark is null)
        {
            // First run on this database: tasks already open are not announced again.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO host_watermarks ("Name", "Value") VALUES ({WatermarkName}, {now - Lookback}) ON CONFLICT DO NOTHING""", cancellationToken);
            watermark = await db.Set<Watermark>().AsNoTracking().FirstAsync(w => w.Name == WatermarkName, cancellationToken);
        }

        var since = DateTime.SpecifyKind(watermark.Value, DateTimeKind.Utc) - Lookback;
        foreach (var old in _announced.Where(a => a.Value < since).Select(a => a.Key).ToList())
        {
            _announced.Remove(old);
        }

        // Ids and times only, oldest first; whole rows are read a batch at a time. A burst (an import, a Host that
        // was down for a while) is worked through in pieces, each committed with its watermark, and never as one
        // query with a parameter per task (SQLite allows 32,766).
        List<(Guid Id, DateTime CreatedAt)> pending;
        await using (var engine = storage.CreateContext())
        {
            pending = [.. (await engine.Tasks.AsNoTracking().Where(t => t.CreatedAt >= since)
                    .Select(t => new { t.Id, t.CreatedAt }).ToListAsync(cancellationToken))
                .Where(t => !_announced.ContainsKey(t.Id))
                .OrderBy(t => t.CreatedAt)
                .Select(t => (t.Id, t.CreatedAt))];
        }

        var groupHolders = new Dictionary<(string Group, string? Jurisdiction), List<string>>();
        var added = 0;
        foreach (var batch in pending.Chunk(BatchSize))
        {
            added += await AnnounceAsync(db, [.. batch.Select(t => t.Id)], groupHolders, now, cancellationToken);
            foreach (var (id, createdAt) in batch)
            {
                _announced[id] = createdAt;
            }
        }

        if (added > 0)
        {
            LogNotified(logger, added, pending.Count);
        }

        return added;
    }

    /// <summary>Announces one batch of tasks in one transaction and moves the watermark to its newest task.</summary>
    private async Task<int> AnnounceAsync(
        HostDbContext db, List<Guid> ids, Dictionary<(string Group, string? Jurisdiction), List<string>> groupHolders, DateTime now, CancellationToken cancellationToken)
    {
        List<TaskRow> tasks;
        List<TaskCandidateRow> candidates;
        Dictionary<Guid, (string? Number, string? Summary)> cases;
        Dictionary<string, string?> procedures;
        await using (var engine = storage.CreateContext())
        {
            // Still open: a task completed meanwhile is not announced.
            tasks = await engine.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
            candidates = await engine.TaskCandidates.AsNoTracking().Where(c => ids.Contains(c.TaskId)).ToListAsync(cancellationToken);

            // The message names the case as people know it: procedure, case number, one line about the case.
            var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
            cases = (await engine.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
                    .Select(i => new { i.Id, i.CaseNumber, i.CaseSummary }).ToListAsync(cancellationToken))
                .ToDictionary(i => i.Id, i => (i.CaseNumber, i.CaseSummary));
            var definitionIds = tasks.Select(t => t.DefinitionId).Distinct().ToList();
            procedures = await engine.Definitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id))
                .Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        }

        if (tasks.Count == 0)
        {
            return 0;
        }

        var byTask = candidates.ToLookup(c => c.TaskId);
        var added = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var task in tasks)
        {
            var recipients = new SortedSet<string>(StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(task.Assignee))
            {
                recipients.Add(task.Assignee);
            }

            foreach (var candidate in byTask[task.Id])
            {
                if (candidate.Kind == 'u')
                {
                    recipients.Add(candidate.Value);
                }
                else if (candidate.Kind == 'g')
                {
                    if (!groupHolders.TryGetValue((candidate.Value, task.Jurisdiction), out var holders))
                    {
                        holders = await Recipients.OfGroupAsync(db, candidate.Value, task.Jurisdiction, cancellationToken);
                        groupHolders[(candidate.Value, task.Jurisdiction)] = holders;
                    }

                    recipients.UnionWith(holders);
                }
            }

            var title = $"新任务：{task.Name ?? task.ActivityId}";
            var body = Body(task, cases.GetValueOrDefault(task.InstanceId), procedures.GetValueOrDefault(task.DefinitionId));
            foreach (var username in recipients)
            {
                added += await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO host_notifications ("Id", "Username", "Kind", "Title", "Body", "InstanceId", "TaskId", "CreatedAt", "DeliveryAttempts")
                    VALUES ({Guid.CreateVersion7(time.GetUtcNow())}, {username}, {Kind}, {title}, {body}, {task.InstanceId}, {task.Id}, {now}, {0})
                    ON CONFLICT DO NOTHING
                    """, cancellationToken);
            }
        }

        var latest = DateTime.SpecifyKind(tasks[^1].CreatedAt, DateTimeKind.Utc);
        await db.Set<Watermark>().Where(w => w.Name == WatermarkName && w.Value < latest)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Value, latest), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>"投诉处理 · TS-2026-000123 · 滨江花园 · 5幢电梯门关不上": the procedure's name (its key when unnamed), the case
    /// number (or the business key of a case from before case numbers), and the case's one-line summary.</summary>
    internal static string Body(TaskRow task, (string? Number, string? Summary) @case, string? procedure)
    {
        var parts = new List<string>(3) { string.IsNullOrWhiteSpace(procedure) ? task.DefinitionKey : procedure };
        if ((@case.Number ?? task.BusinessKey) is { Length: > 0 } number)
        {
            parts.Add(number);
        }

        if (@case.Summary is { Length: > 0 } summary)
        {
            parts.Add(summary);
        }

        return string.Join(" · ", parts);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 5113, Level = LogLevel.Information, Message = "Added {Count} new-task notifications for {Tasks} recent tasks")]
    private static partial void LogNotified(ILogger logger, int count, int tasks);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Error, Message = "Looking for new tasks to notify failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
