using Anju.Workflows.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anju.Workflows.Jobs;

/// <summary>
/// Runs due jobs: acquires a batch with a lease, runs each in its own transaction, and sleeps until the
/// next due job (at most <see cref="PollInterval"/>, so jobs written by other nodes are seen). Several nodes
/// may run executors on one PostgreSQL database; leases keep them apart. On start it takes back the leases its
/// node's previous process held (see <see cref="NodeIdentity"/>).
/// </summary>
public sealed partial class JobExecutor : BackgroundService
{
    private readonly WorkflowEngine _engine;
    private readonly ILogger<JobExecutor> _logger;
    private readonly string _owner;

    public JobExecutor(WorkflowEngine engine, ILogger<JobExecutor> logger, NodeIdentity? node = null)
    {
        _engine = engine;
        _logger = logger;
        Node = node ?? NodeIdentity.Ephemeral();
        _owner = Node.LeaseOwner;
    }

    /// <summary>This node and run; its lease owner is written on the jobs it runs.</summary>
    public NodeIdentity Node { get; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; init; } = 20;

    /// <summary>Jobs run to effect by this executor (for metrics and tests).</summary>
    public long Executed => Interlocked.Read(ref _executed);

    private long _executed;

    /// <summary>How often the database's planner statistics are refreshed (SQLite).</summary>
    public TimeSpan OptimizeInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Expires the leases this node's previous process held, so that they run again now (counted as attempts).</summary>
    public async Task<int> ReclaimLeasesAsync(CancellationToken cancellationToken)
    {
        var reclaimed = await _engine.ReclaimLeasesAsync(Node.LeasePrefix, _owner, cancellationToken);
        if (reclaimed > 0)
        {
            LogLeasesReclaimed(reclaimed, Node.NodeId, _owner);
        }

        return reclaimed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ReclaimLeasesAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAcquireFailed(ex);
        }

        var lastOptimize = _engine.Time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_engine.Time.GetUtcNow() - lastOptimize > OptimizeInterval)
            {
                lastOptimize = _engine.Time.GetUtcNow();
                try
                {
                    await _engine.OptimizeStoreAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogAcquireFailed(ex);
                }
            }

            int ran;
            try
            {
                ran = await RunDueJobsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogAcquireFailed(ex);
                ran = 0;
            }

            if (ran == 0)
            {
                try
                {
                    await Task.Delay(PollInterval, _engine.Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Acquires and runs one batch of due jobs; returns how many ran.</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        var ids = await _engine.AcquireJobsAsync(_owner, BatchSize, cancellationToken);
        var ran = 0;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await _engine.ExecuteJobAsync(id, actor: null, cancellationToken))
                {
                    ran++;
                    Interlocked.Increment(ref _executed);
                }
            }
            catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.Conflict)
            {
                // Someone changed the instance meanwhile; the job is still there and runs again soon.
                LogJobConflict(id);
                await _engine.ReleaseJobAsync(id, CancellationToken.None);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _engine.ReleaseJobAsync(id, CancellationToken.None);
                throw;
            }
            catch (Exception ex)
            {
                LogJobFailed(ex, id);
                await _engine.FailJobAsync(id, ex.Message, CancellationToken.None);
            }
        }

        return ran;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Job {JobId} met a concurrent change; released for a later run")]
    private partial void LogJobConflict(Guid jobId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Job {JobId} failed")]
    private partial void LogJobFailed(Exception exception, Guid jobId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Acquiring due jobs failed")]
    private partial void LogAcquireFailed(Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Reclaimed {Count} job lease(s) that node {NodeId}'s previous run held; each counts as an attempt that stopped (this run: {Owner})")]
    private partial void LogLeasesReclaimed(int count, string nodeId, string owner);
}
