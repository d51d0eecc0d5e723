using Anju.Host.Persistence;
using Anju.Host.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>
/// The demo owners' registers (Anju:SeedDemoData=true): 滨江花园's nine units and 幸福里小区's six, owned by the demo
/// owner accounts <see cref="DemoData"/> creates.
/// </summary>
public sealed class VotingDemoData : ISeedContributor
{
    public Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<HostDbContext>();
        await SeedBinjiangAsync(db, cancellationToken);
        await SeedXingfuliAsync(db, cancellationToken);
    }

    /// <summary>
    /// 滨江花园's units: seven owners, owner.li with three units, 1,004.40 m² in all, so that a ballot there shows
    /// area and headcount counting differently.
    /// </summary>
    private static readonly (string Number, decimal Area, string Owner)[] BinjiangUnits =
    [
        ("1-101", 89.50m, "owner.li"),
        ("1-102", 89.50m, "owner.li"),
        ("2-301", 120.00m, "owner.li"),
        ("1-201", 89.50m, "owner.wang"),
        ("1-202", 89.50m, "owner.zhang"),
        ("2-101", 120.00m, "owner.liu"),
        ("2-102", 120.00m, "owner.chen"),
        ("3-101", 143.20m, "owner.yang"),
        ("3-102", 143.20m, "owner.zhao"),
    ];

    private static async Task SeedBinjiangAsync(HostDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<OwnedUnit>().Where(u => u.CompoundPath == DemoData.Binjiang).Select(u => u.Number).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (number, area, owner) in BinjiangUnits.Where(u => !existing.Contains(u.Number)))
        {
            db.Set<OwnedUnit>().Add(new OwnedUnit { Id = Guid.NewGuid(), CompoundPath = DemoData.Binjiang, Number = number, Area = area, Owner = owner, CreatedAt = DateTime.UtcNow, CreatedBy = "system" });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedXingfuliAsync(HostDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<OwnedUnit>().Where(u => u.CompoundPath == DemoData.Xingfuli).Select(u => u.Number).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < DemoData.XingfuliOwners.Count; i++)
        {
            var number = $"{i + 1}-101";
            if (!existing.Contains(number))
            {
                db.Set<OwnedUnit>().Add(new OwnedUnit { Id = Guid.NewGuid(), CompoundPath = DemoData.Xingfuli, Number = number, Area = 100m, Owner = DemoData.XingfuliOwners[i].Username, CreatedAt = DateTime.UtcNow, CreatedBy = "system" });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
