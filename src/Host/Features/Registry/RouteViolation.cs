using System.Text.Json.Nodes;
using Anju.Host.Reference;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// <c>routeViolation</c>: finds the leading (and supporting) departments of the reported category in the
/// registry's table at run time, honouring the station's override (<c>overrideLeading</c>).
/// </summary>
public sealed class RouteViolation : IServiceTaskHandler
{
    public const string Name = "routeViolation";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var categoryId = context.VariableText("category");
        await using var db = await context.HostDbAsync(cancellationToken);
        var category = await db.Set<ViolationCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken)
            ?? throw new BpmnErrorException("unknown-category", $"Violation category '{categoryId}' is not in the registry.");
        var leading = context.VariableText("overrideLeading") is { Length: > 0 } chosen ? chosen : category.LeadingDepartment;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        if (!departments.TryGetValue(leading, out var leadingDepartment))
        {
            throw new BpmnErrorException("unknown-department", $"Department '{leading}' is not in the registry.");
        }

        var all = new List<string> { leading };
        all.AddRange(category.Supporting.Where(d => d != leading && departments.ContainsKey(d)));
        if (leading != category.LeadingDepartment && !all.Contains(category.LeadingDepartment))
        {
            // Overridden: the category's usual department still supports.
            all.Add(category.LeadingDepartment);
        }

        context.SetVariable("categoryName", category.Name);
        context.SetVariable("urgent", category.Urgent);
        context.SetVariable("leadingDepartment", leading);
        context.SetVariable("leadingDepartmentName", leadingDepartment.ShortName);
        context.SetVariable("leadingGroup", Department.GroupOf(leading));
        context.SetVariable("departments", new JsonArray([.. all.Select(d => (JsonNode)d)]));
        context.SetVariable("departmentGroups", new JsonArray([.. all.Select(d => (JsonNode)Department.GroupOf(d))]));
        context.SetVariable("supportingGroups", new JsonArray([.. all.Skip(1).Select(d => (JsonNode)Department.GroupOf(d))]));
    }
}
