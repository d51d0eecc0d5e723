using Anju.Workflows.Execution;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>How many instances a check previews when it is not given the instances.</summary>
    public const int MigrationPreviewLimit = 500;

    /// <summary>
    /// Checks a migration from one version to another before it runs: builds the complete plan (same ids mapped
    /// automatically, then <paramref name="instructions"/>), its problems, and for each given instance (or the
    /// first <see cref="MigrationPreviewLimit"/> active instances of the source version) the active activities
    /// and what would stop it. Stores nothing.
    /// </summary>
    /// <exception cref="WorkflowException">A version does not exist (kind NotFound).</exception>
    public async Task<MigrationCheck> CheckMigrationAsync(
        string sourceDefinitionId,
        string targetDefinitionId,
        IReadOnlyList<MigrationInstruction>? instructions,
        IReadOnlyList<Guid>? instanceIds,
        CancellationToken cancellationToken = default)
    {
        var source = await Definitions.GetAsync(sourceDefinitionId, cancellationToken);
        var target = await Definitions.GetAsync(targetDefinitionId, cancellationToken);
        var (plan, problems) = MigrationPlanner.Build(source, target, instructions);
        var map = Map(plan);

        var states = await Store.ReadInstancesAsync(instanceIds, source.Id, MigrationPreviewLimit, cancellationToken);
        var previews = new List<MigrationInstancePreview>(states.Count);
        foreach (var state in states)
        {
            var instanceProblems = MigrationPlanner.Check(state, source, target, map);
            previews.Add(new MigrationInstancePreview(state.Id, state.BusinessKey, state.StartedAt, MigrationPlanner.ActiveActivities(state), instanceProblems));
            foreach (var problem in instanceProblems)
            {
                if (!problems.Exists(p => p.ActivityId == problem.ActivityId && p.Code == problem.Code))
                {
                    problems.Add(problem);
                }
            }
        }

        return new MigrationCheck(plan, problems, previews);
    }

    /// <summary>
    /// The complete plan from one version to another (same ids mapped automatically, then
    /// <paramref name="instructions"/>) and the plan's own problems (unknown or incompatible instructions), without
    /// looking at instances.
    /// </summary>
    /// <exception cref="WorkflowException">A version does not exist (kind NotFound).</exception>
    public async Task<(MigrationPlan Plan, IReadOnlyList<MigrationProblem> Problems)> PlanMigrationAsync(
        string sourceDefinitionId, string targetDefinitionId, IReadOnlyList<MigrationInstruction>? instructions, CancellationToken cancellationToken = default)
    {
        var source = await Definitions.GetAsync(sourceDefinitionId, cancellationToken);
        var target = await Definitions.GetAsync(targetDefinitionId, cancellationToken);
        return MigrationPlanner.Build(source, target, instructions);
    }

    /// <summary>
    /// Migrates one instance under a plan (from <see cref="CheckMigrationAsync"/>), all or nothing, in one
    /// command: the document and every projection row move to the target version, and the journal records
    /// <c>InstanceMigrated</c> with the actor, the reason, both versions and the mapping of its active activities.
    /// </summary>
    /// <exception cref="MigrationRefusedException">The plan does not fit this instance; nothing was changed.</exception>
    /// <exception cref="WorkflowException">The instance or a version does not exist, or it changed meanwhile.</exception>
    public Task MigrateAsync(Guid instanceId, MigrationPlan plan, string reason, string? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunAsync(actor, async (context, ct) =>
        {
            var source = await Definitions.GetAsync(context.Session, plan.SourceDefinitionId, ct);
            var target = await Definitions.GetAsync(context.Session, plan.TargetDefinitionId, ct);
            var (checkedPlan, problems) = MigrationPlanner.Build(source, target, plan.Instructions);
            if (problems.Count > 0)
            {
                throw new MigrationRefusedException(problems);
            }

            var map = Map(checkedPlan);
            var runner = await context.GetAsync(instanceId, ct);
            problems = MigrationPlanner.Check(runner.State, source, target, map);
            if (problems.Count > 0)
            {
                throw new MigrationRefusedException(problems);
            }

            runner.Migrate(target, map, reason);
        }, cancellationToken);
    }

    private static Dictionary<string, string> Map(MigrationPlan plan)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instruction in plan.Instructions)
        {
            map[instruction.SourceActivityId] = instruction.TargetActivityId;
        }

        return map;
    }
}
