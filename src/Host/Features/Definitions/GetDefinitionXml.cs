using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Definitions;

/// <summary>GET /api/definitions/{key}/xml?version=N: the BPMN document as deployed (latest when no version).</summary>
public static class GetDefinitionXml
{
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Handle(
        string key, int? version, HttpContext context, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        var query = db.Definitions.AsNoTracking().Where(d => d.Key == key);
        query = version is { } v ? query.Where(d => d.Version == v) : query.OrderByDescending(d => d.Version);
        var xml = await query.Select(d => d.Xml).FirstOrDefaultAsync(cancellationToken);
        return xml is null ? Problem.NotFound(context) : TypedResults.Text(xml, "application/xml");
    }
}
