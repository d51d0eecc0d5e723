using Anju.Host.Identity;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// The caller's own in-app messages (消息): GET /api/notifications?unread=&amp;page=&amp;pageSize= (newest first),
/// GET /api/notifications/unread-count, POST /api/notifications/{id}/read and POST /api/notifications/read-all.
/// Someone else's notification does not exist (404).
/// </summary>
public static class MyNotifications
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// One message; <c>BallotId</c> is the ballot a ballot or ballot-result message is about (the instance's ballot
    /// opened last before the message), so the console can link to it.
    /// </summary>
    public sealed record View(
        Guid Id, string Kind, string Title, string? Body, Guid? InstanceId, Guid? TaskId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
        Guid? BallotId = null)
    {
        public static View Of(Notification n, Guid? ballotId = null) =>
            new(n.Id, n.Kind, n.Title, n.Body, n.InstanceId, n.TaskId, Utc(n.CreatedAt), n.ReadAt is { } read ? Utc(read) : null, ballotId);
    }

    public sealed record Response(IReadOnlyList<View> Items, int Total, int Unread, int Page, int PageSize);

    public sealed record Count(int Unread);

    public sealed record ReadAll(int Marked);

    public static async Task<Response> List(HttpContext context, HostDbContext db, IBallotLinks links, bool? unread = null, int? page = null, int? pageSize = null)
    {
        var username = CurrentUser.From(context).Username;
        var mine = db.Notifications.AsNoTracking().Where(n => n.Username == username);
        var query = unread == true ? mine.Where(n => n.ReadAt == null) : unread == false ? mine.Where(n => n.ReadAt != null) : mine;
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync();
        var unreadCount = await mine.CountAsync(n => n.ReadAt == null);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((number - 1) * size).Take(size).ToListAsync();
        var ballots = await BallotsAsync(db, links, items);
        return new Response([.. items.Select(n => View.Of(n, BallotOf(n, ballots)))], total, unreadCount, number, size);
    }

    /// <summary>The ballots of the instances that ballot messages on this page are about (one page: at most 100 ids).</summary>
    private static async Task<ILookup<Guid, (Guid Id, DateTime OpensAt)>> BallotsAsync(HostDbContext db, IBallotLinks links, List<Notification> items)
    {
        var instances = items.Where(n => n.Kind is OwnerNotifications.BallotOpened or OwnerNotifications.BallotResult && n.InstanceId is not null)
            .Select(n => n.InstanceId!.Value).Distinct().ToList();
        return instances.Count > 0
            ? await links.BallotsOfAsync(db, instances, CancellationToken.None)
            : Array.Empty<(Guid InstanceId, Guid Id, DateTime OpensAt)>().ToLookup(b => b.InstanceId, b => (b.Id, b.OpensAt));
    }

    private static Guid? BallotOf(Notification n, ILookup<Guid, (Guid Id, DateTime OpensAt)> ballots) =>
        n.Kind is OwnerNotifications.BallotOpened or OwnerNotifications.BallotResult && n.InstanceId is { } instance
            ? ballots[instance].Where(b => b.OpensAt <= n.CreatedAt).OrderByDescending(b => b.OpensAt).Select(b => (Guid?)b.Id).FirstOrDefault()
            : null;

    public static async Task<Count> UnreadCount(HttpContext context, HostDbContext db)
    {
        var username = CurrentUser.From(context).Username;
        return new Count(await db.Notifications.CountAsync(n => n.Username == username && n.ReadAt == null));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> MarkRead(Guid id, HttpContext context, HostDbContext db, TimeProvider time)
    {
        var username = CurrentUser.From(context).Username;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.Username == username);
        if (notification is null)
        {
            return Problem.NotFound(context);
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        return TypedResults.Ok(View.Of(notification));
    }

    public static async Task<ReadAll> MarkAllRead(HttpContext context, HostDbContext db, TimeProvider time)
    {
        var username = CurrentUser.From(context).Username;
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.Username == username && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        return new ReadAll(marked);
    }

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
