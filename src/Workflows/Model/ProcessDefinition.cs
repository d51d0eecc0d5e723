using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Anju.Workflows.Model;

/// <summary>
/// One executable process, parsed once and immutable. Nodes of embedded subprocesses live in the same maps
/// with <see cref="FlowNode.ParentId"/> naming their subprocess.
/// </summary>
public sealed record ProcessDefinition
{
    /// <summary>The process id in the XML, which is the definition key.</summary>
    public required string Key { get; init; }

    public string? Name { get; init; }
    public required FrozenDictionary<string, FlowNode> Nodes { get; init; }
    public required FrozenDictionary<string, SequenceFlow> Flows { get; init; }

    /// <summary>Start events at process level (none, message, timer).</summary>
    public ImmutableArray<string> StartEvents { get; init; } = [];

    /// <summary>camunda:candidateStarterGroups: the groups (roles) whose members may start the process through the API.</summary>
    public ImmutableArray<string> CandidateStarterGroups { get; init; } = [];

    /// <summary>camunda:candidateStarterUsers: the users who may start the process through the API.</summary>
    public ImmutableArray<string> CandidateStarterUsers { get; init; } = [];

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"No element '{id}' in process '{Key}'.");

    public SequenceFlow Flow(string id) =>
        Flows.TryGetValue(id, out var flow) ? flow : throw new KeyNotFoundException($"No sequence flow '{id}' in process '{Key}'.");

    /// <summary>The none start event at process level, if any.</summary>
    public StartEvent? NoneStartEvent =>
        StartEvents.Select(id => (StartEvent)Nodes[id]).FirstOrDefault(s => s.Trigger == EventTrigger.None);
}
