using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Reference;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// GET and POST /api/compounds/{compound}/units: the owners' register of a compound (业主名册) — its units, their
/// exclusive floor area and owner — for administrators and the street office within their jurisdiction. The
/// compound is a path or a node id; one out of reach is 404. A ballot takes its electorate from here when it opens.
/// An owner is an owner account (<c>owner</c>), a person without one (<c>ownerName</c> and <c>ownerIdTail</c>,
/// optionally <c>ownerPhone</c>) or the developer holding unsold units (<c>developer: true</c>, <c>ownerName</c>
/// its name). POST .../register/confirmation { tolerance, note } is the street office's confirmation that the
/// register may serve as a ballot's base although it differs from the registry's figures (<see cref="OwnersRegister"/>).
/// </summary>
public static class CompoundUnits
{
    public const decimal MaxArea = 100_000m;
    public const int MaxOwnerName = 100;
    public const int MaxPhone = 30;
    public const int MaxIdTail = 6;
    public const int MinIdTail = 4;
    public const int MaxNote = 500;
    public const int MaxNumber = 50;

    public sealed record Request(
        string? Number, decimal? Area, string? Owner, string? OwnerName = null, string? OwnerPhone = null, string? OwnerIdTail = null, bool? Developer = null);

    public sealed record UnitView(Guid Id, string Number, decimal Area, string Owner, string? OwnerName, string OwnerKind, string? OwnerPhone, string? OwnerIdTail);

    public sealed record OwnerView(string Owner, string? DisplayName, int Units, decimal Area, string Kind);

    public sealed record ConfirmationView(decimal Tolerance, decimal RegisterArea, int RegisterUnits, decimal RegisteredArea, int RegisteredUnits, string Note, string ConfirmedBy, DateTimeOffset ConfirmedAt)
    {
        public static ConfirmationView From(RegisterConfirmation c) => new(
            c.Tolerance, c.RegisterArea, c.RegisterUnits, c.RegisteredArea, c.RegisteredUnits, c.Note, c.ConfirmedBy, BallotView.Utc(c.ConfirmedAt));
    }

    /// <summary>The register against the registry: what a ballot opened now would count, and whether it may open.</summary>
    public sealed record Comparison(
        decimal RegisteredArea,
        int RegisteredUnits,
        decimal AreaDifference,
        int UnitDifference,
        decimal AreaDifferenceShare,
        decimal UnitDifferenceShare,
        decimal Tolerance,
        bool Agrees,
        ConfirmationView? Confirmation);

    public sealed record Register(
        string Compound, string CompoundName, int OwnerCount, decimal TotalArea, int UnitCount, Comparison Comparison,
        IReadOnlyList<OwnerView> Owners, IReadOnlyList<UnitView> Units);

    public sealed record ConfirmRequest(decimal? Tolerance, string? Note);

    public static async Task<IResult> List(
        string compound, HttpContext context, HostDbContext db, JurisdictionDirectory directory, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (Resolve(compound, context, directory) is not { } node)
        {
            return Problem.NotFound(context);
        }

        var units = await db.Set<OwnedUnit>().AsNoTracking().Where(u => u.CompoundPath == node.Path).ToListAsync(cancellationToken);
        var usernames = units.Where(u => u.OwnerKind == OwnerKinds.Account).Select(u => u.Owner).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => usernames.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        string? NameOf(OwnedUnit u) => u.OwnerName ?? names.GetValueOrDefault(u.Owner);
        var owners = units.GroupBy(u => u.Owner, StringComparer.Ordinal)
            .Select(g => new OwnerView(g.Key, NameOf(g.First()), g.Count(), g.Sum(u => u.Area), g.First().OwnerKind))
            .OrderBy(o => o.Owner, StringComparer.Ordinal).ToList();
        var views = units.OrderBy(u => u.Number, StringComparer.Ordinal).Select(u => View(u, NameOf(u))).ToList();
        var totals = await OwnersRegister.ComputeAsync(db, node.Path, OwnersRegister.DefaultTolerance(configuration), cancellationToken);
        var comparison = new Comparison(
            totals.RegisteredArea, totals.RegisteredUnits,
            totals.RegisterArea - totals.RegisteredArea, totals.RegisterUnits - totals.RegisteredUnits,
            totals.AreaDifference, totals.UnitDifference, totals.Tolerance, totals.Agrees,
            totals.Confirmation is { } c ? ConfirmationView.From(c) : null);
        return TypedResults.Ok(new Register(node.Path, node.Name, owners.Count, totals.RegisterArea, units.Count, comparison, owners, views));
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
        var number = errors.RequireText("number", request.Number, MaxNumber);
        CheckArea(errors, request.Area);

        var unit = new OwnedUnit
        {
            Id = Guid.NewGuid(),
            CompoundPath = node.Path,
            Number = number ?? "",
            Area = request.Area ?? 0,
            Owner = "",
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = CurrentUser.From(context).Username,
        };
        var displayName = await ApplyOwnerAsync(request, unit, errors, users);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        if (await db.Set<OwnedUnit>().AnyAsync(u => u.CompoundPath == node.Path && u.Number == number, cancellationToken))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.exists", number);
        }

