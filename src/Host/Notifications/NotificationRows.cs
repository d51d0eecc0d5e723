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
