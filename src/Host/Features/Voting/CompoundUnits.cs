using Anju.Host.Features.Tasks;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET and POST /api/compounds/{compound}/units: the owners' register of a compound (业主名册) — its units, their
/// exclusive floor area and owner — for administrators and the street office within their jurisdiction. The
/// compound is a path or a node id; one out of reach is 404. A ballot takes its electorate from here when it opens.
/// </summary>
public static class CompoundUnits
{
    public const decimal MaxArea = 100_000m;

    public sealed record Request(string? Number, decimal? Area, string? Owner);

    public sealed record UnitView(Guid Id, string Number, decimal Area, string Owner, string? OwnerName);

    public sealed record OwnerView(string Owner, string? DisplayName, int Units, decimal Area);

    public sealed record Register(string Compound, string CompoundName, int OwnerCount, decimal TotalArea, IReadOnlyList<OwnerView> Owners, IReadOnlyList<UnitView> Units);

    public static async Task<IResult> List(string compound, HttpContext context, HostDbContext db, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        if (Resolve(compound, context, directory) is not { } node)
        {
            return Problem.NotFound(context);
        }

        var units = await db.Units.AsNoTracking().Where(u => u.CompoundPath == node.Path).ToListAsync(cancellationToken);
        var usernames = units.Select(u => u.Owner).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => usernames.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        var owners = units.GroupBy(u => u.Owner, StringComparer.Ordinal)
            .Select(g => new OwnerView(g.Key, names.GetValueOrDefault(g.Key), g.Count(), g.Sum(u => u.Area)))
            .OrderBy(o => o.Owner, StringComparer.Ordinal).ToList();
        var views = units.OrderBy(u => u.Number, StringComparer.Ordinal)
            .Select(u => new UnitView(u.Id, u.Number, u.Area, u.Owner, names.GetValueOrDefault(u.Owner))).ToList();
        return TypedResults.Ok(new Register(node.Path, node.Name, owners.Count, units.Sum(u => u.Area), owners, views));
    }

    public static async Task<IResult> Add(
        string compound, Request request, HttpContext context, HostDbContext db, JurisdictionDirectory directory,
        UserManager<AnjuUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Resolve(compound, context, directory) is not { } node)
        {
            return Problem.NotFound(context);
        }

        var errors = new FieldErrors();
        var number = errors.RequireText("number", request.Number, 50);
        if (request.Area is not { } area)
        {
            errors.Add("area", "field.required");
        }
        else if (area <= 0 || area > MaxArea || decimal.Round(area, 2) != area)
        {
            errors.Add("area", "field.unit.area");
        }

        var ownerName = errors.RequireText("owner", request.Owner, 256);
        if (ownerName is not null)
        {
            var owner = await users.FindByNameAsync(ownerName);
            if (owner is null || !await users.IsInRoleAsync(owner, Roles.Owner))
            {
                errors.Add("owner", "field.unit.owner", ownerName);
            }
            else
            {
                ownerName = owner.UserName!;
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        if (await db.Units.AnyAsync(u => u.CompoundPath == node.Path && u.Number == number, cancellationToken))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.exists", number);
        }

        var unit = new OwnedUnit
        {
            Id = Guid.NewGuid(),
            CompoundPath = node.Path,
            Number = number!,
            Area = request.Area!.Value,
            Owner = ownerName!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = CurrentUser.From(context).Username,
        };
        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.exists", number);
        }

        var displayName = (await users.FindByNameAsync(unit.Owner))?.DisplayName;
        return TypedResults.Created(
            $"/api/compounds/{Uri.EscapeDataString(node.Id)}/units/{unit.Id}",
            new UnitView(unit.Id, unit.Number, unit.Area, unit.Owner, displayName));
    }

    /// <summary>The compound node, when the path or id names a compound the caller reaches.</summary>
    private static JurisdictionNode? Resolve(string compound, HttpContext context, JurisdictionDirectory directory) =>
        directory.Resolve(Uri.UnescapeDataString(compound)) is { } path
        && directory.Find(path) is { Kind: "compound" } node
        && CurrentUser.From(context).Reaches(path)
            ? node
            : null;
}
