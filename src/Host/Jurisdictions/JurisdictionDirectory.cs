using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Jurisdictions;

/// <summary>The tree's nodes, held in memory (a few thousand at most) and refreshed when they change.</summary>
public sealed class JurisdictionDirectory(IServiceScopeFactory scopes)
{
    private Dictionary<string, JurisdictionNode> _byPath = new(StringComparer.Ordinal);
    private Dictionary<string, JurisdictionNode> _byId = new(StringComparer.Ordinal);

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var nodes = await db.JurisdictionNodes.AsNoTracking().ToListAsync(cancellationToken);
        _byPath = nodes.ToDictionary(n => n.Path, StringComparer.Ordinal);
        _byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.OrderBy(n => n.Path.Length).First(), StringComparer.Ordinal);
    }

    /// <summary>A path, or a node id, resolved to the node's path; null when unknown.</summary>
    public string? Resolve(string? pathOrId)
    {
        if (string.IsNullOrWhiteSpace(pathOrId))
        {
            return null;
        }

        var value = pathOrId.Trim();
        return _byPath.ContainsKey(value) ? value : _byId.TryGetValue(value, out var node) ? node.Path : null;
    }

    public JurisdictionNode? Find(string path) => _byPath.GetValueOrDefault(path);

    public IReadOnlyCollection<JurisdictionNode> All => _byPath.Values;
}
