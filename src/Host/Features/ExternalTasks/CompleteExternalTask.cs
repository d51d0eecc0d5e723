using System.Text.Json.Nodes;
using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.ExternalTasks;

/// <summary>POST /api/external-tasks/{id}/complete: the worker is done; its variables go to the instance, which moves on.</summary>
public static class CompleteExternalTask
{
    public sealed record Request(string? WorkerId, JsonNode? Variables);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, Request request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.WorkerId))
        {
            return FieldErrors.One(context, "workerId", "field.required");
        }

        if (TextBounds.Check(context, ("workerId", request.WorkerId, RequestLimits.From(context).MaxNameLength)) is { } tooLong)
        {
            return tooLong;
        }

        if (!RequestVariables.TryRead(context, request.Variables, out var variables, out var problem))
        {
            return problem!;
        }

        await engine.CompleteExternalTaskAsync(id, request.WorkerId, variables, cancellationToken);
        return TypedResults.NoContent();
    }
}
