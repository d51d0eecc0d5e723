using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Requests;

/// <summary>
/// The bounds on the variables of one command (<see cref="RequestLimits"/>): how many, how long a name, how big
/// one value and all of them as JSON, how long any text inside, how deeply nested. Checked before the engine
/// is called, so a refused command stores nothing. Sizes are UTF-8 bytes of the JSON with non-ASCII text
/// unescaped (a Chinese character counts 3 bytes, as it is stored).
/// </summary>
public static class VariableBounds
{
    private static readonly JsonSerializerOptions Measure = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Null when the variables are within bounds, else the 400 naming the first bound broken.</summary>
    public static ProblemHttpResult? Check(HttpContext context, IReadOnlyDictionary<string, JsonNode?>? variables) =>
        variables is null ? null : Check(context, variables, RequestLimits.From(context));

    public static ProblemHttpResult? Check(HttpContext context, IReadOnlyDictionary<string, JsonNode?> variables, RequestLimits limits)
    {
        if (variables.Count > limits.MaxVariables)
        {
            return Refuse(context, "variables.tooMany", limits.MaxVariables);
        }

        long total = 0;
        foreach (var (name, value) in variables)
        {
            if (name.Length > limits.MaxVariableNameLength)
            {
                return Refuse(context, "variables.nameTooLong", Shorten(name), limits.MaxVariableNameLength);
            }

            if (!WithinDepth(value, 0, limits.MaxVariableDepth))
            {
                return Refuse(context, "variables.tooDeep", name, limits.MaxVariableDepth);
            }

            if (LongestString(value) > limits.MaxStringLength)
            {
                return Refuse(context, "variables.stringTooLong", name, limits.MaxStringLength);
            }

            var bytes = value is null ? 4 : Encoding.UTF8.GetByteCount(value.ToJsonString(Measure));
            if (bytes > limits.MaxVariableBytes)
            {
                return Refuse(context, "variables.valueTooLarge", name, limits.MaxVariableBytes);
            }

            total += bytes + Encoding.UTF8.GetByteCount(name);
            if (total > limits.MaxVariablesBytes)
            {
                return Refuse(context, "variables.totalTooLarge", limits.MaxVariablesBytes);
            }
        }

        return null;
    }

    /// <summary>Whether the value's arrays and objects nest at most <paramref name="max"/> levels below <paramref name="depth"/>.</summary>
    private static bool WithinDepth(JsonNode? node, int depth, int max) => node switch
    {
        JsonObject map => depth < max && map.All(p => WithinDepth(p.Value, depth + 1, max)),
        JsonArray list => depth < max && list.All(item => WithinDepth(item, depth + 1, max)),
        _ => true,
    };

    private static int LongestString(JsonNode? node) => node switch
    {
        JsonObject map => map.Select(p => Math.Max(p.Key.Length, LongestString(p.Value))).DefaultIfEmpty(0).Max(),
        JsonArray list => list.Select(LongestString).DefaultIfEmpty(0).Max(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length,
        _ => 0,
    };

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "...";

    private static ProblemHttpResult Refuse(HttpContext context, string code, params object?[] args) =>
        Problem.Of(context, StatusCodes.Status400BadRequest, code, args);
}
