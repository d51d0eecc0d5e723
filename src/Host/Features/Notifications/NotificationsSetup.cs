using Anju.Host.Procedures;

namespace Anju.Host.Features.Notifications;

/// <summary>Settings of the notification watchers (Anju:Notifications:*).</summary>
public sealed class NotificationOptions
{
    /// <summary>Whether the Host runs the new-task watcher and the dispatcher in the background (tests may call them).</summary>
    public bool Background { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The delay after a channel's first failure; doubled per further failure, at most an hour.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxAttempts { get; init; } = 10;

    public int BatchSize { get; init; } = 100;
}

public static class NotificationsSetup
{
    /// <summary>
    /// The notify and postPublicNotice service tasks, new-task notifications and the hand-over to SMS/WeChat channels
    /// (register <see cref="INotificationChannel"/>s).
    /// </summary>
    public static WebApplicationBuilder AddAnjuNotifications(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Anju:Notifications");
        var options = new NotificationOptions
        {
            Background = section.GetValue("Background", true),
            PollInterval = TimeSpan.FromSeconds(section.GetValue("PollSeconds", 5.0)),
            RetryDelay = TimeSpan.FromSeconds(section.GetValue("RetryDelaySeconds", 60.0)),
            MaxAttempts = section.GetValue("MaxAttempts", 10),
        };
        var services = builder.Services;
        services.AddServiceTaskHandler<Notify>(Notify.Name);
        services.AddServiceTaskHandler<PostPublicNotice>(PostPublicNotice.Name);
        services.AddSingleton(options);
        services.AddSingleton<NewTaskNotifier>();
        services.AddSingleton<NotificationDispatcher>();
        if (options.Background)
        {
            services.AddHostedService(sp => sp.GetRequiredService<NewTaskNotifier>());
            services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        }

        return builder;
    }
}
