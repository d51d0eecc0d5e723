using Anju.Host.Notices;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Voting;

/// <summary>Tells a ballot's electors that have an account (a ballot opened, its result published), via <see cref="OwnerNotifications"/>.</summary>
public static class ElectorNotices
{
    /// <summary>The electors of the ballot that have an account.</summary>
    public static Task<int> ToElectorsAsync(
        HostDbContext db, Guid ballotId, string kind, string title, string? body, Guid? instanceId, DateTime now, CancellationToken cancellationToken)
    {
        var accounts = from e in db.Set<BallotElector>().AsNoTracking()
                       where e.BallotId == ballotId
                       join u in db.Users.AsNoTracking() on e.Owner equals u.UserName
                       select u.UserName!;
        return OwnerNotifications.ToAccountsAsync(db, accounts, kind, title, body, instanceId, now, cancellationToken);
    }
}
