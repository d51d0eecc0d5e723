using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Incidents;

/// <summary>
/// GET /api/incidents?instanceId=: open incidents, newest first; supervisors see their jurisdiction's. Each names its
/// element (<c>elementName</c>) and is told for people in <c>displayMessage</c> (<see cref="IncidentText"/>); <c>message</c>
/// is the engine's technical detail.
/// </summary>
public static class ListIncidents
{
    public sealed record Item(
        Guid Id, Guid InstanceId, string ActivityId, string Type, string Message, DateTimeOffset CreatedAt, Guid? JobId, string DefinitionKey, string? Jurisdiction,
        string? ElementName, string DisplayMessage);

    public static async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> Handle(
        HttpContext context, WorkflowStorage storage, WorkflowEngine engine, CancellationToken cancellationToken, Guid? instanceId = null)
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
        var rows = await (from i in incidents
                          join instance in db.Instances.AsNoTracking() on i.InstanceId equals instance.Id
                          orderby i.CreatedAt descending
                          select new { Incident = i, instance.DefinitionId }).Take(500).ToListAsync(cancellationToken);
        var english = Messages.IsEnglish(context);
        var items = new List<Item>(rows.Count);
        foreach (var row in rows)
        {
            var i = row.Incident;
            var name = await IncidentText.ElementNameAsync(engine, row.DefinitionId, i.ActivityId, cancellationToken);
            items.Add(new Item(
                i.Id, i.InstanceId, i.ActivityId, i.Type, i.Message, new DateTimeOffset(DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc)), i.JobId, i.DefinitionKey, i.Jurisdiction,
                name, IncidentText.Render(english, i.Type, i.ActivityId, name, i.Message)));
        }

        return TypedResults.Ok<IReadOnlyList<Item>>(items);
    }
}
