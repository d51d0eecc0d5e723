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
}

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
    int RepeatsLeft);

/// <summary>Who holds an external task and until when (UTC).</summary>
internal sealed record ExternalTaskLock(Guid InstanceId, string? WorkerId, DateTime? LockExpiresAt);
