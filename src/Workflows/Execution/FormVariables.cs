using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Where a submitted form's values are stored and how (Camunda 7 user guide, "Generated Task Forms"): under the
/// field's id, or under the process variable a camunda:formProperty names with <c>variable</c> (or a writable
/// <c>expression</c> naming one variable); a date typed in a property's <c>datePattern</c> is stored as ISO 8601.
/// </summary>
internal static class FormVariables
{
    public static IReadOnlyDictionary<string, JsonNode?>? Map(ImmutableArray<FormField> fields, IReadOnlyDictionary<string, JsonNode?>? submitted)
    {
        if (submitted is null || fields.IsDefaultOrEmpty || !fields.Any(f => f.Variable is not null || f.DatePattern is not null || !f.WritePath.IsDefaultOrEmpty))
        {
            return submitted;
        }

        var mapped = new Dictionary<string, JsonNode?>(submitted, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.DatePattern is { } pattern && mapped.TryGetValue(field.Id, out var typed)
                && typed?.GetValueKind() == JsonValueKind.String && pattern.ToIso(typed.GetValue<string>()) is { } iso)
            {
                mapped[field.Id] = JsonValue.Create(iso);
            }

            if (field.Variable is { } variable && mapped.Remove(field.Id, out var value))
            {
                mapped[variable] = value;
            }

            if (!field.WritePath.IsDefaultOrEmpty)
            {
                // Written into the variable's object by InstanceRunner.SetFormVariables, after the others.
                mapped.Remove(field.Id);
            }
        }

        return mapped;
    }

    /// <summary>The submitted values of properties written through a property path (<c>${leave.days}</c>), dates as ISO.</summary>
    public static IEnumerable<(ImmutableArray<string> Path, JsonNode? Value)> PathWrites(ImmutableArray<FormField> fields, IReadOnlyDictionary<string, JsonNode?>? submitted)
    {
        if (submitted is null || fields.IsDefaultOrEmpty)
        {
            yield break;
        }

        foreach (var field in fields)
        {
            if (!field.WritePath.IsDefaultOrEmpty && submitted.TryGetValue(field.Id, out var value))
            {
                var single = Map([field with { WritePath = [] }], new Dictionary<string, JsonNode?> { [field.Id] = value });
                yield return (field.WritePath, single![field.Id]);
            }
        }
    }
}
