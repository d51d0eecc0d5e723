using System.Text.Json.Nodes;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// <c>shareCostByArea</c>: shares an amount (<c>amount</c>, yuan) among the units of the owners' register
/// (<c>Units</c>) of the instance's compound that the repaired common part serves, in proportion to their floor
/// area, as a repair paid from the maintenance fund is charged to those owners' fund accounts.
/// <para>
/// The units concerned: the extension property <c>affectedFrom</c> names a variable holding a list (commas, 、 or
/// spaces) of buildings, entrances or units as the unit numbers write them — "2" is every unit of building 2,
/// "3-1" every unit of entrance 1 of building 3, "1-101" that one unit. No property, no variable or an empty
/// list: every unit of the compound (a common part of the whole compound). An entry that matches no registered
/// unit is a BPMN error <c>affected-units-unknown</c> naming it (the procedure routes it back for correction),
/// never a silent share over fewer owners.
/// </para>
/// <para>
/// Shares are in fen and add up exactly to the amount: each unit gets the whole fen below its exact share, and
/// the fen left over (fewer than the number of units) go one each to the units with the largest remainders
/// (ties: in unit-number order) — the largest-remainder method. Sets <c>costShares</c>
/// (<c>[{unit, owner, area, share}]</c>, yuan), <c>ownerShares</c> (<c>[{owner, units, area, share}]</c>, one row
/// per owner of the units concerned), <c>sharedUnitCount</c>, <c>sharedArea</c> (m²) and
/// <c>costPerSquareMetre</c>. A compound whose units are not registered yet, with no list given, gets no
/// per-unit shares: the figure per m² is then over the compound's total floor area from the registry
/// (<c>floorArea</c>).
/// </para>
/// </summary>
public sealed class ShareCostByArea : IServiceTaskHandler
{
    public const string Name = "shareCostByArea";

    /// <summary>The BPMN error when the list of affected buildings/units names something the register does not have.</summary>
    public const string UnknownAffectedUnits = "affected-units-unknown";

    private static readonly char[] Separators = [',', '，', '、', ';', '；', ' ', '\n', '\r', '\t'];

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var amount = Math.Round(context.Number("amount"), 2, MidpointRounding.AwayFromZero);
        var affected = AffectedEntries(context);
        await using var db = await context.HostDbAsync(cancellationToken);
        var registered = (await db.Set<OwnedUnit>().AsNoTracking().Where(u => u.CompoundPath == context.Jurisdiction)
            .Select(u => new RegisteredUnit(u.Number, u.Owner, u.Area)).ToListAsync(cancellationToken))
            .Where(u => u.Area > 0).OrderBy(u => u.Number, StringComparer.Ordinal).ToList();
        var units = affected.Count == 0 ? registered : registered.Where(u => affected.Any(entry => Covers(entry, u.Number))).ToList();
        var unknown = affected.Where(entry => !registered.Any(u => Covers(entry, u.Number))).ToList();
        if (unknown.Count > 0)
        {
            throw new BpmnErrorException(UnknownAffectedUnits,
                $"The owners' register of '{context.Jurisdiction}' has no unit in: {string.Join(", ", unknown)}.");
        }

        var shares = new JsonArray();
        var owners = new JsonArray();
        decimal area;
        if (units.Count > 0)
        {
            area = units.Sum(u => u.Area);
            var fen = LargestRemainder(decimal.ToInt64(amount * 100m), units.Select(u => u.Area).ToList());
            for (var i = 0; i < units.Count; i++)
            {
                shares.Add(new JsonObject
                {
                    ["unit"] = units[i].Number,
                    ["owner"] = units[i].Owner,
                    ["area"] = units[i].Area,
                    ["share"] = fen[i] / 100m,
                });
            }

            foreach (var owner in units.Select((u, i) => (u, fen: fen[i])).GroupBy(x => x.u.Owner, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                owners.Add(new JsonObject
                {
                    ["owner"] = owner.Key,
                    ["units"] = owner.Count(),
                    ["area"] = owner.Sum(x => x.u.Area),
                    ["share"] = owner.Sum(x => x.fen) / 100m,
                });
            }
        }
        else
        {
            area = await db.Compounds.AsNoTracking().Where(c => c.Path == context.Jurisdiction).Select(c => c.FloorArea).FirstOrDefaultAsync(cancellationToken);
        }

        if (area <= 0)
        {
            throw new BpmnErrorException("no-floor-area", $"'{context.Jurisdiction}' has neither registered units nor a floor area to share the cost over.");
        }

        context.SetVariable("costShares", shares);
        context.SetVariable("ownerShares", owners);
        context.SetVariable("sharedUnitCount", units.Count);
        context.SetVariable("sharedArea", area);
        context.SetVariable("costPerSquareMetre", Math.Round(amount / area, 4, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Splits <paramref name="total"/> (whole fen) in proportion to <paramref name="weights"/>: the whole fen below
    /// each exact share, then one more fen each to the largest remainders (earlier index first on a tie), so the
    /// parts add up to the total exactly.
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<decimal> weights)
    {
        var sum = weights.Sum();
        var parts = new long[weights.Count];
        var remainders = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = decimal.ToInt64(decimal.Floor(exact));
            remainders[i] = exact - parts[i];
        }

        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            parts[i]++;
        }

        return parts;
    }

    private static List<string> AffectedEntries(ServiceTaskContext context)
    {
        var variable = context.Text("affectedFrom");
        if (string.IsNullOrWhiteSpace(variable) || context.VariableText(variable) is not { } list)
        {
            return [];
        }

        return [.. list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>"2" covers 2-101 and 2-1-301; "2-1" covers 2-1-301; "1-101" covers only itself.</summary>
    private static bool Covers(string entry, string number) =>
        number.Equals(entry, StringComparison.Ordinal)
        || (number.Length > entry.Length && number.StartsWith(entry, StringComparison.Ordinal) && number[entry.Length] == '-');

    private sealed record RegisteredUnit(string Number, string Owner, decimal Area);
}
