using System.Collections.Immutable;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Connects the nodes of a process: incoming and outgoing flows, and the boundary events of each activity.
/// </summary>
/// <remarks>
/// Incoming/outgoing are computed from the sequence flows only. The optional &lt;incoming&gt;/&lt;outgoing&gt;
/// children that modelers write are redundant and may disagree with the flows after hand edits; the flows are
/// what the diagram shows.
/// </remarks>
internal static class GraphLinker
{
    public static (List<FlowNode> Nodes, List<SequenceFlow> Flows) Link(ProcessGraph graph, ReadContext context)
    {
        var incoming = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var outgoing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flows = new List<SequenceFlow>();
        foreach (var entry in graph.Flows)
        {
            var flow = entry.Flow;
            var source = Resolve(graph, entry, flow.SourceId, "source", context);
            var target = Resolve(graph, entry, flow.TargetId, "target", context);
            if (source is not null && target is not null && (source.ParentId != entry.ScopeId || target.ParentId != entry.ScopeId))
            {
                context.Report(entry.Element, flow.Id, $"sequenceFlow '{flow.Id}' crosses a subprocess boundary: '{source.Id}' and '{target.Id}' must be in the same (sub)process as the flow",
                    ProblemCodes.FlowCrossesSubProcess, ReadContext.Label(flow.Name, flow.Id), source.Label, target.Label);
            }

            // Adjacency is recorded even for a faulty flow so that its ends are not also reported as unconnected.
            Add(outgoing, flow.SourceId, flow.Id);
            Add(incoming, flow.TargetId, flow.Id);

            // Camunda ignores conditions after a parallel gateway; dropping them keeps the engine from evaluating them.
            flows.Add(source is ParallelGateway && flow.Condition is not null ? flow with { Condition = null } : flow);
        }

        var boundaries = LinkBoundaryEvents(graph, context);
        var nodes = new List<FlowNode>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            var linked = node with
            {
                Incoming = [.. incoming.GetValueOrDefault(node.Id) ?? []],
                Outgoing = [.. outgoing.GetValueOrDefault(node.Id) ?? []],
            };
            if (linked is Activity activity && boundaries.TryGetValue(node.Id, out var attached))
            {
                linked = activity with { BoundaryEvents = [.. attached] };
            }

            nodes.Add(linked);
        }

        return (nodes, flows);
    }

    private static FlowNode? Resolve(ProcessGraph graph, FlowEntry entry, string id, string end, ReadContext context)
    {
        if (graph.Find(id) is { } node)
        {
            return node;
        }

        // A rejected element was reported already; anything else (a typo, a lane, an annotation) is unknown.
        if (!graph.RejectedIds.Contains(id))
        {
            context.Report(entry.Element, entry.Flow.Id, $"sequenceFlow '{entry.Flow.Id}' has {end} '{id}', which is not a flow node of this process",
                end == "source" ? ProblemCodes.FlowSourceUnknown : ProblemCodes.FlowTargetUnknown, ReadContext.Label(entry.Flow.Name, entry.Flow.Id), id);
        }

        return null;
    }

    private static Dictionary<string, List<string>> LinkBoundaryEvents(ProcessGraph graph, ReadContext context)
    {
        var byActivity = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var boundary in graph.Nodes.OfType<BoundaryEvent>())
        {
            var host = graph.Find(boundary.AttachedToId);
            if (host is null)
            {
                if (!graph.RejectedIds.Contains(boundary.AttachedToId))
                {
                    context.Report(boundary.Id, boundary.Location.Line, $"boundaryEvent '{boundary.Id}' is attached to '{boundary.AttachedToId}', which is not a flow node of this process",
                        ProblemCodes.BoundaryHostUnknown, boundary.Label, boundary.AttachedToId);
                }

                continue;
            }

            if (host is not Activity)
            {
                context.Report(boundary.Id, boundary.Location.Line, $"boundaryEvent '{boundary.Id}' is attached to {host.ElementType} '{host.Id}'; boundary events can only be attached to activities",
                    ProblemCodes.BoundaryHostNotActivity, boundary.Label, host.Label, host.ElementType);
                continue;
            }

            if (host.ParentId != boundary.ParentId)
            {
                context.Report(boundary.Id, boundary.Location.Line, $"boundaryEvent '{boundary.Id}' must be in the same (sub)process as activity '{host.Id}' it is attached to",
                    ProblemCodes.BoundaryHostScope, boundary.Label, host.Label);
                continue;
            }

            Add(byActivity, host.Id, boundary.Id);
        }

        return byActivity;
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
