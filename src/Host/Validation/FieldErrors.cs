using System.Text.RegularExpressions;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Validation;

/// <summary>
/// The one collector of per-field errors for every form and body of the Host (tasks' and start forms, registry,
/// users, calendar, votes): codes with their arguments, sent as one localized 400 (the contract's "errors", camelCase
/// field names, zh-CN by default, English on Accept-Language: en). One rule for texts: they are trimmed, and a text
/// longer than its limit is the error <c>field.maxlength</c> naming the limit ("最多输入 {0} 个字符。" / "Enter at
/// most {0} characters.") and is refused (the check returns null), never cut short.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<(string Code, object?[] Args)>> _errors = new(StringComparer.Ordinal);

    public FieldErrors()
    {
    }

    /// <summary>The errors of a form's validation (<see cref="FormValidator"/>).</summary>
    public FieldErrors(Dictionary<string, List<FormValidator.FieldError>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, list) in errors)
        {
            foreach (var error in list)
            {
                Add(field, error.Code, error.Argument);
            }
        }
    }

    public bool Any => _errors.Count > 0;

    /// <summary>Whether the field has an error already.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string code, params object?[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add((code, args));
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters, trimmed; null when missing or too long.</summary>
    public string? RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "field.required");
            return null;
        }

        return MaxLength(field, value.Trim(), maxLength);
    }

    /// <summary>An optional text, trimmed: null when blank, and null with an error when too long.</summary>
    public string? OptionalText(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : MaxLength(field, value.Trim(), maxLength);

    /// <summary>The text itself when within <paramref name="maxLength"/>; otherwise the error naming the limit and null.</summary>
    public string? MaxLength(string field, string? text, int maxLength)
    {
        if (text is not null && text.Length > maxLength)
        {
            Add(field, "field.maxlength", maxLength);
            return null;
        }

        return text;
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

    public void Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } number && (number < min || number > max))
        {
            Add(field, "field.range", min, max);
        }
    }

    /// <summary>The errors, localized for the caller.</summary>
    public Dictionary<string, string[]> Messages(HttpContext context) =>
        _errors.ToDictionary(
            e => e.Key,
            e => e.Value.Select(x => Problems.Messages.Text(context, x.Code, x.Args)).ToArray(),
            StringComparer.Ordinal);

    public ProblemHttpResult ToProblem(HttpContext context) => Problem.Validation(context, Messages(context));

    /// <summary>The 400 for one field's one error (a body refused at its first check).</summary>
    public static ProblemHttpResult One(HttpContext context, string field, string code, params object?[] args)
    {
        var errors = new FieldErrors();
        errors.Add(field, code, args);
        return errors.ToProblem(context);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
