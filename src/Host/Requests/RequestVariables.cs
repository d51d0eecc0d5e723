using System.Text.Json.Nodes;
using Anju.Host.Problems;
using Anju.Host.Validation;

namespace Anju.Host.Requests;

/// <summary>The "variables" member of a request body: absent, null or a JSON object of plain JSON values.</summary>
public static class RequestVariables
{
    /// <summary>
    /// The variables as the engine takes them, or a 400 naming the field when they are not an object or the
    /// problem of the first bound they break (<see cref="VariableBounds"/>).
    /// </summary>
    public static bool TryRead(HttpContext context, JsonNode? variables, out IReadOnlyDictionary<string, JsonNode?>? values, out Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? problem)
    {
        values = null;
        problem = null;
        switch (variables)
        {
            case null:
                return true;
            case JsonObject map:
                values = map.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
                problem = VariableBounds.Check(context, values);
                return problem is null;
            default:
                problem = FieldErrors.One(context, "variables", "field.type.object");
                return false;
        }
    }
}
