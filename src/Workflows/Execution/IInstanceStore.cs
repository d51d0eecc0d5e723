using Anju.Workflows.Persistence;

namespace Anju.Workflows.Execution;

/// <summary>
/// Where commands load instance documents and save what they changed. A store opens one session per attempt of a
/// command; the session reads, holds the command's transaction and commits the command's changes, all or nothing.
/// </summary>
internal interface IInstanceStore : IDefinitionReader
{
    /// <summary>
    /// Whether a command marked as safe for it may first be computed before the store's writer lock (SQLite): its
    /// session then has no transaction, and its commit may ask for the command to run again under the lock
    /// (<see cref="NeedsWriterException"/>).
    /// </summary>
    bool ComputesBeforeWriter { get; }

    /// <summary>Opens a session for one attempt of a command (under the writer lock unless <paramref name="beforeWriter"/>).</summary>
    ValueTask<ICommandSession> BeginAsync(bool beforeWriter, CancellationToken cancellationToken);

    // Reads outside a command: no lock, no transaction, each a snapshot of its own.

    /// <summary>The instance with this id and its case number as stored, or null.</summary>
    ValueTask<StoredInstance?> ReadInstanceAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The instance holding this open user task, or null when the task is done or unknown.</summary>
    ValueTask<StoredInstance?> ReadInstanceByTaskAsync(Guid taskId, CancellationToken cancellationToken);

    /// <summary>These instances (unknown ids are left out), or else the oldest <paramref name="limit"/> active instances of a version.</summary>
    ValueTask<IReadOnlyList<InstanceState>> ReadInstancesAsync(IReadOnlyList<Guid>? ids, string definitionId, int limit, CancellationToken cancellationToken);

