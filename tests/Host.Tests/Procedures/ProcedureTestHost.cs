using System.Collections.Concurrent;
using Anju.Host.Features.Notifications;
using Anju.Host.Notices;
using Anju.Host.Procedures;
using Anju.Host.Tests.Support;
using Anju.Workflows.Handlers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Procedures;

/// <summary>
/// The real Host with two test-only handlers and a fake SMS channel; the notification watchers do not run in the
/// background, the tests call them (<see cref="NewTaskNotifier.RunOnceAsync"/>, <see cref="NotificationDispatcher.DispatchOnceAsync"/>).
/// </summary>
public abstract class ProcedureTestHost : HostFixture
{
    public FakeChannel Channel { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Anju:Notifications:Background", "false");
        builder.UseSetting("Anju:Notifications:RetryDelaySeconds", "0");
        builder.UseSetting("Anju:Notifications:MaxAttempts", "3");
        builder.ConfigureTestServices(services =>
        {
            services.AddServiceTaskHandler<BumpRevision>(BumpRevision.Name);
            services.AddServiceTaskHandler<StartThenFailOnce>(StartThenFailOnce.Name);
            services.AddServiceTaskHandler<PostNoticeThenFailOnce>(PostNoticeThenFailOnce.Name);
            services.AddSingleton<INotificationChannel>(Channel);
        });
    }

    public NewTaskNotifier Notifier => Services.GetRequiredService<NewTaskNotifier>();

    public NotificationDispatcher Dispatcher => Services.GetRequiredService<NotificationDispatcher>();
}

public sealed class SqliteProcedureHost : ProcedureTestHost
{
    protected override bool UsePostgres => false;
}

public sealed class PostgresProcedureHost : ProcedureTestHost
{
    protected override bool UsePostgres => true;
}

/// <summary>
/// Stands in for a change another command made to the same instance meanwhile: bumps the instance's revision in the
/// engine's own transaction, so that the command fails when it saves (409) and rolls back everything it wrote.
/// </summary>
public sealed class BumpRevision : IServiceTaskHandler
{
    public const string Name = "testBumpRevision";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await using var db = await context.HostDbAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE wf_instances SET "Revision" = "Revision" + 1 WHERE "Id" = {context.InstanceId}""", cancellationToken);
    }
}

/// <summary>The real startProcess handler, then a technical failure on the first attempt per instance.</summary>
public sealed class StartThenFailOnce(StartProcess inner) : IServiceTaskHandler
{
    public const string Name = "testStartThenFailOnce";

    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await inner.ExecuteAsync(context, cancellationToken);
        if (_attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1) == 1)
        {
            throw new InvalidOperationException("The gateway timed out (test).");
        }
    }
}

/// <summary>The real postPublicNotice handler (which tells the owners), then a technical failure on the first attempt per instance.</summary>
public sealed class PostNoticeThenFailOnce(PostPublicNotice inner) : IServiceTaskHandler
{
    public const string Name = "testPostNoticeThenFailOnce";

    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await inner.ExecuteAsync(context, cancellationToken);
        if (_attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1) == 1)
        {
            throw new InvalidOperationException("The notice board timed out (test).");
        }
    }
}

/// <summary>An SMS/WeChat gateway that records what it was given and fails when told to.</summary>
public sealed class FakeChannel : INotificationChannel
{
    private readonly ConcurrentQueue<Notification> _delivered = new();
    private int _failures;

    public string Name => "fake-sms";

    public IReadOnlyList<Notification> Delivered => [.. _delivered];

    /// <summary>The next <paramref name="count"/> hand-overs throw.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public ValueTask DeliverAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new HttpRequestException("SMS gateway unavailable (test)");
        }

        Interlocked.Exchange(ref _failures, 0);
        foreach (var notification in notifications)
        {
            _delivered.Enqueue(notification);
        }

        return ValueTask.CompletedTask;
    }
}
