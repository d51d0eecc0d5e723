namespace Anju.Host.Security;

/// <summary>Creates the data folder and proves it writable before anything else uses it.</summary>
public static class DataFolder
{
    public static void EnsureWritable(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new AnjuStartupException($"Anju cannot start: the data folder {path} (Anju:DataDirectory) is not writable ({Reason(path, error)})", error);
        }
    }

    private static string Reason(string path, Exception error) => error switch
    {
        _ when BlockingFile(path) is { } file => $"{file} is a file, not a folder",
        UnauthorizedAccessException => "Permission denied",
        IOException io when StorageFailures.IsDiskFull(io) => "No space left on device",
        _ => error.Message,
    };

    /// <summary>The path itself or a parent of it that exists as a file, if any.</summary>
    private static string? BlockingFile(string path)
    {
        for (var current = Path.GetFullPath(path); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return current;
            }
        }

        return null;
    }
}