    /// <summary>An instance with its journal entries in order, or null when the instance does not exist.</summary>
    ValueTask<StoredJournal?> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a deployment: reads of the deployed versions, and (unless <paramref name="readOnly"/>) the writes of new
    /// versions and their timer start jobs, committed together by <see cref="IDeploymentSession.CommitAsync"/>.
    /// </summary>
    ValueTask<IDeploymentSession> BeginDeploymentAsync(bool readOnly, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due jobs to <paramref name="owner"/> until <paramref name="until"/>, never one
    /// job to two owners. First, expired leases with retries to spare go back to the pool one retry fewer (their node
    /// stopped while running them); those with one retry left are returned as <see cref="JobAcquisition.Abandoned"/>
    /// for the engine to turn into incidents.
    /// </summary>
    ValueTask<JobAcquisition> AcquireJobsAsync(string owner, DateTime now, DateTime until, int max, CancellationToken cancellationToken);

    /// <summary>Expires now (at <paramref name="expired"/>) the live leases of owners starting with <paramref name="nodePrefix"/>, except <paramref name="owner"/>.</summary>
    ValueTask<int> ReclaimLeasesAsync(string nodePrefix, string owner, DateTime expired, CancellationToken cancellationToken);

    /// <summary>Ends a job's lease without running it.</summary>
    ValueTask ReleaseLeaseAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The due time (UTC) of the earliest job with retries left, or null.</summary>
    ValueTask<DateTime?> NextJobDueAsync(CancellationToken cancellationToken);

    /// <summary>Locks up to <paramref name="max"/> open external tasks of these topics (topic → lock duration) for a worker, never one task to two workers.</summary>
    ValueTask<IReadOnlyList<LockedExternalTaskRow>> LockExternalTasksAsync(string workerId, DateTime now, IReadOnlyDictionary<string, TimeSpan> topics, int max, CancellationToken cancellationToken);

    /// <summary>Periodic upkeep of the store (SQLite refreshes its planner statistics); a no-op where there is none.</summary>
    ValueTask OptimizeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One deployment in a store: what is deployed already, and the new versions it adds. Disposing it without
/// <see cref="CommitAsync"/> writes nothing.
/// </summary>
internal interface IDeploymentSession : IAsyncDisposable
{
    /// <summary>The latest version of a key (from <paramref name="source"/> only, when given), or null.</summary>
    ValueTask<DeployedVersion?> LatestAsync(string key, string? source, CancellationToken cancellationToken);

    /// <summary>Whether a person (source <c>user:…</c>) deployed a version of the key later than <paramref name="version"/>.</summary>
    ValueTask<bool> PersonDeployedAfterAsync(string key, int version, CancellationToken cancellationToken);

    /// <summary>Which of these keys have a deployed version.</summary>
    ValueTask<IReadOnlySet<string>> DeployedKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a version with its timer start jobs; the jobs of <paramref name="replacesTimerStartsOf"/> (the previous
    /// version's timer starts) are deleted.
    /// </summary>
    ValueTask AddAsync(DefinitionRow row, string? replacesTimerStartsOf, IReadOnlyList<JobRow> timerStarts, CancellationToken cancellationToken);

    ValueTask CommitAsync(CancellationToken cancellationToken);
}

/// <summary>A deployed version as the deployment compares with it.</summary>
internal sealed record DeployedVersion(string Id, int Version, string ContentHash, string? Name, string? DeployedBy, string? Source);

/// <summary>An instance read outside a command, with the case number its row holds (older instances have it only there).</summary>
internal sealed record StoredInstance(InstanceState State, string? CaseNumber);

/// <summary>An instance and its journal entries, in order.</summary>
internal sealed record StoredJournal(InstanceState State, IReadOnlyList<JournalRow> Entries);

/// <summary>The jobs leased, and the jobs whose node stopped with their last retry (to become incidents).</summary>
internal sealed record JobAcquisition(IReadOnlyList<Guid> Leased, IReadOnlyList<Guid> Abandoned);

/// <summary>An external task just locked, with its lock's end and its instance as stored.</summary>
internal sealed record LockedExternalTaskRow(ExternalTaskRow Task, DateTime LockExpiresAt, InstanceState Instance);

/// <summary>One attempt of one command in a store: disposing it without <see cref="CommitAsync"/> discards everything.</summary>
internal interface ICommandSession : IAsyncDisposable, IDefinitionReader
{
    ICommandTransaction Transaction { get; }

    /// <summary>The instance with this id, or null.</summary>
    ValueTask<LoadedInstance?> LoadAsync(CommandContext command, Guid id, CancellationToken cancellationToken);

    /// <summary>The instance holding this open user task, or null.</summary>
    ValueTask<LoadedInstance?> LoadByTaskAsync(CommandContext command, Guid taskId, CancellationToken cancellationToken);

    /// <summary>The message waits (subscriptions) for a message name, narrowed by instance or business key, in key order.</summary>
    ValueTask<IReadOnlyList<MessageWait>> FindMessageWaitsAsync(string messageName, Guid? instanceId, string? businessKey, int limit, CancellationToken cancellationToken);

    /// <summary>The instance an open incident belongs to, or null.</summary>
    ValueTask<Guid?> FindIncidentInstanceAsync(Guid incidentId, CancellationToken cancellationToken);

    /// <summary>Whether a job exists, and the instance it belongs to (null: a timer start event's job).</summary>
    ValueTask<(bool Found, Guid? InstanceId)> FindJobAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The job as stored (with its lease), or null.</summary>
    ValueTask<StoredJob?> ReadJobAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Deletes a job now, in the command's transaction; false when it is gone already.</summary>
    ValueTask<bool> DeleteJobAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Adds a job that belongs to no instance (a timer start event's next occurrence), written at commit.</summary>
    void AddStartJob(StoredJob job);

    /// <summary>Ends a job's lease with the retries left and the error; moves it to <paramref name="dueAt"/> when given.</summary>
    ValueTask ReleaseJobAsync(Guid jobId, int retries, string lastError, DateTime? dueAt, CancellationToken cancellationToken);

    /// <summary>An external task's instance and lock as stored (fetch-and-lock writes them outside the document), or null.</summary>
    ValueTask<ExternalTaskLock?> ReadExternalTaskLockAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the command's instances (documents guarded by their revisions, projections, journal, case numbers)
    /// and commits. Nothing is written when it throws.
    /// </summary>
    /// <exception cref="WorkflowException">Another command changed an instance meanwhile (kind Conflict).</exception>
    /// <exception cref="NeedsWriterException">Computed before the writer lock and not committable there: run again under it.</exception>
    ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken);
}

/// <summary>An instance waiting for a message, and the subscription it waits with.</summary>
internal sealed record MessageWait(Guid InstanceId, Guid SubscriptionId);

/// <summary>A job as stored: its projection, its lease, and for a timer start event its cycle. Times in UTC.</summary>
internal sealed record StoredJob(
    Guid Id,
    Guid? InstanceId,
    string DefinitionId,
    string Kind,
    string ActivityId,
    DateTime DueAt,
    int Retries,
    string? LastError,
    string? LockOwner,
    DateTime? LockExpiresAt,
    string? Cycle,
    int RepeatsLeft)
{
    public static StoredJob From(JobRow row) =>
        new(row.Id, row.InstanceId, row.DefinitionId, row.Kind, row.ActivityId, row.DueAt, row.Retries, row.LastError, row.LockOwner, row.LockExpiresAt, row.Cycle, row.RepeatsLeft);

    /// <summary>The row a new job is written as (no lease).</summary>
    public JobRow ToRow() => new()
    {
        Id = Id,
        InstanceId = InstanceId,
        DefinitionId = DefinitionId,
        Kind = Kind,
        ActivityId = ActivityId,
        DueAt = DueAt,
        Retries = Retries,
        LastError = LastError,
        Cycle = Cycle,
        RepeatsLeft = RepeatsLeft,
    };
}

/// <summary>Who holds an external task and until when (UTC).</summary>
internal sealed record ExternalTaskLock(Guid InstanceId, string? WorkerId, DateTime? LockExpiresAt);
