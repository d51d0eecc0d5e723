using Anju.Host.Notices;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// Hands stored notifications to every registered <see cref="INotificationChannel"/> (SMS, WeChat), at least once:
/// a batch is leased (<see cref="Notification.DeliveryOwner"/>, <see cref="Notification.NextDeliveryAt"/>) so two
/// Hosts do not take the same rows, marked delivered only when every channel took it, and retried with a growing
/// delay after a failure (logged, kept in <see cref="Notification.DeliveryError"/>) up to
/// <see cref="NotificationOptions.MaxAttempts"/> times. A retry hands the batch to every channel again, so a channel
/// may see a notification twice (its id tells). With no channel registered, notifications are simply marked delivered.
/// </summary>
public sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes, IEnumerable<INotificationChannel> channels, TimeProvider time, NotificationOptions options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly INotificationChannel[] _channels = [.. channels];
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Takes one batch of due notifications and hands it over; returns how many were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var max = options.MaxAttempts;
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.DeliveredAt == null && n.DeliveryAttempts < max && (n.NextDeliveryAt == null || n.NextDeliveryAt <= now))
            .OrderBy(n => n.CreatedAt).Take(options.BatchSize).Select(n => n.Id).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var leaseUntil = now + Lease;
        var owner = $"{_owner}:{Guid.NewGuid():N}"[..Math.Min(200, _owner.Length + 33)];
        await db.Notifications
            .Where(n => due.Contains(n.Id) && n.DeliveredAt == null && (n.NextDeliveryAt == null || n.NextDeliveryAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DeliveryOwner, owner).SetProperty(n => n.NextDeliveryAt, leaseUntil), cancellationToken);
        var batch = await db.Notifications
            .Where(n => due.Contains(n.Id) && n.DeliveryOwner == owner && n.DeliveredAt == null)
            .OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        string? error = null;
        foreach (var channel in _channels)
        {
            try
            {
                await channel.DeliverAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogChannelFailed(logger, ex, channel.Name, batch.Count);
                error ??= $"{channel.Name}: {ex.Message}";
            }
        }

        var finished = time.GetUtcNow().UtcDateTime;
        foreach (var notification in batch)
        {
            notification.DeliveryAttempts++;
            notification.DeliveryOwner = null;
            if (error is null)
            {
                notification.DeliveredAt = finished;
                notification.NextDeliveryAt = null;
                notification.DeliveryError = null;
            }
            else
            {
                notification.NextDeliveryAt = finished + RetryDelay(notification.DeliveryAttempts);
                notification.DeliveryError = error.Length > 1000 ? error[..1000] : error;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return error is null ? batch.Count : 0;
    }

    /// <summary>The base delay doubled per failed attempt, at most an hour.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }

            if (delivered == 0)
            {
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
    }

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Notification channel {Channel} failed to take {Count} notifications; they are retried later")]
    private static partial void LogChannelFailed(ILogger logger, Exception exception, string channel, int count);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Error, Message = "Dispatching notifications failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
