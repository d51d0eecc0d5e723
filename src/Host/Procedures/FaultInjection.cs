using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>faultInjection</c>, for the crash tests, registered only in Development and only when
/// <c>Anju:FaultInjection:JobFault</c> is set: <c>crash</c> kills the process (SIGKILL, as a crash or an out-of-memory
/// kill would) while the job holds its lease, <c>hold</c> waits there for ever (the test kills the process),
/// anything else does nothing.
/// </summary>
public sealed partial class FaultInjection(IConfiguration configuration, ILogger<FaultInjection> logger) : IServiceTaskHandler
{
    public const string Name = "faultInjection";

    public const string Setting = "Anju:FaultInjection:JobFault";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        switch (configuration[Setting])
        {
            case "crash":
                LogCrashing(context.ActivityId, context.InstanceId);
                System.Diagnostics.Process.GetCurrentProcess().Kill();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case "hold":
                LogHolding(context.ActivityId, context.InstanceId);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "fault-injection: crashing the process at {ActivityId} of {InstanceId}")]
    private partial void LogCrashing(string activityId, Guid instanceId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "fault-injection: holding job at {ActivityId} of {InstanceId}")]
    private partial void LogHolding(string activityId, Guid instanceId);
}
