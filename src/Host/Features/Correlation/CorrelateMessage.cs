using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.Correlation;

/// <summary>
/// POST /api/messages: resumes the instances waiting for the message (narrowed by business key or instance),
/// or, when none waits, starts the processes whose message start event has that name.
/// </summary>
public static class CorrelateMessage
{
    public sealed record Request(string? MessageName, string? BusinessKey, Guid? InstanceId, JsonNode? Variables, string? Jurisdiction);

    public sealed record Response(IReadOnlyList<Guid> InstanceIds);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, WorkflowEngine engine, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.MessageName))
        {
            return FieldErrors.One(context, "messageName", "field.required");
        }

        var limits = RequestLimits.From(context);
        if (TextBounds.Check(context, ("messageName", request.MessageName, limits.MaxNameLength), ("businessKey", request.BusinessKey, limits.MaxBusinessKeyLength)) is { } tooLong)
        {
            return tooLong;
        }

        if (!CorrelationInputs.TryRead(context, directory, request.Variables, request.Jurisdiction, out var variables, out var jurisdiction, out var problem))
        {
            return problem!;
        }

        try
        {
            var ids = await engine.CorrelateMessageAsync(new Workflows.CorrelateMessage
            {
                MessageName = request.MessageName.Trim(),
                BusinessKey = string.IsNullOrWhiteSpace(request.BusinessKey) ? null : request.BusinessKey,
                InstanceId = request.InstanceId,
                Jurisdiction = jurisdiction,
                Variables = variables,
                Actor = CurrentUser.From(context).Username,
            }, cancellationToken);
            return TypedResults.Ok(new Response(ids));
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
        {
            return Problem.Of(context, StatusCodes.Status404NotFound, "noSubscription");
        }
    }
}
