using System.Text.Json.Nodes;
using Anju.Host.Jurisdictions;
using Anju.Host.Problems;
using Anju.Host.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Correlation;

/// <summary>What a message and a signal both carry: bounded variables, and a jurisdiction given by path or id.</summary>
internal static class CorrelationInputs
{
    public static bool TryRead(
        HttpContext context, JurisdictionDirectory directory, JsonNode? variablesNode, string? jurisdictionText,
        out IReadOnlyDictionary<string, JsonNode?>? variables, out string? jurisdiction, out ProblemHttpResult? problem)
    {
        jurisdiction = null;
        if (!RequestVariables.TryRead(context, variablesNode, out variables, out problem))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(jurisdictionText))
        {
            jurisdiction = directory.Resolve(jurisdictionText);
            if (jurisdiction is null)
            {
                problem = Problem.Of(context, StatusCodes.Status400BadRequest, "unknownJurisdiction", jurisdictionText);
                return false;
            }
        }

        return true;
    }
}
