namespace Anju.Workflows.Jobs;

/// <summary>
/// Who holds a job lease: the node (stable across restarts: a setting or a file in its data folder) and this run
/// of its process. A lease owner is written "&lt;node id&gt;/&lt;run id&gt;", so that a node starting again
/// recognises the leases its previous process held and takes them back at once instead of waiting for them to expire.
/// </summary>
public sealed record NodeIdentity
{
    public NodeIdentity(string nodeId, string? runId = null)
    {
        if (!IsValidNodeId(nodeId))
        {
            throw new ArgumentException($"A node id is 1–64 letters, digits, '.', '_' or '-': '{nodeId}'.", nameof(nodeId));
        }

        NodeId = nodeId;
        RunId = runId ?? Guid.NewGuid().ToString("N")[..12];
    }

    public string NodeId { get; }
    public string RunId { get; }

    /// <summary>The lease owner this run writes.</summary>
    public string LeaseOwner => $"{NodeId}/{RunId}";

    /// <summary>What every lease owner of this node begins with, whichever run wrote it.</summary>
    public string LeasePrefix => NodeId + "/";

    /// <summary>A node id for a process with no configured one (tests, tools): unique to it.</summary>
    public static NodeIdentity Ephemeral() => new("run-" + Guid.NewGuid().ToString("N")[..12]);

    public static bool IsValidNodeId(string? nodeId) =>
        nodeId is { Length: > 0 and <= 64 } && nodeId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
