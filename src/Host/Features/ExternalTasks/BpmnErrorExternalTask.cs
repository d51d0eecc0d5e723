using System.Text.Json.Nodes;
using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.ExternalTasks;

/// <summary>
/// POST /api/external-tasks/{id}/bpmn-error: a business outcome, not a failure (e.g. the owner is not found);
/// the nearest matching error boundary event catches it.
/// </summary>
public static class BpmnErrorExternalTask
{
    public sealed record Request(string? WorkerId, string? ErrorCode, string? ErrorMessage, JsonNode? Variables);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, Request request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.WorkerId))
        {
            errors.Add("workerId", "field.required");
        }

        if (string.IsNullOrWhiteSpace(request.ErrorCode))
        {
            errors.Add("errorCode", "field.required");
        }

        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var limits = RequestLimits.From(context);
        if (TextBounds.Check(
            context,
            ("workerId", request.WorkerId, limits.MaxNameLength),
            ("errorCode", request.ErrorCode, limits.MaxNameLength),
            ("errorMessage", request.ErrorMessage, limits.MaxCommentLength)) is { } tooLong)
        {
            return tooLong;
        }

        if (!RequestVariables.TryRead(context, request.Variables, out var variables, out var problem))
        {
            return problem!;
        }

        await engine.BpmnErrorExternalTaskAsync(id, request.WorkerId!, request.ErrorCode!, request.ErrorMessage, variables, cancellationToken);
        return TypedResults.NoContent();
    }
}