        db.Set<OwnedUnit>().Add(unit);
        RegistryLog.Record(db, context, time, RegistryLog.UnitEntity, node.Path, null, View(unit, displayName));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.exists", number);
        }

        return TypedResults.Created($"/api/compounds/{Uri.EscapeDataString(node.Id)}/units/{unit.Id}", View(unit, displayName));
    }

    /// <summary>
    /// POST /api/compounds/{compound}/register/confirmation { tolerance (0..1), note }: the street office accepts the
    /// register's present difference from the registry up to <c>tolerance</c> (which must cover the difference) for
    /// the reason in <c>note</c>. Recorded with the figures it was given on, and in the registry's change log.
    /// </summary>
    public static async Task<IResult> Confirm(
        string compound, ConfirmRequest request, HttpContext context, HostDbContext db, JurisdictionDirectory directory,
        IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Resolve(compound, context, directory) is not { } node)
        {
            return Problem.NotFound(context);
        }

        var errors = new FieldErrors();
        var note = errors.RequireText("note", request.Note, MaxNote);
        var totals = await OwnersRegister.ComputeAsync(db, node.Path, 0m, cancellationToken);
        if (request.Tolerance is not { } tolerance)
        {
            errors.Add("tolerance", "field.required");
        }
        else if (tolerance < 0 || tolerance > 1 || decimal.Round(tolerance, 4) != tolerance)
        {
            errors.Add("tolerance", "field.register.tolerance");
        }
        else if (!OwnersRegister.Within(totals.RegisterArea, totals.RegisteredArea, tolerance)
            || !OwnersRegister.Within(totals.RegisterUnits, totals.RegisteredUnits, tolerance))
        {
            errors.Add("tolerance", "field.register.toleranceTooSmall", Math.Max(totals.AreaDifference, totals.UnitDifference));
        }

        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var confirmation = new RegisterConfirmation
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CompoundPath = node.Path,
            Tolerance = request.Tolerance!.Value,
            RegisterArea = totals.RegisterArea,
            RegisterUnits = totals.RegisterUnits,
            RegisteredArea = totals.RegisteredArea,
            RegisteredUnits = totals.RegisteredUnits,
            Note = note!,
            ConfirmedBy = CurrentUser.From(context).Username,
            ConfirmedAt = time.GetUtcNow().UtcDateTime,
        };
        var view = ConfirmationView.From(confirmation);
        db.Set<RegisterConfirmation>().Add(confirmation);
        RegistryLog.Record(db, context, time, RegistryLog.RegisterConfirmationEntity, node.Path,
            totals.Confirmation is { } previous ? ConfirmationView.From(previous) : null, view);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/compounds/{Uri.EscapeDataString(node.Id)}/units", view);
    }

    /// <summary>
    /// PUT /api/compounds/{compound}/units/{id}: corrects a unit's number, area or owner (the same members and checks as
    /// POST; members left out stay as they are, an owner given replaces the old one). Refused (409
    /// <c>unit.ballotOpen</c>) while a ballot of the compound is open: its electorate is a snapshot, and the register
    /// must not drift from it unnoticed. Recorded in the registry change log (entity <c>unit</c>, key the compound).
    /// </summary>
    public static async Task<IResult> Update(
        string compound, Guid id, Request request, HttpContext context, HostDbContext db, JurisdictionDirectory directory,
        UserManager<AnjuUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Resolve(compound, context, directory) is not { } node
            || await db.Set<OwnedUnit>().FirstOrDefaultAsync(u => u.Id == id && u.CompoundPath == node.Path, cancellationToken) is not { } unit)
        {
            return Problem.NotFound(context);
        }

        var errors = new FieldErrors();
        var number = request.Number is null ? unit.Number : errors.RequireText("number", request.Number, MaxNumber);
        if (request.Area is not null)
        {
            CheckArea(errors, request.Area);
        }

        var before = View(unit, await NameOfAsync(db, unit, cancellationToken));
        var ownerGiven = request.Developer == true || !string.IsNullOrWhiteSpace(request.Owner) || !string.IsNullOrWhiteSpace(request.OwnerName);
        string? displayName = null;
        if (ownerGiven)
        {
            unit.OwnerName = unit.OwnerPhone = unit.OwnerIdTail = null;
            unit.OwnerKind = OwnerKinds.Account;
            displayName = await ApplyOwnerAsync(request, unit, errors, users);
        }

        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        if (await BallotOpenAsync(db, node.Path, cancellationToken))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.ballotOpen");
        }

        if (number != unit.Number && await db.Set<OwnedUnit>().AnyAsync(u => u.CompoundPath == node.Path && u.Number == number, cancellationToken))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.exists", number);
        }

        unit.Number = number!;
        unit.Area = request.Area ?? unit.Area;
        var after = View(unit, ownerGiven ? displayName : before.OwnerName);
        RegistryLog.Record(db, context, time, RegistryLog.UnitEntity, node.Path, before, after);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.exists", number);
        }

        return TypedResults.Ok(after);
    }

    /// <summary>
    /// DELETE /api/compounds/{compound}/units/{id}: removes a unit registered by mistake. Refused (409
    /// <c>unit.ballotOpen</c>) while a ballot of the compound is open; recorded in the registry change log.
    /// </summary>
    public static async Task<IResult> Delete(
        string compound, Guid id, HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Resolve(compound, context, directory) is not { } node
            || await db.Set<OwnedUnit>().FirstOrDefaultAsync(u => u.Id == id && u.CompoundPath == node.Path, cancellationToken) is not { } unit)
        {
            return Problem.NotFound(context);
        }

        if (await BallotOpenAsync(db, node.Path, cancellationToken))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "unit.ballotOpen");
        }

        RegistryLog.Record<UnitView>(db, context, time, RegistryLog.UnitEntity, node.Path, View(unit, await NameOfAsync(db, unit, cancellationToken)), null);
        db.Set<OwnedUnit>().Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<bool> BallotOpenAsync(HostDbContext db, string compoundPath, CancellationToken cancellationToken) =>
        db.Set<Ballot>().AnyAsync(b => b.CompoundPath == compoundPath && b.Status == Ballot.Open, cancellationToken);

    private static async Task<string?> NameOfAsync(HostDbContext db, OwnedUnit unit, CancellationToken cancellationToken) =>
        unit.OwnerName ?? await db.Users.AsNoTracking().Where(u => u.UserName == unit.Owner).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

    private static void CheckArea(FieldErrors errors, decimal? value)
    {
        if (value is not { } area)
        {
            errors.Add("area", "field.required");
        }
        else if (area <= 0 || area > MaxArea || decimal.Round(area, 2) != area)
        {
            errors.Add("area", "field.unit.area");
        }
    }

    /// <summary>
    /// Sets the unit's owner from the request: an owner account, a person without one (name, ID tail, phone) or the
    /// developer. Returns the owner's name as the register shows it.
    /// </summary>
    private static async Task<string?> ApplyOwnerAsync(Request request, OwnedUnit unit, FieldErrors errors, UserManager<AnjuUser> users)
    {
        string? displayName = null;
        if (request.Developer == true)
        {
            unit.OwnerKind = OwnerKinds.Developer;
            unit.Owner = OwnersRegister.DeveloperKey;
            unit.OwnerName = displayName = errors.RequireText("ownerName", request.OwnerName, MaxOwnerName);
        }
        else if (!string.IsNullOrWhiteSpace(request.Owner))
        {
            var ownerName = errors.RequireText("owner", request.Owner, 256);
            var owner = ownerName is null ? null : await users.FindByNameAsync(ownerName);
            if (owner is null || !await users.IsInRoleAsync(owner, Roles.Owner))
            {
                errors.Add("owner", "field.unit.owner", ownerName);
            }
            else
            {
                unit.Owner = owner.UserName!;
                displayName = owner.DisplayName;
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.OwnerName))
        {
            // An owner without an account: the name and ID tail tell persons apart, so that a buyer of several units counts once.
            unit.OwnerKind = OwnerKinds.Person;
            unit.OwnerName = displayName = errors.RequireText("ownerName", request.OwnerName, MaxOwnerName);
            var idTail = errors.RequireText("ownerIdTail", request.OwnerIdTail, MaxIdTail)?.ToUpperInvariant();
            if (idTail is not null && (idTail.Length < MinIdTail || !idTail.All(ch => char.IsAsciiDigit(ch) || ch == 'X')))
            {
                errors.Add("ownerIdTail", "field.unit.idTail");
            }

            var phone = string.IsNullOrWhiteSpace(request.OwnerPhone) ? null : request.OwnerPhone.Trim();
            if (phone is not null && (phone.Length > MaxPhone || !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' ')))
            {
                errors.Add("ownerPhone", "field.unit.phone");
            }

            unit.OwnerIdTail = idTail;
            unit.OwnerPhone = phone;
            unit.Owner = OwnersRegister.PersonKey(unit.OwnerName ?? "", idTail ?? "");
        }
        else
        {
            errors.Add("owner", "field.required");
        }

        return displayName;
    }

    private static UnitView View(OwnedUnit u, string? name) =>
        new(u.Id, u.Number, u.Area, u.Owner, name, u.OwnerKind, u.OwnerPhone, u.OwnerIdTail);

    /// <summary>The compound node, when the path or id names a compound the caller reaches.</summary>
    private static JurisdictionNode? Resolve(string compound, HttpContext context, JurisdictionDirectory directory) =>
        directory.Resolve(Uri.UnescapeDataString(compound)) is { } path
        && directory.Find(path) is { Kind: "compound" } node
        && CurrentUser.From(context).Reaches(path)
            ? node
            : null;
}
