using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Instances;

/// <summary>
/// GET /api/instances/{id}: the instance view, each incident with its element's name and a message for people
/// (<see cref="IncidentText"/>); 404 when it does not exist or is out of the caller's reach.
/// </summary>
public static class GetInstance
{
    public static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> Handle(
        Guid id, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        if (!await InstanceAccess.CanSeeAsync(storage, CurrentUser.From(context), id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        var instance = await engine.GetInstanceAsync(id, cancellationToken);
        return instance is null ? Problem.NotFound(context) : TypedResults.Ok(await IncidentText.RenderAsync(context, engine, instance, cancellationToken));
    }
}
