using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Reference;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// The violation category → leading department table (procedures.md, §9 and §23): GET for any signed-in user,
/// POST and PUT /api/registry/violation-categories[/{id}] for administrators. The referral process reads it at
/// run time (routeViolation), so an edit applies to the next referral routed.
/// </summary>
public static class ViolationCategories
{
    public sealed record View(string Id, string Name, string LeadingDepartment, IReadOnlyList<string> SupportingDepartments, bool Urgent)
    {
        public static View Of(ViolationCategory c) => new(c.Id, c.Name, c.LeadingDepartment, c.Supporting, c.Urgent);
    }

    public sealed record CreateRequest(string? Id, string? Name, string? LeadingDepartment, string?[]? SupportingDepartments, bool? Urgent);

    /// <summary>Members left out stay as they are; a supporting list given replaces the old one.</summary>
    public sealed record UpdateRequest(string? Name, string? LeadingDepartment, string?[]? SupportingDepartments, bool? Urgent);

    public static async Task<IReadOnlyList<View>> List(HostDbContext db) =>
        [.. (await db.Set<ViolationCategory>().AsNoTracking().OrderBy(c => c.Id).ToListAsync()).Select(View.Of)];

    public static async Task<Results<Ok<View>, ProblemHttpResult>> Get(string id, HttpContext context, HostDbContext db) =>
        await db.Set<ViolationCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is { } category
            ? TypedResults.Ok(View.Of(category))
            : Problem.NotFound(context);

    public static async Task<Results<Created<View>, ProblemHttpResult>> Create(
        CreateRequest request, HttpContext context, HostDbContext db, TimeProvider time)
    {
        var fields = new FieldErrors();
        var id = fields.Id("id", request.Id);
        if (id is not null && await db.Set<ViolationCategory>().AnyAsync(c => c.Id == id))
        {
            fields.Add("id", "field.idTaken", id);
        }

        var category = new ViolationCategory { Id = id ?? "", Name = "", LeadingDepartment = "" };
        await ApplyAsync(fields, db, category, request.Name, request.LeadingDepartment, request.SupportingDepartments ?? [], request.Urgent ?? false);
        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        db.Set<ViolationCategory>().Add(category);
        RegistryLog.Record(db, context, time, RegistryLog.ViolationCategoryEntity, category.Id, null, View.Of(category));
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/registry/violation-categories/{category.Id}", View.Of(category));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> Update(
        string id, UpdateRequest request, HttpContext context, HostDbContext db, TimeProvider time)
    {
        var category = await db.Set<ViolationCategory>().FirstOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return Problem.NotFound(context);
        }

        var before = View.Of(category);
        var fields = new FieldErrors();
        await ApplyAsync(fields, db, category,
            request.Name ?? category.Name,
            request.LeadingDepartment ?? category.LeadingDepartment,
            request.SupportingDepartments ?? [.. category.Supporting],
            request.Urgent ?? category.Urgent);
        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        RegistryLog.Record(db, context, time, RegistryLog.ViolationCategoryEntity, category.Id, before, View.Of(category));
        await db.SaveChangesAsync();
        return TypedResults.Ok(View.Of(category));
    }

    private static async Task ApplyAsync(
        FieldErrors fields, HostDbContext db, ViolationCategory category, string? name, string? leading, IReadOnlyList<string?> supporting, bool urgent)
    {
        var known = (await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        category.Name = fields.RequireText("name", name, 200) ?? "";
        var lead = leading?.Trim();
        if (string.IsNullOrEmpty(lead))
        {
            fields.Add("leadingDepartment", "field.required");
        }
        else if (!known.Contains(lead))
        {
            fields.Add("leadingDepartment", "field.department.unknown", lead);
        }

        category.LeadingDepartment = lead ?? "";
        var others = new List<string>();
        foreach (var value in supporting)
        {
            var department = value?.Trim();
            if (string.IsNullOrEmpty(department) || !known.Contains(department))
            {
                fields.Add("supportingDepartments", "field.department.unknown", value);
            }
            else if (department == lead)
            {
                fields.Add("supportingDepartments", "field.department.sameAsLeading", department);
            }
            else if (!others.Contains(department))
            {
                others.Add(department);
            }
        }

        category.SupportingDepartments = string.Join(',', others);
        category.Urgent = urgent;
    }
}
