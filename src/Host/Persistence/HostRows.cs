using Microsoft.AspNetCore.Identity;

namespace Anju.Host.Persistence;

/// <summary>A user of Anju: an official, a firm's staff member, an owner or an administrator.</summary>
public sealed class AnjuUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For role department: which department (org.json id); its tasks go to the group dept:&lt;id&gt;.</summary>
    public string? DepartmentId { get; set; }

    /// <summary>The jurisdiction paths the user acts in (city → town/street/zone → community → compound).</summary>
    public List<UserJurisdiction> Jurisdictions { get; set; } = [];
}

public sealed class UserJurisdiction
{
    public required string UserId { get; set; }
    public required string Path { get; set; }
}

/// <summary>A node of the city's tree, addressed by its path ("jiangyin/chengjiang/huangshan").</summary>
public sealed class JurisdictionNode
{
    public required string Path { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>city, street, town, zone, community or compound.</summary>
    public required string Kind { get; set; }

    public string? ParentPath { get; set; }
}

/// <summary>The stored answer to a state-changing request, so that a retried request gets it again.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string UserName { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class TaskComment
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstanceId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StoredName { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
