using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;

namespace Anju.Workflows.Expressions;

/// <summary>
/// The value model of expressions and its conversions. At run time a value is one of:
/// <see langword="null"/>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="DateTimeOffset"/>, <see cref="JsonObject"/> or <see cref="JsonArray"/>.
/// Process variables are JSON, so dates usually arrive as ISO-8601 strings; date operations accept those.
/// </summary>
public static class ExpressionValues
{
    internal static readonly object True = true;
    internal static readonly object False = false;

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] ZonedFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// JSON → expression value: integral numbers become <see cref="long"/>, other numbers <see cref="double"/>,
    /// strings, booleans and null map directly; objects and arrays stay as the (same) nodes.
    /// </summary>
    public static object? FromJson(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node;
        }

        // Values parsed from text wrap a JsonElement (the common case: variables loaded from storage).
        if (value.TryGetValue(out JsonElement element))
        {
            return FromElement(element);
        }

        // Values built in code wrap a CLR primitive, which TryGetValue does not convert between numeric types.
        if (value.TryGetValue(out string? text))
        {
            return text;
        }

        if (value.TryGetValue(out long l))
        {
            return l;
        }

        if (value.TryGetValue(out int i))
        {
            return (long)i;
        }

        if (value.TryGetValue(out bool b))
        {
            return b ? True : False;
        }

        if (value.TryGetValue(out double d))
        {
            return d;
        }

        if (value.TryGetValue(out DateTimeOffset dto))
        {
            return dto;
        }

        // Any other primitive (decimal, float, Guid, DateTime, ...) is normalised through its JSON text.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return FromElement(document.RootElement);
    }

    /// <summary>
    /// Expression value → JSON. Dates become ISO-8601 strings ("o" format); nodes are deep-cloned because a
    /// node can only have one parent and the result must not alias the variable it was read from.
    /// </summary>
    /// <exception cref="ExpressionException">The value has no JSON form (a non-finite number, an unsupported type).</exception>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create((long)i),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        string s => JsonValue.Create(s),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("o", CultureInfo.InvariantCulture)),
        JsonNode node => node.DeepClone(),
        _ => throw new ExpressionException(ExpressionErrorKind.Type, $"A value of type {TypeName(value)} ('{value}') cannot be stored as JSON"),
    };

    /// <summary>
    /// JUEL coercion to boolean for conditions: booleans as is, the strings "true"/"false" (any case) and ""
    /// (false), null is false. Anything else is a <see cref="ExpressionErrorKind.Type"/> error rather than
    /// silently false, so a mistyped condition becomes an incident instead of a wrong path.
    /// </summary>
    public static bool ToBoolean(object? value, string expressionText)
    {
        if (TryToBoolean(value, out var result))
        {
            return result;
        }

        throw new ExpressionException(
            ExpressionErrorKind.Type,
            $"Expression '{expressionText}' evaluated to {Describe(value)}, which is not a boolean");
    }

    /// <summary>A date value, or an ISO-8601 date/time string (without offset = China Standard Time); otherwise null.</summary>
    public static DateTimeOffset? ToDateTime(object? value) => value switch
    {
        DateTimeOffset dto => dto,
        string s => TryParseDate(s, out var parsed) ? parsed : null,
        _ => null,
    };

    /// <summary>
    /// Text for composite expressions such as <c>Hello ${name}</c>: null is empty, numbers use the invariant
    /// culture, dates ISO-8601 ("o"), booleans "true"/"false", JSON nodes their compact JSON.
    /// </summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("o", CultureInfo.InvariantCulture),
        JsonNode node => node.ToJsonString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static bool TryToBoolean(object? value, out bool result)
    {
        switch (value)
        {
            case bool b:
                result = b;
                return true;
            case null:
                result = false;
                return true;
            case string s when s.Length == 0 || s.Equals("false", StringComparison.OrdinalIgnoreCase):
                result = false;
                return true;
            case string s when s.Equals("true", StringComparison.OrdinalIgnoreCase):
                result = true;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>
    /// ISO-8601 only (no culture-dependent guessing): a date, or a date and time with optional offset/Z.
    /// Without an offset the time is read in China Standard Time, as a user in the city means it.
    /// </summary>
    internal static bool TryParseDate(string text, out DateTimeOffset result)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (DateTime.TryParseExact(text, LocalFormats, invariant, DateTimeStyles.None, out var local))
        {
            result = new DateTimeOffset(local, WorkingCalendar.ChinaStandardTime.GetUtcOffset(local));
            return true;
        }

        return DateTimeOffset.TryParseExact(text, ZonedFormats, invariant, DateTimeStyles.None, out result);
    }

    internal static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "boolean",
        long or int or double or decimal => "number",
        string => "string",
        DateTimeOffset => "date",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetType().Name,
    };

    /// <summary>A short description for error messages, e.g. <c>'abc' (string)</c>.</summary>
    internal static string Describe(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = ToText(value);
        if (text.Length > 60)
        {
            text = string.Concat(text.AsSpan(0, 60), "…");
        }

        return $"'{text}' ({TypeName(value)})";
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : (object)element.GetDouble(),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        _ => null,
    };
}
