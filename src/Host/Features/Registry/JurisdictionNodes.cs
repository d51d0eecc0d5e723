using Anju.Host.Reference;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// POST /api/registry/jurisdictions and PUT /api/registry/jurisdictions/{path}: towns, streets and zones under the
/// city, communities under a town/street/zone (administrators). Compounds are created with their registry record
/// (<see cref="Compounds"/>). A node is renamed, never moved or deleted: instances and accounts refer to its path.
/// The tree is read through GET /api/jurisdictions.
/// </summary>
public static class JurisdictionNodes
{
    public const int NameMaxLength = 100;

    public static readonly IReadOnlyList<string> TownKinds = ["street", "town", "zone"];

    public sealed record CreateRequest(string? Parent, string? Id, string? Name, string? Kind);

    public sealed record UpdateRequest(string? Name);

    public static async Task<Results<Created<ListJurisdictions.Node>, ProblemHttpResult>> Create(
        CreateRequest request, HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time)
    {
        var fields = new FieldErrors();
        var parentPath = directory.Resolve(request.Parent);
        var parent = parentPath is null ? null : directory.Find(parentPath);
        if (string.IsNullOrWhiteSpace(request.Parent))
        {
            fields.Add("parent", "field.required");
        }
        else if (parent is null)
        {
            fields.Add("parent", "unknownJurisdiction", request.Parent);
        }

        var kind = request.Kind?.Trim();
        if (string.IsNullOrEmpty(kind))
        {
            fields.Add("kind", "field.required");
        }
        else if (!TownKinds.Contains(kind) && kind != "community")
        {
            fields.Add("kind", "field.kind.unknown", kind);
        }
        else if (parent is not null)
        {
            var expected = kind == "community" ? "street / town / zone" : "city";
            var fits = kind == "community" ? TownKinds.Contains(parent.Kind) : parent.Kind == "city";
            if (!fits)
            {
                fields.Add("parent", "field.parent.kind", expected);
            }
        }

        var id = fields.Id("id", request.Id);
        var name = fields.RequireText("name", request.Name, NameMaxLength);
        var path = parentPath is null || id is null ? null : parentPath + "/" + id;
        if (path is not null && await db.JurisdictionNodes.AnyAsync(n => n.Path == path))
        {
            fields.Add("id", "field.idTaken", id);
        }

        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        var node = new JurisdictionNode { Path = path!, Id = id!, Name = name!, Kind = kind!, ParentPath = parentPath };
        db.JurisdictionNodes.Add(node);
        RegistryLog.Record(db, context, time, RegistryLog.JurisdictionEntity, node.Path, null, View(node));
        await db.SaveChangesAsync();
        await directory.RefreshAsync();
        return TypedResults.Created($"/api/registry/jurisdictions/{node.Path}", View(node));
    }

    public static async Task<Results<Ok<ListJurisdictions.Node>, ProblemHttpResult>> Update(
        string path, UpdateRequest request, HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time)
    {
        var node = await db.JurisdictionNodes.FirstOrDefaultAsync(n => n.Path == path);
        if (node is null)
        {
            return Problem.NotFound(context);
        }

        var fields = new FieldErrors();
        var name = fields.RequireText("name", request.Name, NameMaxLength);
        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        var before = View(node);
        node.Name = name!;
        if (node.Kind == "compound" && await db.Compounds.FirstOrDefaultAsync(c => c.Path == path) is { } compound)
        {
            compound.Name = name!;
        }

        RegistryLog.Record(db, context, time, RegistryLog.JurisdictionEntity, node.Path, before, View(node));
        await db.SaveChangesAsync();
        await directory.RefreshAsync();
        return TypedResults.Ok(View(node));
    }

    private static ListJurisdictions.Node View(JurisdictionNode node) => new(node.Path, node.Id, node.Name, node.Kind, node.ParentPath);
}
