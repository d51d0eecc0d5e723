using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Host.Validation;

/// <summary>
/// Checks submitted variables against a user task's camunda:formFields, on the server: a browser's checks
/// are a convenience, not a guarantee. Every error of every field is reported at once, as message codes of
/// <see cref="Problems.Messages"/> ("field.*") with their argument.
/// </summary>
/// <remarks>
/// Variables that are not form fields are refused when the task declares a form (a form is the contract of
/// what a step may change); a task without form fields accepts any variables, as the engine does.
/// A read-only field may be left out or sent back unchanged. An absent, optional field is not checked.
/// A field with the property <c>requiredWhen</c> (<c>otherField=value1|value2</c>) is required when the other
/// field's submitted (or default) value is one of those values: the referral category a complaint needs only when
/// it is referred, the deadline a referral needs only when rectification is ordered.
/// </remarks>
public static class FormValidator
{
    public sealed record FieldError(string Code, object? Argument = null);

    public static Dictionary<string, List<FieldError>> Validate(
        IReadOnlyList<FormField> fields,
        IReadOnlyDictionary<string, JsonNode?> defaults,
        IReadOnlyDictionary<string, JsonNode?> submitted)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(submitted);
        var errors = new Dictionary<string, List<FieldError>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var found = new List<FieldError>();
            Check(field, defaults.GetValueOrDefault(field.Id), submitted.TryGetValue(field.Id, out var value), value, found);
            if (found.Count == 0 && RequiredByAnother(field, defaults, submitted) && IsEmpty(value ?? defaults.GetValueOrDefault(field.Id)))
            {
                found.Add(new FieldError("field.required"));
            }

            if (found.Count > 0)
            {
                errors[field.Id] = found;
            }
        }

        if (fields.Count > 0)
        {
            var declared = fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var name in submitted.Keys.Where(k => !declared.Contains(k)))
            {
                errors[name] = [new FieldError("field.undeclared")];
            }
        }

        return errors;
    }

    private static void Check(FormField field, JsonNode? defaultValue, bool present, JsonNode? value, List<FieldError> errors)
    {
        if (field.IsReadOnly && present && !JsonNode.DeepEquals(value, defaultValue))
        {
            errors.Add(new FieldError("field.readonly"));
            return;
        }

        var effective = field.IsReadOnly && !present ? defaultValue : value;
        if (IsEmpty(effective))
        {
            if (field.IsRequired)
            {
                errors.Add(new FieldError("field.required"));
            }

            return;
        }

        switch (field.Type)
        {
            case "long":
                CheckLong(field, effective!, errors);
                break;
            case "double":
                CheckDouble(field, effective!, errors);
                break;
            case "boolean":
                if (effective!.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(new FieldError("field.type.boolean"));
                }

                break;
            case "date":
                CheckDate(field, effective!, errors);
                break;
            case "enum":
                if (effective!.GetValueKind() != JsonValueKind.String || !field.EnumValues.Any(v => v.Id == effective.GetValue<string>()))
                {
                    errors.Add(new FieldError("field.enum"));
                }

                break;
            default:
                CheckString(field, effective!, errors);
                break;
        }
    }

    /// <summary>The field's <c>requiredWhen</c> condition (<c>other=a|b</c>) holds for the submitted or default value of <c>other</c>.</summary>
    private static bool RequiredByAnother(FormField field, IReadOnlyDictionary<string, JsonNode?> defaults, IReadOnlyDictionary<string, JsonNode?> submitted)
    {
        if (!field.Properties.TryGetValue("requiredWhen", out var rule) || rule.Split('=', 2) is not [var other, var values])
        {
            return false;
        }

        var current = submitted.TryGetValue(other.Trim(), out var given) ? given : defaults.GetValueOrDefault(other.Trim());
        return current is not null && current.GetValueKind() == JsonValueKind.String
            && values.Split('|', StringSplitOptions.TrimEntries).Contains(current.GetValue<string>(), StringComparer.Ordinal);
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));

    private static void CheckString(FormField field, JsonNode value, List<FieldError> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError("field.type.string"));
            return;
        }

        var length = new StringInfo(value.GetValue<string>()).LengthInTextElements;
        if (Config(field, "minlength") is { } min && long.TryParse(min, CultureInfo.InvariantCulture, out var minLength) && length < minLength)
        {
            errors.Add(new FieldError("field.minlength", minLength));
        }

        if (Config(field, "maxlength") is { } max && long.TryParse(max, CultureInfo.InvariantCulture, out var maxLength) && length > maxLength)
        {
            errors.Add(new FieldError("field.maxlength", maxLength));
        }
    }

    private static void CheckLong(FormField field, JsonNode value, List<FieldError> errors)
    {
        // A JSON integer that fits Int64: 3 is, 3.5, 1e3 and "3" are not.
        if (value.GetValueKind() != JsonValueKind.Number
            || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new FieldError("field.type.long"));
            return;
        }

        if (Config(field, "min") is { } min && long.TryParse(min, CultureInfo.InvariantCulture, out var lower) && number < lower)
        {
            errors.Add(new FieldError("field.min", lower));
        }

        if (Config(field, "max") is { } max && long.TryParse(max, CultureInfo.InvariantCulture, out var upper) && number > upper)
        {
            errors.Add(new FieldError("field.max", upper));
        }
    }

    private static void CheckDouble(FormField field, JsonNode value, List<FieldError> errors)
    {
        // Any finite JSON number: 0.33, 3 and 1e3 are, "0.33" is not.
        if (value.GetValueKind() != JsonValueKind.Number
            || !double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            errors.Add(new FieldError("field.type.double"));
            return;
        }

        if (Config(field, "min") is { } min && double.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var lower) && number < lower)
        {
            errors.Add(new FieldError("field.min", min));
        }

        if (Config(field, "max") is { } max && double.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var upper) && number > upper)
        {
            errors.Add(new FieldError("field.max", max));
        }
    }

    private static void CheckDate(FormField field, JsonNode value, List<FieldError> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String || ParseDate(field, value.GetValue<string>()) is not { } date)
        {
            errors.Add(field.DatePattern is { } pattern ? new FieldError("field.type.datePattern", pattern.Example) : new FieldError("field.type.date"));
            return;
        }

        if (Config(field, "min") is { } min && ParseDate(min) is { } lower && date < lower)
        {
            errors.Add(new FieldError("field.min", min));
        }

        if (Config(field, "max") is { } max && ParseDate(max) is { } upper && date > upper)
        {
            errors.Add(new FieldError("field.max", max));
        }
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>An ISO 8601 date or date-time, or a date typed in the field's <c>datePattern</c> (camunda:formProperty).</summary>
    private static DateTimeOffset? ParseDate(FormField field, string text) =>
        ParseDate(text) ?? (field.DatePattern?.ToIso(text) is { } iso ? ParseDate(iso) : null);

    /// <summary>An ISO 8601 date or date-time; a date-time without offset counts as UTC.</summary>
    internal static DateTimeOffset? ParseDate(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static string? Config(FormField field, string name) =>
        field.Constraints.FirstOrDefault(c => c.Name == name)?.Config;
}
