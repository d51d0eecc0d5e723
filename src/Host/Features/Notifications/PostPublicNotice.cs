using Anju.Host.Notices;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// <c>postPublicNotice</c>: posts a notice (公示) in the instance's compound for <c>days</c> calendar days and tells the
/// owners at or below that place (<see cref="OwnerNotifications"/>), in the engine command's transaction.
/// </summary>
public sealed class PostPublicNotice : IServiceTaskHandler
{
    public const string Name = "postPublicNotice";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var days = context.Number("days");
        if (days is <= 0 or > 366)
        {
            throw new InvalidOperationException($"Service task '{context.ActivityId}': days must be between 1 and 366, not {days}.");
        }

        var now = context.Now.UtcDateTime;
        var notice = new PublicNotice
        {
            Id = Guid.CreateVersion7(context.Now),
            Jurisdiction = context.Jurisdiction ?? Jurisdictions.Jurisdiction.City,
            Title = context.RequiredText("title"),
            Body = context.Text("body"),
            InstanceId = context.InstanceId,
            DefinitionKey = context.DefinitionKey,
            PostedAt = now,
            Until = now.AddDays((double)days),
        };
        await using var db = await context.HostDbAsync(cancellationToken);
        db.Set<PublicNotice>().Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        await OwnerNotifications.ToOwnersWithinAsync(
            db, notice.Jurisdiction, OwnerNotifications.NoticePosted, $"公示：{notice.Title}",
            $"公示至 {OwnerNotifications.BeijingTime(notice.Until)}。{notice.Body}", context.InstanceId, now, cancellationToken);
        context.SetVariable("noticeId", notice.Id.ToString());
        context.SetVariable("noticeUntil", new DateTimeOffset(notice.Until, TimeSpan.Zero).ToString("O"));
    }
}
