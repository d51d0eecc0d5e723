using System.Text.RegularExpressions;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Validation;

/// <summary>Checks of the registry forms' fields, collected per field (camelCase names, localized messages).</summary>
public sealed partial class RegistryFields(HttpContext context)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public void Add(string field, string code, params object?[] args)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(Messages.Text(context, code, args));
    }

    /// <summary>A node, department or category id: lowercase letters, digits and '-'.</summary>
    public string? Id(string field, string? value)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            Add(field, "field.required");
            return null;
        }

        if (!IdPattern().IsMatch(id))
        {
            Add(field, "field.id");
            return null;
        }

        return id;
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public string? Text(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "field.required");
            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            Add(field, "field.maxlength", maxLength);
            return null;
        }

        return text;
    }

    /// <summary>An optional text: null or blank means none.</summary>
    public string? OptionalText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            Add(field, "field.maxlength", maxLength);
        }

        return text;
    }

    public void Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } number && (number < min || number > max))
        {
            Add(field, "field.range", min, max);
        }
    }

    public ProblemHttpResult Problem() =>
        Anju.Host.Problems.Problem.Validation(context, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
