using System.Data.Common;

namespace Anju.Workflows.Execution;

/// <summary>
/// The transaction one command runs in, as the engine sees it: savepoints around a service-task handler's attempt,
/// and the ADO.NET transaction handed to the handler so that its own rows commit or roll back with the instance.
/// </summary>
internal interface ICommandTransaction
{
    /// <summary>The open ADO.NET transaction (its connection is <c>Connection</c>); null when the store has none (in memory, or before SQLite's writer lock).</summary>
    DbTransaction? DbTransaction { get; }

    /// <summary>Marks a point the command can roll back to (a no-op without a transaction).</summary>
    ValueTask SavepointAsync(string name, CancellationToken cancellationToken);

    /// <summary>Undoes everything written on the transaction since <see cref="SavepointAsync"/> with this name.</summary>
    ValueTask RollbackToSavepointAsync(string name, CancellationToken cancellationToken);
}
