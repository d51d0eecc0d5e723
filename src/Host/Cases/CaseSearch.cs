using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Cases;

/// <summary>
/// Case search (the inbox's <c>text</c>, the instance list's <c>q</c>): a case matches by its case number (受理编号,
/// in any letter case), its business key, or the text of the variables its procedure names as searchable data
/// (<c>caseSummary</c>, <c>caseSearch</c>: compound name, description, caller's or complainant's phone, place; see
/// <see cref="CaseNumbers"/>). Only within what the caller may see: the lists apply their role and jurisdiction
/// filters first. Also the case's number and one-line summary for list rows.
/// </summary>
public static class CaseSearch
{
    /// <summary>Longest search text accepted (characters); longer is a 400 naming the field.</summary>
    public const int MaxLength = 100;

    /// <summary>Instances matching <paramref name="text"/> (trimmed, non-empty).</summary>
    public static IQueryable<InstanceRow> Matching(IQueryable<InstanceRow> instances, string text)
    {
        var number = text.ToUpperInvariant();
        return instances.Where(i =>
            (i.CaseNumber != null && i.CaseNumber.Contains(number))
            || (i.BusinessKey != null && i.BusinessKey.Contains(text))
            || (i.CaseText != null && i.CaseText.Contains(text)));
    }

    /// <summary>Tasks whose name, or whose case (as the instance search), matches <paramref name="text"/>.</summary>
    public static IQueryable<TaskRow> Matching(WorkflowDbContext db, IQueryable<TaskRow> tasks, string text)
    {
        var number = text.ToUpperInvariant();
        return tasks.Where(t =>
            (t.Name != null && t.Name.Contains(text))
            || (t.BusinessKey != null && t.BusinessKey.Contains(text))
            || db.Instances.Any(i => i.Id == t.InstanceId
                && ((i.CaseNumber != null && i.CaseNumber.Contains(number)) || (i.CaseText != null && i.CaseText.Contains(text)))));
    }

    /// <summary>What a list row shows of its case.</summary>
    public sealed record CaseLine(string? CaseNumber, string? Summary);

    /// <summary>The case number and summary of each of <paramref name="instanceIds"/> (one query by key).</summary>
    public static async Task<Dictionary<Guid, CaseLine>> LinesAsync(WorkflowDbContext db, IEnumerable<Guid> instanceIds, CancellationToken cancellationToken)
    {
        var ids = instanceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.CaseNumber, i.CaseSummary })
            .ToDictionaryAsync(i => i.Id, i => new CaseLine(i.CaseNumber, i.CaseSummary), cancellationToken);
    }

    /// <summary>The procedure's display name (its process name), from the engine's cache of compiled versions.</summary>
    public static async ValueTask<string?> ProcedureNameAsync(WorkflowEngine engine, string definitionId, CancellationToken cancellationToken)
    {
        try
        {
            return (await engine.Definitions.GetAsync(definitionId, cancellationToken)).Process.Name;
        }
        catch (Workflows.Execution.WorkflowException)
        {
            return null;
        }
    }
}
