using Anju.Host.Features.Instances;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Incidents;

/// <summary>GET /api/incidents?instanceId=: open incidents, newest first; supervisors see their jurisdiction's.</summary>
public static class ListIncidents
{
    public sealed record Item(Guid Id, Guid InstanceId, string ActivityId, string Type, string Message, DateTimeOffset CreatedAt, Guid? JobId, string DefinitionKey, string? Jurisdiction);

    public static async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> Handle(
        HttpContext context, WorkflowStorage storage, CancellationToken cancellationToken, Guid? instanceId = null)
    {
        var user = CurrentUser.From(context);
        if (instanceId is { } id && !await InstanceAccess.CanSeeAsync(storage, user, id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        await using var db = storage.CreateContext();
        var incidents = db.Incidents.AsNoTracking();
        incidents = instanceId is not null
            ? incidents.Where(i => i.InstanceId == instanceId)
            : user.IsAdmin ? incidents : incidents.Within(i => i.Jurisdiction, user.Jurisdictions);
        var rows = await incidents.OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(cancellationToken);
        IReadOnlyList<Item> items = [.. rows.Select(i => new Item(
            i.Id, i.InstanceId, i.ActivityId, i.Type, i.Message, new DateTimeOffset(DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc)), i.JobId, i.DefinitionKey, i.Jurisdiction))];
        return TypedResults.Ok(items);
    }
}
