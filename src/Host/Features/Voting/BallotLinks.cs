using Anju.Host.Notices;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>The ballots of the given instances, for the links of owners' ballot messages (<see cref="IBallotLinks"/>).</summary>
public sealed class BallotLinks : IBallotLinks
{
    public async Task<ILookup<Guid, (Guid Id, DateTime OpensAt)>> BallotsOfAsync(HostDbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<Ballot>().AsNoTracking().Where(b => instanceIds.Contains(b.InstanceId))
            .Select(b => new { b.InstanceId, b.Id, b.OpensAt }).ToListAsync(cancellationToken);
        return rows.ToLookup(b => b.InstanceId, b => (b.Id, b.OpensAt));
    }
}
