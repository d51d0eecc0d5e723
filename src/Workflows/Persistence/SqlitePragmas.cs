using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Per-connection SQLite settings: NORMAL synchronisation is durable across application crashes in WAL
/// mode (only an OS crash or power loss may drop the last commits, never corrupt the file), and a busy
/// timeout lets a reader wait for a checkpoint instead of failing; foreign keys make task candidates go
/// with their task.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
    }
}
