using Anju.Host.Identity;
using Anju.Host.Persistence;

namespace Anju.Host.Notices;

/// <summary>
/// Tells every administrator (in-app notification, kind <see cref="Kind"/>) that a filing stopped at an incident the
/// moment it was started, so that someone repairs it while the filer is told it did not go through.
/// </summary>
public static class IncidentAlerts
{
    public const string Kind = "incident";

    public static async Task NotifyStartIncidentAsync(
        HostDbContext db, TimeProvider time, Workflows.InstanceView instance, string? definitionName, string startedBy, string message, CancellationToken cancellationToken)
    {
        var administrators = await Recipients.OfGroupAsync(db, Roles.Admin, null, cancellationToken);
        var now = time.GetUtcNow();
        var procedure = definitionName ?? instance.DefinitionKey;
        var body = $"{message}（发起人：{startedBy}{((instance.CaseNumber ?? instance.BusinessKey) is { } key ? $"，受理编号：{key}" : "")}）";
        db.Notifications.AddRange(administrators.Select(username => new Notification
        {
            Id = Guid.CreateVersion7(now),
            Username = username,
            Kind = Kind,
            Title = $"新提交的“{procedure}”案件出错，未能受理",
            Body = body.Length > 1000 ? body[..1000] : body,
            InstanceId = instance.Id,
            CreatedAt = now.UtcDateTime,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
