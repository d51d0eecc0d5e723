using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// The owners' register of a compound as the law counts it (docs/procedures.md, Voting): its exclusive area, its
/// units and its persons — one per owner, however many units they hold, the developer's unsold units together as
/// one — compared with the registry's registered floor area and unit count. A ballot opens only while both
/// differ by no more than the tolerance: <c>Anju:Voting:RegisterTolerance</c> (default 0, exact agreement) or the
/// larger one the street office last confirmed for the compound (<see cref="RegisterConfirmation"/>).
/// </summary>
public static class OwnersRegister
{
    /// <summary>The setting holding the tolerance that needs no confirmation (a share, 0..1).</summary>
    public const string ToleranceSetting = "Anju:Voting:RegisterTolerance";

    /// <summary>The key by which the register counts the developer's unsold units as one person.</summary>
    public const string DeveloperKey = "developer";

    /// <summary>
    /// The register and registry figures of a compound. Differences are shares of the registry's figure (1 when the
    /// registry has none but the register has some).
    /// </summary>
    public sealed record Totals(
        decimal RegisterArea,
        int RegisterUnits,
        int Persons,
        decimal RegisteredArea,
        int RegisteredUnits,
        decimal Tolerance,
        RegisterConfirmation? Confirmation)
    {
        public decimal AreaDifference => Difference(RegisterArea, RegisteredArea);

        public decimal UnitDifference => Difference(RegisterUnits, RegisteredUnits);

        /// <summary>Both differences within the tolerance, compared without dividing.</summary>
        public bool Agrees => Within(RegisterArea, RegisteredArea, Tolerance) && Within(RegisterUnits, RegisteredUnits, Tolerance);
    }

    /// <summary>The person key of an owner without an account: same name and ID tail in a compound, same person.</summary>
    public static string PersonKey(string name, string idTail) => $"person:{idTail}:{name}";

    /// <summary>The tolerance that needs no confirmation, clamped to 0..1.</summary>
    public static decimal DefaultTolerance(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue(ToleranceSetting, 0m), 0m, 1m);

    public static async Task<Totals> ComputeAsync(HostDbContext db, string compoundPath, decimal defaultTolerance, CancellationToken cancellationToken)
    {
        var units = await db.Set<OwnedUnit>().AsNoTracking().Where(u => u.CompoundPath == compoundPath)
            .Select(u => new { u.Owner, u.Area }).ToListAsync(cancellationToken);
        var registered = await db.Compounds.AsNoTracking().Where(c => c.Path == compoundPath)
            .Select(c => new { c.FloorArea, c.Units }).FirstOrDefaultAsync(cancellationToken);
        var confirmation = await LatestConfirmationAsync(db, compoundPath, cancellationToken);
        var tolerance = Math.Max(defaultTolerance, confirmation?.Tolerance ?? 0m);
        return new Totals(
            units.Sum(u => u.Area),
            units.Count,
            units.Select(u => u.Owner).Distinct(StringComparer.Ordinal).Count(),
            registered?.FloorArea ?? 0m,
            registered?.Units ?? 0,
            tolerance,
            confirmation);
    }

    public static async Task<RegisterConfirmation?> LatestConfirmationAsync(HostDbContext db, string compoundPath, CancellationToken cancellationToken) =>
        (await db.Set<RegisterConfirmation>().AsNoTracking().Where(c => c.CompoundPath == compoundPath).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.ConfirmedAt).ThenByDescending(c => c.Id).FirstOrDefault();

    /// <summary>|register − registered| ≤ tolerance × registered; with nothing registered, only an empty register agrees.</summary>
    public static bool Within(decimal register, decimal registered, decimal tolerance) =>
        registered > 0 ? Math.Abs(register - registered) <= tolerance * registered : register == 0;

    /// <summary>|register − registered| / registered, rounded to four places; 1 when nothing is registered but some is listed.</summary>
    public static decimal Difference(decimal register, decimal registered) =>
        registered > 0 ? decimal.Round(Math.Abs(register - registered) / registered, 4) : register == 0 ? 0m : 1m;
}
