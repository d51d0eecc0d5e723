using Anju.Host.Notices;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// A way to reach a person besides the in-app list: an SMS or WeChat gateway implements this and is
/// registered in DI. It is given notifications after they are stored in the in-app list (which is the
/// record of what was sent); a failing channel does not lose them.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    ValueTask DeliverAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);
}
