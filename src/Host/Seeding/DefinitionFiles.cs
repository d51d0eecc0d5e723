using Anju.Workflows.Deployment;

namespace Anju.Host.Seeding;

/// <summary>
/// The procedure files the Host deploys at start-up (<c>Anju:Definitions:Directory</c>, default <c>definitions</c>
/// beside the app): which file each process key came from, and the file's current content. A file is read again
/// only when its last write time changed.
/// </summary>
public sealed class DefinitionFiles(IConfiguration configuration)
{
    private readonly Dictionary<string, string> _fileOfKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTime WrittenAt, DefinitionFile File)> _read = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The folder of *.bpmn files.</summary>
    public string Directory { get; } = Path.GetFullPath(configuration["Anju:Definitions:Directory"] is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "definitions"));

    /// <summary><c>Anju:Definitions:ForceFiles</c>: a changed file becomes a new version even over a person's later version.</summary>
    public bool ForceFiles { get; } = configuration.GetValue("Anju:Definitions:ForceFiles", false);

    /// <summary>The file names (*.bpmn) in the folder, in order; empty when there is no folder.</summary>
    public IReadOnlyList<string> Names() => System.IO.Directory.Exists(Directory)
        ? [.. System.IO.Directory.GetFiles(Directory, "*.bpmn").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Notes which keys a file holds (from its start-up deployment).</summary>
    public void Remember(string fileName, IEnumerable<string> keys)
    {
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _fileOfKey[key] = fileName;
            }
        }
    }

    /// <summary>The file a key was deployed from at start-up, as it is on disk now; null when there is none.</summary>
    public DefinitionFile? OfKey(string key)
    {
        string? name;
        lock (_lock)
        {
            if (!_fileOfKey.TryGetValue(key, out name))
            {
                return null;
            }
        }

        return Read(name);
    }

    /// <summary>A file of the folder by name, with its content hash; null when it is gone.</summary>
    public DefinitionFile? Read(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var writtenAt = File.GetLastWriteTimeUtc(path);
        lock (_lock)
        {
            if (_read.TryGetValue(fileName, out var cached) && cached.WrittenAt == writtenAt)
            {
                return cached.File;
            }
        }

        var xml = File.ReadAllText(path);
        var file = new DefinitionFile(fileName, xml, DefinitionRepository.ContentHashOf(xml));
        lock (_lock)
        {
            _read[fileName] = (writtenAt, file);
        }

        return file;
    }
}

/// <summary>One definitions file: its name (e.g. complaint-handling.bpmn), XML and content hash.</summary>
public sealed record DefinitionFile(string Name, string Xml, string ContentHash)
{
    /// <summary>The source its versions record: file:&lt;name&gt;.</summary>
    public string Source => DefinitionSources.File(Name);
}
