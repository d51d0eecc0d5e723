using Microsoft.Data.Sqlite;

namespace Anju.Host.Security;

/// <summary>
/// Recognises the storage failures that callers should see as such instead of a 500: a database kept locked by
/// another process (SQLite SQLITE_BUSY/SQLITE_LOCKED beyond the busy timeout, PostgreSQL lock_timeout) and a full disk.
/// </summary>
public static class StorageFailures
{
    /// <summary>Seconds a client should wait before retrying after <c>databaseBusy</c>.</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>ENOSPC on Linux and macOS (errno 28; .NET reports errno as HResult).</summary>
    private const int Enospc = 28;

    /// <summary>ERROR_DISK_FULL (0x70) and ERROR_HANDLE_DISK_FULL (0x27) as HRESULTs on Windows.</summary>
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool IsDatabaseBusy(Exception? error) =>
        Chain(error).Any(e => e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }
            || e is Npgsql.PostgresException { SqlState: "55P03" }); // lock_not_available (lock_timeout)

    public static bool IsDiskFull(Exception? error) =>
        Chain(error).Any(e => e is IOException { HResult: Enospc or WindowsDiskFull or WindowsHandleDiskFull }
            || e is SqliteException { SqliteErrorCode: 13 } // SQLITE_FULL
            || e is Npgsql.PostgresException { SqlState: "53100" }); // disk_full

    /// <summary>The error, its inner errors and those of aggregates, depth first.</summary>
    internal static IEnumerable<Exception> Chain(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
