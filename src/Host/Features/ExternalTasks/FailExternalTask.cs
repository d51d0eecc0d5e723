using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

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
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.WorkerId))
        {
            errors["workerId"] = [Messages.Text(context, "field.required")];
        }

        if (string.IsNullOrWhiteSpace(request.ErrorMessage))
        {
            errors["errorMessage"] = [Messages.Text(context, "field.required")];
        }

        if (request.Retries is null)
        {
            errors["retries"] = [Messages.Text(context, "field.required")];
        }
        else if (request.Retries < 0)
        {
            errors["retries"] = [Messages.Text(context, "field.min", 0)];
        }

        if (request.RetryTimeoutMs is < 0)
        {
            errors["retryTimeoutMs"] = [Messages.Text(context, "field.min", 0)];
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(context, errors);
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
