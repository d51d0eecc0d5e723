namespace Anju.Workflows.Execution;

/// <summary>
/// Where commands load instance documents and save what they changed. A store opens one session per attempt of a
/// command; the session reads, holds the command's transaction and commits the command's changes, all or nothing.
/// </summary>
internal interface IInstanceStore
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
internal interface ICommandSession : IAsyncDisposable
{
    ICommandTransaction Transaction { get; }

    /// <summary>The instance with this id, or null.</summary>
    ValueTask<LoadedInstance?> LoadAsync(CommandContext command, Guid id, CancellationToken cancellationToken);

    /// <summary>The instance holding this open user task, or null.</summary>
    ValueTask<LoadedInstance?> LoadByTaskAsync(CommandContext command, Guid taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the command's instances (documents guarded by their revisions, projections, journal, case numbers)
    /// and commits. Nothing is written when it throws.
    /// </summary>
    /// <exception cref="WorkflowException">Another command changed an instance meanwhile (kind Conflict).</exception>
    /// <exception cref="NeedsWriterException">Computed before the writer lock and not committable there: run again under it.</exception>
    ValueTask CommitAsync(CommandContext command, CancellationToken cancellationToken);
}
