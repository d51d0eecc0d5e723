using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Host.Requests;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Correlation;

/// <summary>
/// POST /api/signals (administrators): broadcasts a signal by name. Every instance waiting for it within the given
/// jurisdiction (everywhere when none is given; an instance without a jurisdiction always) goes on, and every process
/// with a signal start event of that name starts there. Nobody listening is not an error: the answer lists what it
/// reached. Idempotent under an Idempotency-Key, like every command.
/// </summary>
public static class BroadcastSignal
{
    public sealed record Request(string? Name, string? Jurisdiction, JsonNode? Variables);

    public sealed record Response(IReadOnlyList<Guid> ResumedInstanceIds, IReadOnlyList<Guid> StartedInstanceIds);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, WorkflowEngine engine, JurisdictionDirectory directory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return FieldErrors.One(context, "name", "field.required");
        }

        var limits = RequestLimits.From(context);
        if (TextBounds.Check(context, ("name", request.Name, limits.MaxNameLength)) is { } tooLong)
        {
            return tooLong;
        }

        if (!CorrelationInputs.TryRead(context, directory, request.Variables, request.Jurisdiction, out var variables, out var jurisdiction, out var problem))
        {
            return problem!;
        }

        try
        {
            var delivery = await engine.BroadcastSignalAsync(new Workflows.BroadcastSignal
            {
                Name = request.Name.Trim(),
                Jurisdiction = jurisdiction,
                Variables = variables,
                Actor = CurrentUser.From(context).Username,
            }, cancellationToken);
            return TypedResults.Ok(new Response(delivery.ResumedInstanceIds, delivery.StartedInstanceIds));
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.InvalidState)
        {
            return Problem.From(context, ex);
        }
    }
}
