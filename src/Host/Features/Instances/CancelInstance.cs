using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.Instances;

/// <summary>POST /api/instances/{id}/cancel (administrators): ends an active instance, with the reason journaled.</summary>
public static class CancelInstance
{
    public sealed record Request(string? Reason);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return FieldErrors.One(context, "reason", "field.required");
        }

        if (TextBounds.Check(context, ("reason", request.Reason, RequestLimits.From(context).MaxReasonLength)) is { } tooLong)
        {
            return tooLong;
        }

        string? status;
        await using (var db = storage.CreateContext())
        {
            status = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => i.Status).FirstOrDefaultAsync(cancellationToken);
        }

        if (status is null)
        {
            return Problem.NotFound(context);
        }

        if (status != "active")
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "instanceEnded");
        }

        await engine.CancelAsync(id, request.Reason.Trim(), CurrentUser.From(context).Username, cancellationToken);
        return TypedResults.NoContent();
    }
}
