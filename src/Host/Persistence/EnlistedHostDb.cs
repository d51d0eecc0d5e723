using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anju.Host.Persistence;

/// <summary>
/// A HostDbContext on the engine command's own connection and transaction, for service-task handlers that write
/// Host tables: their rows commit or roll back with the instance's state change (see
/// ServiceTaskContext.Transaction). Dispose it; the connection and transaction stay the engine's.
/// </summary>
public static class EnlistedHostDb
{
    public static HostDbContext Create(DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        HostDbContext db = transaction.Connection switch
        {
            SqliteConnection sqlite => new SqliteHostDbContext(new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite(sqlite).Options),
            NpgsqlConnection postgres => new PostgresHostDbContext(new DbContextOptionsBuilder<PostgresHostDbContext>().UseNpgsql(postgres).Options),
            _ => throw new InvalidOperationException($"No Host model for a {transaction.Connection?.GetType().Name ?? "closed"} connection."),
        };
        db.Database.UseTransaction(transaction);
        return db;
    }
}
