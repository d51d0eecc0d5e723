using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// GET /api/notices?jurisdiction=: the public notices (公示) posted now, newest first. A signed-in user sees those
/// posted within their jurisdiction and those posted above it (a community's notice reaches its compounds' owners);
/// administrators see all. <c>jurisdiction</c> (path or id) narrows to that node: notices at or below it and above it.
/// </summary>
public static class ListNotices
{
    public const int Limit = 200;

    public sealed record View(
        Guid Id, string Jurisdiction, string? JurisdictionName, string Title, string? Body, Guid? InstanceId, string? DefinitionKey,
        DateTimeOffset PostedAt, DateTimeOffset Until);

    public static async Task<Results<Ok<IReadOnlyList<View>>, ProblemHttpResult>> Handle(
        HttpContext context, HostDbContext db, JurisdictionDirectory directory, TimeProvider time, string? jurisdiction = null)
    {
        var user = CurrentUser.From(context);
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Notices().Where(n => n.PostedAt <= now && n.Until > now);
        if (!user.IsAdmin)
        {
            query = Related(query, user.Jurisdictions);
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

            query = Related(query, [path]);
        }

        var notices = await query.OrderByDescending(n => n.PostedAt).Take(Limit).ToListAsync();
        return TypedResults.Ok<IReadOnlyList<View>>([.. notices.Select(n => new View(
            n.Id, n.Jurisdiction, directory.Find(n.Jurisdiction)?.Name, n.Title, n.Body, n.InstanceId, n.DefinitionKey,
            MyNotifications.Utc(n.PostedAt), MyNotifications.Utc(n.Until)))]);
    }

    private static IQueryable<PublicNotice> Notices(this HostDbContext db) => db.Set<PublicNotice>().AsNoTracking();

    /// <summary>Notices at or below one of <paramref name="paths"/>, or at a node above one of them.</summary>
    private static IQueryable<PublicNotice> Related(IQueryable<PublicNotice> query, IReadOnlyList<string> paths)
    {
        var above = paths.SelectMany(Ancestors).Distinct(StringComparer.Ordinal).ToList();
        var within = query.Within(n => n.Jurisdiction, paths).Select(n => n.Id);
        return query.Where(n => above.Contains(n.Jurisdiction) || within.Contains(n.Id));
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }
}
