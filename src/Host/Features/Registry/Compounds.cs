using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Reference;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// The compound registry (小区档案): GET /api/registry/compounds[/{path}] for any signed-in user within their
/// jurisdiction (out of reach answers 404); POST and PUT for administrators. Creating a compound creates its node
/// in the jurisdiction tree under the given community.
/// </summary>
public static class Compounds
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public sealed record View(
        string Path, string Id, string Name, string CommunityPath, string StreetPath, string? PropertyFirm, string? ProjectManager,
        string CommitteeStatus, decimal FloorArea, int Units, decimal DeliveredShare, DateOnly? FirstDeliveredOn)
    {
        public static View Of(Compound c) => new(
            c.Path, c.Path[(c.Path.LastIndexOf('/') + 1)..], c.Name, c.CommunityPath, c.StreetPath, c.PropertyFirm, c.ProjectManager,
            c.CommitteeStatus, c.FloorArea, c.Units, c.DeliveredShare, c.FirstDeliveredOn);
    }

    public sealed record Response(IReadOnlyList<View> Items, int Total, int Page, int PageSize);

    public sealed record CreateRequest(
        string? Community, string? Id, string? Name, string? PropertyFirm, string? ProjectManager, string? CommitteeStatus,
        decimal? FloorArea, int? Units, decimal? DeliveredShare, DateOnly? FirstDeliveredOn);

    /// <summary>Members left out stay as they are; an empty firm or manager clears it.</summary>
    public sealed record UpdateRequest(
        string? Name, string? PropertyFirm, string? ProjectManager, string? CommitteeStatus,
        decimal? FloorArea, int? Units, decimal? DeliveredShare, DateOnly? FirstDeliveredOn);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> List(
        HttpContext context, HostDbContext db, JurisdictionDirectory directory,
        string? jurisdiction = null, string? text = null, int? page = null, int? pageSize = null)
    {
        var user = CurrentUser.From(context);
        IQueryable<Compound> query = db.Compounds.AsNoTracking();
        if (!user.IsAdmin)
        {
            query = query.Within(c => c.Path, user.Jurisdictions);
        }

        if (!string.IsNullOrEmpty(jurisdiction))
        {
            var path = directory.Resolve(jurisdiction);
            if (path is null)
            {
                var fields = new FieldErrors();
                fields.Add("jurisdiction", "unknownJurisdiction", jurisdiction);
                return fields.ToProblem(context);
            }

            query = query.Within(c => c.Path, [path]);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var value = text.Trim();
            query = query.Where(c => c.Name.Contains(value) || (c.PropertyFirm != null && c.PropertyFirm.Contains(value)));
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync();
        var items = await query.OrderBy(c => c.Path).Skip((number - 1) * size).Take(size).ToListAsync();
        return TypedResults.Ok(new Response([.. items.Select(View.Of)], total, number, size));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> Get(string path, HttpContext context, HostDbContext db)
    {
        var user = CurrentUser.From(context);
        var compound = user.Reaches(path) ? await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.Path == path) : null;
        return compound is null ? Problem.NotFound(context) : TypedResults.Ok(View.Of(compound));
    }

    public static async Task<Results<Created<View>, ProblemHttpResult>> Create(
        CreateRequest request, HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time)
    {
        var fields = new FieldErrors();
        var communityPath = directory.Resolve(request.Community);
        var community = communityPath is null ? null : directory.Find(communityPath);
        if (string.IsNullOrWhiteSpace(request.Community))
        {
            fields.Add("community", "field.required");
        }
        else if (community is null)
        {
            fields.Add("community", "unknownJurisdiction", request.Community);
        }
        else if (community.Kind != "community")
        {
            fields.Add("community", "field.parent.kind", "community");
        }

        var id = fields.Id("id", request.Id);
        var name = fields.RequireText("name", request.Name, JurisdictionNodes.NameMaxLength);
        var path = community is null || id is null ? null : community.Path + "/" + id;
        if (path is not null && await db.JurisdictionNodes.AnyAsync(n => n.Path == path))
        {
            fields.Add("id", "field.idTaken", id);
        }

        var compound = new Compound
        {
            Path = path ?? "",
            Name = name ?? "",
            CommunityPath = community?.Path ?? "",
            StreetPath = community?.ParentPath ?? "",
        };
        Apply(fields, compound, request.PropertyFirm, request.ProjectManager, request.CommitteeStatus ?? CommitteeStatuses.None,
            request.FloorArea ?? 0, request.Units ?? 0, request.DeliveredShare ?? 1m, request.FirstDeliveredOn);
        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        var node = new JurisdictionNode { Path = compound.Path, Id = id!, Name = compound.Name, Kind = "compound", ParentPath = compound.CommunityPath };
        db.JurisdictionNodes.Add(node);
        db.Compounds.Add(compound);
        RegistryLog.Record(db, context, time, RegistryLog.CompoundEntity, compound.Path, null, View.Of(compound));
        await db.SaveChangesAsync();
        await directory.RefreshAsync();
        return TypedResults.Created($"/api/registry/compounds/{compound.Path}", View.Of(compound));
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult>> Update(
        string path, UpdateRequest request, HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time)
    {
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.Path == path);
        if (compound is null)
        {
            return Problem.NotFound(context);
        }

        var before = View.Of(compound);
        var fields = new FieldErrors();
        if (request.Name is not null && fields.RequireText("name", request.Name, JurisdictionNodes.NameMaxLength) is { } name)
        {
            compound.Name = name;
        }

        Apply(fields, compound,
            request.PropertyFirm ?? compound.PropertyFirm,
            request.ProjectManager ?? compound.ProjectManager,
            request.CommitteeStatus ?? compound.CommitteeStatus,
            request.FloorArea ?? compound.FloorArea,
            request.Units ?? compound.Units,
            request.DeliveredShare ?? compound.DeliveredShare,
            request.FirstDeliveredOn ?? compound.FirstDeliveredOn);
        if (fields.Any)
        {
            return fields.ToProblem(context);
        }

        if (compound.Name != before.Name && await db.JurisdictionNodes.FirstOrDefaultAsync(n => n.Path == path) is { } node)
        {
            node.Name = compound.Name;
        }

        RegistryLog.Record(db, context, time, RegistryLog.CompoundEntity, compound.Path, before, View.Of(compound));
        await db.SaveChangesAsync();
        if (compound.Name != before.Name)
        {
            await directory.RefreshAsync();
        }

        return TypedResults.Ok(View.Of(compound));
    }

    private static void Apply(
        FieldErrors fields, Compound compound, string? firm, string? manager, string committeeStatus,
        decimal floorArea, int units, decimal deliveredShare, DateOnly? firstDeliveredOn)
    {
        compound.PropertyFirm = fields.OptionalText("propertyFirm", firm, 200);
        compound.ProjectManager = fields.OptionalText("projectManager", manager, 100);
        if (!CommitteeStatuses.All.Contains(committeeStatus))
        {
            fields.Add("committeeStatus", "field.enum");
        }

        compound.CommitteeStatus = committeeStatus;
        fields.Range("floorArea", floorArea, 0m, 100_000_000m);
        compound.FloorArea = floorArea;
        fields.Range("units", units, 0m, 1_000_000m);
        compound.Units = units;
        fields.Range("deliveredShare", deliveredShare, 0m, 1m);
        compound.DeliveredShare = deliveredShare;
        compound.FirstDeliveredOn = firstDeliveredOn;
    }
}
