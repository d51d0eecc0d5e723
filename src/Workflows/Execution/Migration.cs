using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>One mapping of a migration plan: tokens and scopes at the source activity move to the target activity.</summary>
public sealed record MigrationInstruction(string SourceActivityId, string TargetActivityId);

/// <summary>
/// A migration plan (Camunda 7's "process instance migration"): from one deployed version to another, with the
/// complete list of instructions (activities with the same id in both versions mapped automatically, then the
/// given ones, which win).
/// </summary>
public sealed record MigrationPlan(string SourceDefinitionId, string TargetDefinitionId, IReadOnlyList<MigrationInstruction> Instructions);

/// <summary>
/// Why a plan, or one instance under it, cannot be migrated: <see cref="ActivityId"/> names the source activity
/// (empty for the instance as a whole), <see cref="TargetActivityId"/> the target it was mapped to, if any.
/// </summary>
public sealed record MigrationProblem(string ActivityId, string Code, string Message, string? TargetActivityId = null);

/// <summary>An instance a plan would migrate: its active activities and what stops it, if anything.</summary>
public sealed record MigrationInstancePreview(Guid Id, string? BusinessKey, DateTimeOffset StartedAt, IReadOnlyList<string> ActiveActivities, IReadOnlyList<MigrationProblem> Problems);

/// <summary>The answer of a check: the complete plan, the problems of the plan and of the instances, and the preview.</summary>
public sealed record MigrationCheck(MigrationPlan Plan, IReadOnlyList<MigrationProblem> Problems, IReadOnlyList<MigrationInstancePreview> Instances);

/// <summary>An instance could not be migrated under the plan; nothing of it was changed.</summary>
public sealed class MigrationRefusedException : Exception
{
    public MigrationRefusedException(IReadOnlyList<MigrationProblem> problems)
        : base(string.Join(" ", problems.Select(p => p.Message))) => Problems = problems;

    public MigrationRefusedException()
        : this([])
    {
    }

    public MigrationRefusedException(string message)
        : base(message) => Problems = [];

    public MigrationRefusedException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    public IReadOnlyList<MigrationProblem> Problems { get; }
}

/// <summary>
/// Builds and checks migration plans: which source activities map to which target activities and whether each
/// pair is compatible (same kind of element, same scope, multi-instance only to multi-instance).
/// </summary>
internal static class MigrationPlanner
{
    /// <summary>The complete plan: same ids mapped where compatible, then the given instructions; and the plan's own problems.</summary>
    public static (MigrationPlan Plan, List<MigrationProblem> Problems) Build(CompiledDefinition source, CompiledDefinition target, IReadOnlyList<MigrationInstruction>? given)
    {
        var problems = new List<MigrationProblem>();
        if (source.Key != target.Key)
        {
            problems.Add(new MigrationProblem("", "differentProcess",
                $"Instances of '{source.Key}' can only be migrated to another version of '{source.Key}', not to '{target.Key}'."));
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, node) in source.Process.Nodes)
        {
            if (target.Process.Nodes.TryGetValue(id, out var same) && Compatible(node, same))
            {
                map[id] = id;
            }
        }

        foreach (var instruction in given ?? [])
        {
            if (!source.Process.Nodes.TryGetValue(instruction.SourceActivityId, out var from))
            {
                problems.Add(new MigrationProblem(instruction.SourceActivityId, "unknownSourceActivity",
                    $"'{instruction.SourceActivityId}' is not an element of {source.Id}."));
                continue;
            }

            if (!target.Process.Nodes.TryGetValue(instruction.TargetActivityId, out var to))
            {
                problems.Add(new MigrationProblem(instruction.SourceActivityId, "unknownTargetActivity",
                    $"'{instruction.TargetActivityId}' is not an element of {target.Id}.", instruction.TargetActivityId));
                continue;
            }

            if (!Compatible(from, to))
            {
                problems.Add(new MigrationProblem(instruction.SourceActivityId, "incompatibleActivity",
                    $"{from.ElementType} {from.Label} cannot be mapped to {to.ElementType} {to.Label}.", to.Id));
                continue;
            }

            map[from.Id] = to.Id;
        }

