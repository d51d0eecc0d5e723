using Anju.Host.Persistence;
using Anju.Host.Seeding;
using Anju.Workflows.Deployment;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>An administrator chose to ignore a definitions file's content for a key: it is not offered again.</summary>
public sealed class DefinitionFileIgnore
{
    public required string Key { get; set; }
    public required string ContentHash { get; set; }
    public required string IgnoredBy { get; set; }
    public DateTime IgnoredAt { get; set; }
}

/// <summary>
/// "A newer file version is available": the definitions file of a key differs from the last version deployed from
/// that file while a person's version is the latest (so start-up kept the person's version), and no administrator
/// ignored that content.
/// </summary>
public static class FileUpdates
{
    /// <summary>One stored version, as far as this check needs it.</summary>
    public sealed record VersionFacts(int Version, string? Source, string ContentHash);

    /// <summary>The file whose content is on offer for the key, or null. <paramref name="versions"/> newest first.</summary>
    public static DefinitionFile? Pending(DefinitionFiles files, string key, IReadOnlyList<VersionFacts> versions, ICollection<string> ignoredHashes)
    {
        if (versions.Count == 0 || !DefinitionSources.IsPerson(versions[0].Source) || files.OfKey(key) is not { } file)
        {
            return null;
        }

        var lastFromFile = versions.FirstOrDefault(v => v.Source == file.Source);
        return file.ContentHash != versions[0].ContentHash
            && file.ContentHash != lastFromFile?.ContentHash
            && !ignoredHashes.Contains(file.ContentHash)
                ? file
                : null;
    }

    /// <summary>The content hashes ignored for these keys.</summary>
    public static async Task<ILookup<string, string>> IgnoredAsync(HostDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        (await db.Set<DefinitionFileIgnore>().AsNoTracking().Where(i => keys.Contains(i.Key))
            .Select(i => new { i.Key, i.ContentHash }).ToListAsync(cancellationToken))
        .ToLookup(i => i.Key, i => i.ContentHash, StringComparer.Ordinal);
}
