using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Anju.Host.Telemetry;

/// <summary>
/// Once the Host listens, one clear line with where: <c>Anju 已启动 http://localhost:5000</c> (after the migrations,
/// the seeding and the first build of the console, which can take a while on a fresh clone). Nothing under a test
/// server, which listens nowhere.
/// </summary>
public static partial class StartedLine
{
    public static void Register(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<Announcer>();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Anju 已启动 {Addresses}")]
    private static partial void Started(ILogger logger, string addresses);

    private sealed class Announcer(IHostApplicationLifetime lifetime, IServer server, ILogger<Announcer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
                if (addresses is { Count: > 0 })
                {
                    var where = string.Join(' ', addresses);
                    Started(logger, where);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