        var instructions = map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new MigrationInstruction(p.Key, p.Value)).ToList();
        return (new MigrationPlan(source.Id, target.Id, instructions), problems);
    }

    /// <summary>Same kind of element: user task to user task, timer catch to timer catch, external task to external task.</summary>
    public static bool Compatible(FlowNode from, FlowNode to) =>
        from.GetType() == to.GetType() && (from, to) switch
        {
            (ServiceTask a, ServiceTask b) => a.Implementation.GetType() == b.Implementation.GetType(),
            (IntermediateCatchEvent a, IntermediateCatchEvent b) => a.Trigger == b.Trigger,
            (BoundaryEvent a, BoundaryEvent b) => a.Trigger == b.Trigger,
            (StartEvent a, StartEvent b) => a.Trigger == b.Trigger,
            (EndEvent a, EndEvent b) => a.Trigger == b.Trigger,
            _ => true,
        };

    /// <summary>The activities an instance is active in: every token's node, every scope's activity, the events an event-based gateway waits for.</summary>
    public static List<string> ActiveActivities(InstanceState state)
    {
        var active = new List<string>();
        foreach (var scope in state.Scopes)
        {
            if (scope.ActivityId is { } id && !active.Contains(id))
            {
                active.Add(id);
            }
        }

        foreach (var token in state.Tokens)
        {
            if (!active.Contains(token.NodeId))
            {
                active.Add(token.NodeId);
            }
        }

        return active;
    }

    /// <summary>What stops this instance from being migrated under the plan; empty when it can be.</summary>
    public static List<MigrationProblem> Check(InstanceState state, CompiledDefinition source, CompiledDefinition target, IReadOnlyDictionary<string, string> map)
    {
        var problems = new List<MigrationProblem>();
        if (state.Status != InstanceStatus.Active)
        {
            problems.Add(new MigrationProblem("", "instanceEnded", $"Instance {state.Id} has already ended ({state.Status})."));
            return problems;
        }

        if (state.DefinitionId != source.Id)
        {
            problems.Add(new MigrationProblem("", "wrongSourceDefinition", $"Instance {state.Id} runs {state.DefinitionId}, not {source.Id}."));
            return problems;
        }

        void Add(string activityId, string code, string message, string? targetId = null)
        {
            if (!problems.Exists(p => p.ActivityId == activityId && p.Code == code))
            {
                problems.Add(new MigrationProblem(activityId, code, message, targetId));
            }
        }

        // Catch events an event-based gateway waits for are active too.
        var waitedEvents = state.Tokens
            .Where(t => source.Process.Nodes.GetValueOrDefault(t.NodeId) is EventBasedGateway)
            .SelectMany(t => state.Subscriptions.Where(s => s.TokenId == t.Id).Select(s => s.ActivityId)
                .Concat(state.Jobs.Where(j => j.TokenId == t.Id && j.Kind == JobKind.Timer).Select(j => j.ActivityId)));
        foreach (var id in ActiveActivities(state).Concat(waitedEvents).Distinct(StringComparer.Ordinal))
        {
            var from = source.Process.Node(id);
            if (!map.TryGetValue(id, out var targetId))
            {
                Add(id, "unmapped", $"Active {from.ElementType} {from.Label} is not mapped to an element of {target.Id}.");
                continue;
            }

            var to = target.Process.Node(targetId);
            if (!Compatible(from, to))
            {
                Add(id, "incompatibleActivity", $"{from.ElementType} {from.Label} cannot be mapped to {to.ElementType} {to.Label}.", to.Id);
                continue;
            }

            var expectedParent = from.ParentId is { } parent ? map.GetValueOrDefault(parent) : null;
            if (!string.Equals(expectedParent, to.ParentId, StringComparison.Ordinal))
            {
                Add(id, "scopeChanged", $"{from.Label} is inside {(from.ParentId ?? "the process")}, but {to.Label} is inside {(to.ParentId ?? "the process")}; the scope it is in must be mapped to the scope of its target.", to.Id);
            }
        }

        foreach (var token in state.Tokens)
        {
            if (!map.TryGetValue(token.NodeId, out var targetId))
            {
                continue;
            }

            var to = target.Process.Node(targetId);
            var targetIsMultiInstance = to is Activity { MultiInstance: not null };
            if ((token.IsMultiInstanceBody || token.IsIteration) && !targetIsMultiInstance)
            {
                Add(token.NodeId, "multiInstanceMismatch", $"{source.Process.Node(token.NodeId).Label} runs as multi-instance; {to.Label} is not a multi-instance activity.", to.Id);
            }
            else if (!token.IsMultiInstanceBody && !token.IsIteration && targetIsMultiInstance && token.Phase != TokenPhase.Ready)
            {
                Add(token.NodeId, "multiInstanceMismatch", $"{source.Process.Node(token.NodeId).Label} runs once; {to.Label} is a multi-instance activity.", to.Id);
            }

            if (token.Phase == TokenPhase.Joined && token.ArrivedVia is { } via
                && !(target.Process.Flows.TryGetValue(via, out var flow) && flow.TargetId == targetId))
            {
                Add(token.NodeId, "joinFlowMissing", $"A token waits at {to.Label} for the other branches; it arrived by sequence flow '{via}', which {target.Id} does not lead into {to.Id}.", to.Id);
            }
        }

        return problems;
    }
}
