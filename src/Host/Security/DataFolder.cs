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
            throw new AnjuStartupException($"Anju cannot start: the data folder {path} (Anju:DataDirectory) is not writable ({Reason(error)})", error);
        }
    }

    private static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "Permission denied",
        IOException io when StorageFailures.IsDiskFull(io) => "No space left on device",
        _ => error.Message,
    };
}
