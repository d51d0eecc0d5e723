using Microsoft.Data.Sqlite;

namespace Anju.Testing;

/// <summary>
/// A new empty folder under the system's temporary folder (<c>anju/&lt;area&gt;/&lt;guid&gt;</c>), deleted with
/// everything in it when disposed: for SQLite databases, data folders and files a test writes.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    private const int DeleteAttempts = 5;

    private TemporaryFolder(string path) => Path = path;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Creates the folder.</summary>
    /// <param name="area">A short word naming who uses it, e.g. "host-tests" or "bench".</param>
    public static TemporaryFolder Create(string area)
    {
        ArgumentException.ThrowIfNullOrEmpty(area);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anju", area, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TemporaryFolder(path);
    }

    /// <summary>A path inside the folder (the file or folder is not created).</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// Closes SQLite's pooled connections (which keep a database and its -wal and -shm files open) and deletes the
    /// folder, trying again a few times while a file is still held; a folder that stays held is left to the OS.
    /// </summary>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        for (var attempt = 1; attempt <= DeleteAttempts && Directory.Exists(Path); attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file still open (a connection not yet collected, a process not yet gone): collect and retry.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                SqliteConnection.ClearAllPools();
                Thread.Sleep(50 * attempt);
            }
        }
    }
}
