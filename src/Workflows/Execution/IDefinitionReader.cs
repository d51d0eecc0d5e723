namespace Anju.Workflows.Execution;

/// <summary>Reads deployed definition versions from a store (inside a command's session, or on their own).</summary>
internal interface IDefinitionReader
{
    /// <summary>The stored version with this id, or null.</summary>
    ValueTask<StoredDefinition?> ReadDefinitionAsync(string id, CancellationToken cancellationToken);

    /// <summary>The id of the latest version of a key (or of the given version), or null when there is none.</summary>
    ValueTask<string?> FindDefinitionIdAsync(string key, int? version, CancellationToken cancellationToken);

    /// <summary>The id of the latest version of every key.</summary>
    ValueTask<IReadOnlyList<string>> LatestDefinitionIdsAsync(CancellationToken cancellationToken);
}

/// <summary>A deployed definition version as stored: what compiling it needs.</summary>
internal sealed record StoredDefinition(string Id, string Key, int Version, string Xml, bool UnknownServiceTasksAsExternal);
