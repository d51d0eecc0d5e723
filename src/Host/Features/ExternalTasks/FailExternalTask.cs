using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.ExternalTasks;

/// <summary>
/// POST /api/external-tasks/{id}/failure: the worker could not do it; it says how many retries are left and
/// when to try again. Zero retries raises an incident for an administrator.
/// </summary>
public static class FailExternalTask
{
    public sealed record Request(string? WorkerId, string? ErrorMessage, int? Retries, long? RetryTimeoutMs);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, Request request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.WorkerId))
        {
            errors.Add("workerId", "field.required");
        }

        if (string.IsNullOrWhiteSpace(request.ErrorMessage))
        {
            errors.Add("errorMessage", "field.required");
        }

        if (request.Retries is null)
        {
            errors.Add("retries", "field.required");
        }
        else if (request.Retries < 0)
        {
            errors.Add("retries", "field.min", 0);
        }

        if (request.RetryTimeoutMs is < 0)
        {
            errors.Add("retryTimeoutMs", "field.min", 0);
        }

        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var limits = RequestLimits.From(context);
        if (TextBounds.Check(context, ("workerId", request.WorkerId, limits.MaxNameLength), ("errorMessage", request.ErrorMessage, limits.MaxCommentLength)) is { } tooLong)
        {
            return tooLong;
        }

        await engine.FailExternalTaskAsync(id, request.WorkerId!, request.ErrorMessage!, request.Retries!.Value, request.RetryTimeoutMs ?? 0, cancellationToken);
        return TypedResults.NoContent();
    }
}
