using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Instances;

/// <summary>
/// GET /api/instances/counts?definitionKey=&amp;jurisdiction=: how many of the instances the caller may see are
/// active, with an incident, completed or terminated — in all and per procedure (the monitor's summary). One
/// grouped query; the same visibility as the list.
/// </summary>
public static class CountInstances
{
    public sealed record DefinitionCounts(string DefinitionKey, int Total, int Active, int Completed, int Terminated, int Incident);

    public sealed record Response(int Total, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<DefinitionCounts> ByDefinition);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        HttpContext context, WorkflowStorage storage, JurisdictionDirectory directory, CancellationToken cancellationToken,
        string? definitionKey = null, string? jurisdiction = null)
    {
        await using var db = storage.CreateContext();
        var query = db.Instances.AsNoTracking().VisibleTo(CurrentUser.From(context));
        if (!string.IsNullOrWhiteSpace(jurisdiction))
        {
            var path = directory.Resolve(jurisdiction);
            if (path is null)
            {
                return Problem.Of(context, StatusCodes.Status400BadRequest, "unknownJurisdiction", jurisdiction);
            }

            query = query.Within(i => i.Jurisdiction, [path]);
        }

        if (!string.IsNullOrWhiteSpace(definitionKey))
        {
            query = query.Where(i => i.DefinitionKey == definitionKey);
        }

        var groups = await query
            .GroupBy(i => new { i.DefinitionKey, i.Status, i.HasIncident })
            .Select(g => new { g.Key.DefinitionKey, g.Key.Status, g.Key.HasIncident, Count = g.Count() })
            .ToListAsync(cancellationToken);

        static string StatusOf(string status, bool hasIncident) => status == "active" && hasIncident ? "incident" : status;
        var byDefinition = groups
            .GroupBy(g => g.DefinitionKey, StringComparer.Ordinal)
            .Select(d =>
            {
                int Of(string status) => d.Where(g => StatusOf(g.Status, g.HasIncident) == status).Sum(g => g.Count);
                return new DefinitionCounts(d.Key, d.Sum(g => g.Count), Of("active"), Of("completed"), Of("terminated"), Of("incident"));
            })
            .OrderByDescending(d => d.Total).ThenBy(d => d.DefinitionKey, StringComparer.Ordinal)
            .ToList();
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["active"] = byDefinition.Sum(d => d.Active),
            ["incident"] = byDefinition.Sum(d => d.Incident),
            ["completed"] = byDefinition.Sum(d => d.Completed),
            ["terminated"] = byDefinition.Sum(d => d.Terminated),
        };
        return TypedResults.Ok(new Response(byDefinition.Sum(d => d.Total), byStatus, byDefinition));
    }
}
