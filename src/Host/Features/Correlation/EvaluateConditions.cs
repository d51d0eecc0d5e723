using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Requests;
using Anju.Host.Validation;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Correlation;

/// <summary>
/// POST /api/conditions (administrators): evaluates the conditional start events of the latest processes with the
/// given variables (Camunda 7's "evaluate start conditions"), and starts an instance of every one whose condition
/// holds — optionally of one process only, in the given jurisdiction, with the given business key. None holding is
/// not an error: the answer lists what it started. Idempotent under an Idempotency-Key, like every command.
/// </summary>
public static class EvaluateConditions
{
    public sealed record Request(JsonNode? Variables, string? Jurisdiction, string? BusinessKey, string? ProcessKey);

    public sealed record Response(IReadOnlyList<Guid> StartedInstanceIds);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, WorkflowEngine engine, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        if (request.Variables is not JsonObject { Count: > 0 })
        {
            return FieldErrors.One(context, "variables", "field.required");
        }

        var limits = RequestLimits.From(context);
        if (TextBounds.Check(context, ("businessKey", request.BusinessKey, limits.MaxBusinessKeyLength), ("processKey", request.ProcessKey, limits.MaxNameLength)) is { } tooLong)
        {
            return tooLong;
        }

        if (!CorrelationInputs.TryRead(context, directory, request.Variables, request.Jurisdiction, out var variables, out var jurisdiction, out var problem))
        {
            return problem!;
        }

        var started = await engine.EvaluateStartConditionsAsync(new StartConditionEvaluation
        {
            Variables = variables!,
            Jurisdiction = jurisdiction,
            BusinessKey = string.IsNullOrWhiteSpace(request.BusinessKey) ? null : request.BusinessKey.Trim(),
            ProcessKey = string.IsNullOrWhiteSpace(request.ProcessKey) ? null : request.ProcessKey.Trim(),
            Actor = CurrentUser.From(context).Username,
        }, cancellationToken);
        return TypedResults.Ok(new Response(started));
    }
}
