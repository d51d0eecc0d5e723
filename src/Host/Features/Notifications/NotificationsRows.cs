namespace Anju.Host.Features.Notifications;

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
