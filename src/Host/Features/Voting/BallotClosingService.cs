namespace Anju.Host.Features.Voting;

/// <summary>
/// Every few seconds (Anju:Voting:ScanSeconds, default 5) closes the ballots whose closing time has come and
/// retries resumes left undone. Safe on several hosts at once: <see cref="BallotCloser"/> closes each ballot once.
/// </summary>
public sealed partial class BallotClosingService(BallotCloser closer, TimeProvider time, IConfiguration configuration, ILogger<BallotClosingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Anju:Voting:ScanSeconds", 5), 1, 3600));
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await closer.CloseDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogScanFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Closing due ballots failed; trying again at the next scan")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
