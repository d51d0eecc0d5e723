using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Validation;

/// <summary>Per-field messages collected as codes and sent as one localized 400 (the contract's "errors").</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<FormValidator.FieldError>> _errors = new(StringComparer.Ordinal);

    public FieldErrors()
    {
    }

    public FieldErrors(Dictionary<string, List<FormValidator.FieldError>> errors) => _errors = errors;

    public bool Any => _errors.Count > 0;

    public void Add(string field, string code, object? argument = null)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(new FormValidator.FieldError(code, argument));
    }

    /// <summary>A required text of at most <paramref name="maxLength"/> characters.</summary>
    public string? RequireText(string field, string? value, int maxLength)
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
        }

        return text;
    }

    public ProblemHttpResult ToProblem(HttpContext context) =>
        Problem.Validation(context, _errors.ToDictionary(
            e => e.Key,
            e => e.Value.Select(x => Messages.Text(context, x.Code, x.Argument)).ToArray(),
            StringComparer.Ordinal));
}
