using Anju.Host.Cases;
using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

namespace Anju.Host.Features.Instances;

/// <summary>
/// GET /api/instances: the instances the caller may see, newest first, filtered and paged in SQL; <c>q</c> searches by
/// case number, phone, compound and the text of the case (<see cref="CaseSearch"/>). Items carry the case number and
/// the one-line summary.
/// </summary>
public static class ListInstances
{
    private static readonly string[] Statuses = ["active", "completed", "terminated", "incident"];

    public sealed record Item(
        Guid Id, string DefinitionKey, int DefinitionVersion, string? BusinessKey, string? Jurisdiction, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
        string? CaseNumber, string? CaseSummary);

    public sealed record Response(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        HttpContext context, WorkflowStorage storage, JurisdictionDirectory directory, CancellationToken cancellationToken,
        string? definitionKey = null, string? status = null, string? businessKey = null, string? jurisdiction = null, int page = 1, int pageSize = 20, string? q = null)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return Problem.BadRequest(context, "status must be active, completed, terminated or incident.");
        }

        if (page < 1 || pageSize < 1 || pageSize > 200)
        {
            return Problem.BadRequest(context, "page must be ≥ 1 and pageSize between 1 and 200.");
        }

        if (TextBounds.Check(context, ("q", q, CaseSearch.MaxLength)) is { } tooLong)
        {
            return tooLong;
        }

        await using var db = storage.CreateContext();
        var query = db.Instances.AsNoTracking().VisibleTo(CurrentUser.From(context));
        if (jurisdiction is not null)
        {
            var path = directory.Resolve(jurisdiction);
            if (path is null)
            {
                return Problem.Of(context, StatusCodes.Status400BadRequest, "unknownJurisdiction", jurisdiction);
            }

            query = query.Within(i => i.Jurisdiction, [path]);
        }

        if (definitionKey is not null)
        {
            query = query.Where(i => i.DefinitionKey == definitionKey);
        }

        if (businessKey is not null)
        {
            query = query.Where(i => i.BusinessKey == businessKey);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = CaseSearch.Matching(query, q.Trim());
        }

        query = status switch
        {
            "incident" => query.Where(i => i.Status == "active" && i.HasIncident),
            "active" => query.Where(i => i.Status == "active" && !i.HasIncident),
            null => query,
            _ => query.Where(i => i.Status == status),
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new { i.Id, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.Jurisdiction, i.Status, i.HasIncident, i.StartedAt, i.EndedAt, i.CaseNumber, i.CaseSummary })
            .ToListAsync(cancellationToken);
        var items = rows.Select(i => new Item(
            i.Id, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.Jurisdiction,
            i.Status == "active" && i.HasIncident ? "incident" : i.Status,
            Utc(i.StartedAt), i.EndedAt is { } ended ? Utc(ended) : null, i.CaseNumber, i.CaseSummary)).ToList();
        return TypedResults.Ok(new Response(items, total, page, pageSize));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
