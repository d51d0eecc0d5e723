using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>Reading handler parameters (extension properties) and variables in the shapes BPMN authors write.</summary>
public static class HandlerValues
{
    public static string? Text(this ServiceTaskContext context, string property) =>
        context.GetProperty(property) is { } node ? AsText(node) : null;

    public static string RequiredText(this ServiceTaskContext context, string property) =>
        context.Text(property) is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"Service task '{context.ActivityId}' needs the extension property '{property}'.");

    public static decimal Number(this ServiceTaskContext context, string property, decimal? fallback = null)
    {
        if (context.GetProperty(property) is { } node && ToNumber(node) is { } value)
        {
            return value;
        }

        return fallback ?? throw new InvalidOperationException($"Service task '{context.ActivityId}' needs the numeric extension property '{property}'.");
    }

    /// <summary>A list given as a JSON array, or as text with commas.</summary>
    public static IReadOnlyList<string> List(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(AsText).OfType<string>().Where(s => s.Length > 0)],
        _ => AsText(node) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
    };

    public static string? VariableText(this ServiceTaskContext context, string name) =>
        context.GetVariable(name) is { } node ? AsText(node) : null;

    public static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static decimal? ToNumber(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String
            && decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
