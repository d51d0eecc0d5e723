using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Where a submitted form's values are stored: under the field's id, or under the process variable a
/// camunda:formProperty names with <c>variable</c> (Camunda 7 user guide, "Generated Task Forms").
/// </summary>
internal static class FormVariables
{
    public static IReadOnlyDictionary<string, JsonNode?>? Map(ImmutableArray<FormField> fields, IReadOnlyDictionary<string, JsonNode?>? submitted)
    {
        if (submitted is null || fields.IsDefaultOrEmpty || !fields.Any(f => f.Variable is not null))
        {
            return submitted;
        }

        var mapped = new Dictionary<string, JsonNode?>(submitted, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.Variable is { } variable && mapped.Remove(field.Id, out var value))
            {
                mapped[variable] = value;
            }
        }

        return mapped;
    }
}
