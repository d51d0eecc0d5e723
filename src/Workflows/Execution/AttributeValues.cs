using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// The values of an element's attributes, evaluated in the token's scope as the element starts: a text, a list of
/// names, a date or duration, a number. A value of the wrong kind is an <c>expression</c> incident on the element.
/// </summary>
internal static class AttributeValues
{
    internal static string? Text(InstanceRunner runner, TokenState token, ExpressionText? text)
    {
        if (text is null)
        {
            return null;
        }

        var value = runner.Evaluate(token, text);
        var result = value is null ? null : ExpressionValues.ToText(value).Trim();
        return string.IsNullOrEmpty(result) ? null : result;
    }

    /// <summary>candidateUsers/Groups: a comma-separated text, or an expression giving a list.</summary>
    internal static List<string> List(InstanceRunner runner, TokenState token, ExpressionText? text)
    {
        if (text is null)
        {
            return [];
        }

        var value = runner.Evaluate(token, text);
        if (value is JsonArray array)
        {
            return array.Select(n => ExpressionValues.ToText(ExpressionValues.FromJson(n)).Trim()).Where(s => s.Length > 0).Distinct().ToList();
        }

        return ExpressionValues.ToText(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
    }

    internal static DateTimeOffset? Date(InstanceRunner runner, TokenState token, ExpressionText? text, string attribute)
    {
        if (text is null)
        {
            return null;
        }

        var value = runner.Evaluate(token, text);
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            return null;
        }

        if (ExpressionValues.ToDateTime(value) is { } date)
        {
            return date;
        }

        if (value is string iso && IsoDuration.TryParse(iso, out var duration))
        {
            return duration.AddTo(runner.Now);
        }

        throw new ElementFailure("expression", $"{attribute} '{text.Text}' did not give a date or an ISO 8601 duration.");
    }

    internal static long Number(InstanceRunner runner, TokenState token, ExpressionText text, string attribute)
    {
        var value = runner.Evaluate(token, text);
        return value switch
        {
            long l => l,
            double d => (long)d,
            string s when long.TryParse(s, out var l) => l,
            _ => throw new ElementFailure("expression", $"{attribute} '{text.Text}' did not give a number."),
        };
    }
}
