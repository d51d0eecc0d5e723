namespace Anju.Host.Notices;

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

    /// <summary>When every registered notification channel (<c>INotificationChannel</c>) took it (SMS, WeChat); null until then.</summary>
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
