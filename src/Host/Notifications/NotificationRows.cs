namespace Anju.Host.Notifications;

/// <summary>One message in a user's in-app notification list (消息).</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public required string Username { get; set; }

    /// <summary>new-task, reminder (催办), escalation (督办), result, info.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }
    public string? Body { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>When every registered <see cref="INotificationChannel"/> took it (SMS, WeChat); null until then.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>Hand-overs to the channels tried so far (failed ones are retried with a growing delay).</summary>
    public int DeliveryAttempts { get; set; }

    /// <summary>Not before this time is the next hand-over tried; a dispatcher holding it leases it until then.</summary>
    public DateTime? NextDeliveryAt { get; set; }

    /// <summary>The dispatcher that holds the lease (host and process), so two hosts do not hand it over at once.</summary>
    public string? DeliveryOwner { get; set; }

    /// <summary>The last failure, for administrators.</summary>
    public string? DeliveryError { get; set; }
}

/// <summary>
/// How far a background watcher has looked, by name (e.g. the new-task watcher's latest task creation time), so
/// that a restarted Host does not start from the beginning.
/// </summary>
public sealed class Watermark
{
    public required string Name { get; set; }
    public DateTime Value { get; set; }
}

/// <summary>A public notice posted in a compound (公示): a repair plan, a member list, a result.</summary>
public sealed class PublicNotice
{
    public Guid Id { get; set; }
    public required string Jurisdiction { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public Guid? InstanceId { get; set; }
    public string? DefinitionKey { get; set; }
    public DateTime PostedAt { get; set; }
    public DateTime Until { get; set; }
}
