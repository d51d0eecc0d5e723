using System.Text.Json.Nodes;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>shareCostByArea</c>: shares an amount (<c>amount</c>, yuan) among the units of the instance's compound in
/// proportion to their floor area (the owners' register, <c>Units</c>), as a repair paid from the maintenance
/// fund is charged to the owners' fund accounts. Sets <c>costShares</c> (<c>[{unit, owner, area, share}]</c>,
/// shares in yuan to the fen), <c>sharedArea</c> (m² shared over) and <c>costPerSquareMetre</c>. A compound whose
/// units are not registered yet gets no per-unit shares: the figure per m² is then taken over the compound's total
/// floor area from the registry (<c>floorArea</c>), and each owner's share is their area times that figure.
/// </summary>
public sealed class ShareCostByArea : IServiceTaskHandler
{
    public const string Name = "shareCostByArea";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var amount = context.Number("amount");
        await using var db = await context.HostDbAsync(cancellationToken);
        var units = (await db.Units.AsNoTracking().Where(u => u.CompoundPath == context.Jurisdiction)
            .Select(u => new { u.Number, u.Owner, u.Area }).ToListAsync(cancellationToken))
            .Where(u => u.Area > 0).OrderBy(u => u.Number, StringComparer.Ordinal).ToList();
        var shares = new JsonArray();
        decimal area;
        if (units.Count > 0)
        {
            area = units.Sum(u => u.Area);
            foreach (var unit in units)
            {
                shares.Add(new JsonObject
                {
                    ["unit"] = unit.Number,
                    ["owner"] = unit.Owner,
                    ["area"] = unit.Area,
                    ["share"] = Math.Round(amount * unit.Area / area, 2, MidpointRounding.AwayFromZero),
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
        context.SetVariable("sharedArea", area);
        context.SetVariable("costPerSquareMetre", Math.Round(amount / area, 4, MidpointRounding.AwayFromZero));
    }
}
