using System.Globalization;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Notices;

/// <summary>
/// Tells the owners of a compound (业主) what concerns them all: a ballot opened (with its closing time), its result
/// published, a notice (公示) posted. One row per account, written <see cref="BatchSize"/> at a time on the caller's
/// context (so on the engine command's or the closing transaction: a retried step that rolled back notifies again
/// only because the first attempt left nothing). Owners without an account (paper register entries, the developer)
/// have nobody to tell in the app.
/// </summary>
public static class OwnerNotifications
{
    /// <summary>A ballot the owner may vote on opened.</summary>
    public const string BallotOpened = "ballot";

    /// <summary>The result of a ballot the owner could vote on was published.</summary>
    public const string BallotResult = "ballot-result";

    /// <summary>A notice (公示) was posted in the owner's compound or above it.</summary>
    public const string NoticePosted = "notice";

    /// <summary>Accounts read and rows written per round trip, so that a large compound is never one unbounded statement.</summary>
    public const int BatchSize = 500;

    /// <summary>Accounts with the owner role whose jurisdiction lies at or below <paramref name="jurisdiction"/>.</summary>
    public static Task<int> ToOwnersWithinAsync(
        HostDbContext db, string jurisdiction, string kind, string title, string? body, Guid? instanceId, DateTime now, CancellationToken cancellationToken)
    {
        var places = db.UserJurisdictions.AsNoTracking().Within(j => j.Path, [jurisdiction]);
        var accounts = from u in db.Users.AsNoTracking()
                       join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
                       join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                       where r.Name == Roles.Owner && places.Any(j => j.UserId == u.Id)
                       select u.UserName!;
        return ToAccountsAsync(db, accounts, kind, title, body, instanceId, now, cancellationToken);
    }

    /// <summary>A time as owners read it: Beijing time, e.g. 2026年12月14日 17:30.</summary>
    public static string BeijingTime(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), WorkingCalendar.ChinaStandardTime)
            .ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Pages through the accounts by name (keyset) and adds one notification per account and page (a feature that
    /// knows its own audience, e.g. a ballot's electors, hands it in here).
    /// </summary>
    public static async Task<int> ToAccountsAsync(
        HostDbContext db, IQueryable<string> accounts, string kind, string title, string? body, Guid? instanceId, DateTime now, CancellationToken cancellationToken)
    {
        var added = 0;
        string? after = null;
        var distinct = accounts.Distinct();
        while (true)
        {
            var query = after is null ? distinct : distinct.Where(u => string.Compare(u, after) > 0);
            var page = await query.OrderBy(u => u).Take(BatchSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var rows = page.Select(username => new Notification
            {
                Id = Guid.CreateVersion7(),
                Username = username,
                Kind = kind,
                Title = title,
                Body = body,
                InstanceId = instanceId,
                CreatedAt = now,
            }).ToList();
            db.Notifications.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            added += rows.Count;
            if (page.Count < BatchSize)
            {
                break;
            }

            after = page[^1];
        }

        return added;
    }
}
