using Anju.Host.Requests;

namespace Anju.Host.Features.Notifications;

/// <summary>The caller's in-app messages and the public notices of their area.</summary>
public static class NotificationsEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", MyNotifications.List);
        notifications.MapGet("/unread-count", MyNotifications.UnreadCount);
        notifications.MapPost("/{id:guid}/read", MyNotifications.MarkRead).AddEndpointFilter<Idempotency>();
        notifications.MapPost("/read-all", MyNotifications.MarkAllRead).AddEndpointFilter<Idempotency>();
        api.MapGet("/notices", ListNotices.Handle).WithTags("Notifications");
        return api;
    }
}
