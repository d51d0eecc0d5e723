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

    /// <summary>camunda:executionListener on the process: start (before its start event) and end (as it completes).</summary>
    public ImmutableArray<Listener> Listeners { get; init; } = [];

    /// <summary>Whether any event is conditional (then variable changes are followed by evaluating their conditions).</summary>
    public bool HasConditionalEvents { get; init; }

    /// <summary>The event subprocesses, at every level (see <see cref="SubProcess.TriggeredByEvent"/>).</summary>
    public ImmutableArray<string> EventSubProcesses { get; init; } = [];

    /// <summary>camunda:candidateStarterGroups: the groups (roles) whose members may start the process through the API.</summary>
    public ImmutableArray<string> CandidateStarterGroups { get; init; } = [];

    /// <summary>camunda:candidateStarterUsers: the users who may start the process through the API.</summary>
    public ImmutableArray<string> CandidateStarterUsers { get; init; } = [];

    /// <summary>
    /// The process's case number (受理编号) prefix, from its <c>camunda:property name="caseNumberPrefix"</c>: every
    /// instance started at the top level gets <c>PREFIX-YYYY-NNNNNN</c> (see <c>CaseNumbers</c>); null: no number.
    /// </summary>
    public string? CaseNumberPrefix { get; init; }

    /// <summary>
    /// <c>caseSummary</c>: the process variables whose text values, in order, make the case's one-line summary
    /// (e.g. the compound and the description); stored with the instance and searchable.
    /// </summary>
    public ImmutableArray<string> CaseSummaryVariables { get; init; } = [];

    /// <summary><c>caseSearch</c>: further process variables whose text values are searchable (phones, places, names).</summary>
    public ImmutableArray<string> CaseSearchVariables { get; init; } = [];

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"No element '{id}' in process '{Key}'.");

    public SequenceFlow Flow(string id) =>
        Flows.TryGetValue(id, out var flow) ? flow : throw new KeyNotFoundException($"No sequence flow '{id}' in process '{Key}'.");

    /// <summary>The none start event at process level, if any.</summary>
    public StartEvent? NoneStartEvent =>
        StartEvents.Select(id => (StartEvent)Nodes[id]).FirstOrDefault(s => s.Trigger == EventTrigger.None);
}
