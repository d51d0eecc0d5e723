using Anju.Host.Jurisdictions;

namespace Anju.Host.Jurisdictions;

/// <summary>GET /api/jurisdictions: the city's tree as a flat list, parents before children.</summary>
public static class ListJurisdictions
{
    public sealed record Node(string Path, string Id, string Name, string Kind, string? ParentPath);

    public static IReadOnlyList<Node> Handle(JurisdictionDirectory directory) =>
        [.. directory.All.OrderBy(n => n.Path, StringComparer.Ordinal).Select(n => new Node(n.Path, n.Id, n.Name, n.Kind, n.ParentPath))];
}
