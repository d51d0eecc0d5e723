using Anju.Host.Persistence;
using Anju.Workflows.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Procedures;

/// <summary>
/// The Host's tables, reached inside the engine command a handler runs in: same connection, same
/// transaction. A ballot, notice or notification a handler writes commits with the instance's state, or not
/// at all. (A second connection would also dead-lock on SQLite, where the command holds the write lock.)
/// </summary>
public static class EngineTransaction
{
    public static async Task<HostDbContext> HostDbAsync(this ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var transaction = context.Transaction
            ?? throw new InvalidOperationException("The engine command has no open transaction.");
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The engine's transaction has no connection.");
        HostDbContext db = connection is SqliteConnection sqlite
            ? new SqliteHostDbContext(new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite(sqlite).Options)
            : new PostgresHostDbContext(new DbContextOptionsBuilder<PostgresHostDbContext>().UseNpgsql(connection).Options);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return db;
    }
}
