using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Migrations;

/// <summary>
/// POST /api/migrations/check (administrators): the complete plan (same ids mapped automatically, then the given
/// instructions), its problems per activity, and a preview of the instances it would migrate (the given ones, or the
/// source version's active instances). Stores nothing.
/// </summary>
public static class CheckMigration
{
    public sealed record Element(string Id, string? Name, string Type, string? ParentId);

    public sealed record InstanceItem(Guid Id, string? BusinessKey, DateTimeOffset StartedAt, IReadOnlyList<string> ActiveActivities, IReadOnlyList<MigrationProblemView> Problems);

    public sealed record Response(
        string SourceDefinitionId,
        string TargetDefinitionId,
        IReadOnlyList<MigrationRequest.Instruction> Instructions,
        IReadOnlyList<MigrationProblemView> Problems,
        IReadOnlyList<InstanceItem> Instances,
        IReadOnlyList<Element> SourceElements,
        IReadOnlyList<Element> TargetElements);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        MigrationRequest request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (request.Validate(context, forBatch: false) is { } invalid)
        {
            return invalid;
        }

        var source = await engine.GetDefinitionAsync(request.SourceDefinitionId!, cancellationToken);
        var target = await engine.GetDefinitionAsync(request.TargetDefinitionId!, cancellationToken);
        if (source is null || target is null)
        {
            return Problem.NotFound(context);
        }

        var check = await engine.CheckMigrationAsync(source.Id, target.Id, request.EngineInstructions(), request.InstanceIds, cancellationToken);
        var english = Messages.IsEnglish(context);
        MigrationProblemView View(Workflows.Execution.MigrationProblem p) => MigrationProblems.View(english, p, source.Process, target.Process);
        return TypedResults.Ok(new Response(
            source.Id,
            target.Id,
            [.. check.Plan.Instructions.Select(i => new MigrationRequest.Instruction(i.SourceActivityId, i.TargetActivityId))],
            [.. check.Problems.Select(View)],
            [.. check.Instances.Select(i => new InstanceItem(i.Id, i.BusinessKey, i.StartedAt, i.ActiveActivities, [.. i.Problems.Select(View)]))],
            Elements(source.Process),
            Elements(target.Process)));
    }

    /// <summary>Every element a token or scope can be at (sequence flows aside), by name then id.</summary>
    private static List<Element> Elements(ProcessDefinition process) =>
        [.. process.Nodes.Values
            .OrderBy(n => n.Location.Line).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new Element(n.Id, n.Name, n.ElementType, n.ParentId))];
}
