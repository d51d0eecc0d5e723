using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Reference;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// GET /api/registry/departments (any signed-in user), POST and PUT /api/registry/departments[/{id}]
/// (administrators). A department is never deleted: accounts, categories and tasks (dept:&lt;id&gt;) refer to it.
/// </summary>
public static class Departments
{
    public sealed record View(string Id, string Name, string ShortName, string Group)
    {
        public static View Of(Department d) => new(d.Id, d.Name, d.ShortName, Department.GroupOf(d.Id));
    }

    public sealed record CreateRequest(string? Id, string? Name, string? ShortName);

    public sealed record UpdateRequest(string? Name, string? ShortName);

    public static async Task<IReadOnlyList<View>> List(HostDbContext db) =>
        [.. (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync()).Select(View.Of)];

    public static async Task<Results<Ok<View>, ProblemHttpResult>> Get(string id, HttpContext context, HostDbContext db) =>
        await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id) is { } department
            ? TypedResults.Ok(View.Of(department))
            : Problem.NotFound(context);

    public static async Task<Results<Created<View>, ProblemHttpResult>> Create(
        CreateRequest request, HttpContext context, HostDbContext db, TimeProvider time)
    {
        var fields = new FieldErrors();
        var id = fields.Id("id", request.Id);
        var name = fields.RequireText("name", request.Name, 100);
        var shortName = fields.RequireText("shortName", request.ShortName, 50);
        if (id is not null && await db.Departments.AnyAsync(d => d.Id == id))
        {
            fields.Add("id", "field.idTaken", id);
        }

        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        var department = new Department { Id = id!, Name = name!, ShortName = shortName! };
        db.Departments.Add(department);
        RegistryLog.Record(db, context, time, RegistryLog.DepartmentEntity, department.Id, null, View.Of(department));
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/registry/departments/{department.Id}", View.Of(department));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> Update(
        string id, UpdateRequest request, HttpContext context, HostDbContext db, TimeProvider time)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            return Problem.NotFound(context);
        }

        var before = View.Of(department);
        var fields = new FieldErrors();
        var name = request.Name is null ? department.Name : fields.RequireText("name", request.Name, 100);
        var shortName = request.ShortName is null ? department.ShortName : fields.RequireText("shortName", request.ShortName, 50);
        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        department.Name = name!;
        department.ShortName = shortName!;
        RegistryLog.Record(db, context, time, RegistryLog.DepartmentEntity, department.Id, before, View.Of(department));
        await db.SaveChangesAsync();
        return TypedResults.Ok(View.Of(department));
    }
}
