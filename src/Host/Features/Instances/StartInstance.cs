using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Instances;

/// <summary>
/// POST /api/definitions/{key}/instances: anyone signed in may start a procedure in a jurisdiction they
/// reach (an owner files a complaint about their own compound); administrators anywhere. Without a
/// jurisdiction the caller's first one is used.
/// </summary>
public static class StartInstance
{
    public sealed record Request(string? BusinessKey, string? Jurisdiction, JsonNode? Variables, int? Version);

    public static async Task<Results<Created<InstanceView>, ProblemHttpResult>> Handle(
        string key, Request request, HttpContext context, WorkflowEngine engine, JurisdictionDirectory directory, Telemetry.AnjuMetrics metrics, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (!RequestVariables.TryRead(context, request.Variables, out var variables, out var problem))
        {
            return problem!;
        }

        if (TextBounds.BusinessKey(context, request.BusinessKey) is { } tooLong)
        {
            return tooLong;
        }

        string? jurisdiction;
        if (string.IsNullOrWhiteSpace(request.Jurisdiction))
        {
            jurisdiction = user.Jurisdictions.Count > 0 ? user.Jurisdictions[0] : null;
        }
        else
        {
            jurisdiction = directory.Resolve(request.Jurisdiction);
            if (jurisdiction is null)
            {
                return Problem.Of(context, StatusCodes.Status400BadRequest, "unknownJurisdiction", request.Jurisdiction);
            }

            if (!user.Reaches(jurisdiction))
            {
                return Problem.Of(context, StatusCodes.Status400BadRequest, "jurisdictionOutOfReach", jurisdiction);
            }
        }

        var instance = await engine.StartAsync(new Workflows.StartInstance
        {
            DefinitionKey = key,
            Version = request.Version,
            BusinessKey = request.BusinessKey,
            Jurisdiction = jurisdiction,
            Variables = variables,
            Actor = user.Username,
        }, cancellationToken);
        metrics.Record(instance, started: true);
        return TypedResults.Created($"/api/instances/{instance.Id}", instance);
    }
}
