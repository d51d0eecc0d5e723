using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// The nodes and flows of one process (subprocesses included) as read, before they are linked.
/// </summary>
/// <remarks>
/// Elements that were rejected (unsupported, or unreadable) keep their id in <see cref="RejectedIds"/> so
/// that flows to them are not reported a second time as pointing to an unknown element.
/// </remarks>
internal sealed class ProcessGraph
{
    private readonly Dictionary<string, FlowNode> nodes = new(StringComparer.Ordinal);
    private readonly List<FlowNode> order = [];
    private readonly List<FlowEntry> flows = [];
    private readonly HashSet<string> flowIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> rejectedIds = new(StringComparer.Ordinal);

    /// <summary>Nodes in document order (depth first), which is the order incoming/outgoing lists keep.</summary>
    public IReadOnlyList<FlowNode> Nodes => order;

    public IReadOnlyList<FlowEntry> Flows => flows;

    public IReadOnlySet<string> RejectedIds => rejectedIds;

    /// <summary>Adds a node; a duplicate id was already reported for the whole document, so it is dropped.</summary>
    public void Add(FlowNode node)
    {
        if (!rejectedIds.Contains(node.Id) && nodes.TryAdd(node.Id, node))
        {
            order.Add(node);
        }
    }

    public void Add(FlowEntry flow)
    {
        if (flowIds.Add(flow.Flow.Id))
        {
            flows.Add(flow);
        }
    }

    public void Reject(string id) => rejectedIds.Add(id);

    public FlowNode? Find(string id) => nodes.GetValueOrDefault(id);
}

/// <summary>A sequence flow and the scope (subprocess id, or null for the process) it was declared in.</summary>
internal sealed record FlowEntry(SequenceFlow Flow, XElement Element, string? ScopeId);
