using System.Globalization;
using System.Text.Json.Nodes;

namespace Anju.Workflows.Expressions;

/// <summary>
/// Operator semantics, following JUEL's coercion rules where they are sound and failing loudly where
/// JUEL would silently produce surprising results:
/// <list type="bullet">
/// <item>Arithmetic is numeric only: null counts as 0, numeric strings are parsed (as JUEL does), booleans
/// and other strings are a Type error. <c>+</c> never concatenates.</item>
/// <item>long op long stays long and is checked: overflow is a Type error (JUEL would wrap around).</item>
/// <item><c>/</c> always yields a double (JUEL); division or modulo by zero is a Type error instead of
/// JUEL's Infinity/NaN, and so is any non-finite result: a condition must never route on Infinity.</item>
/// </list>
/// </summary>
internal static class Operators
{
    public static object Arithmetic(BinaryOperator op, object? left, object? right, int position)
    {
        if (left is long a && right is long b && op is not BinaryOperator.Divide)
        {
            return LongArithmetic(op, a, b, position);
        }

        var x = ToNumber(left, position);
        var y = ToNumber(right, position);
        if (!x.IsDouble && !y.IsDouble && op is not BinaryOperator.Divide)
        {
            return LongArithmetic(op, x.Long, y.Long, position);
        }

        var (dx, dy) = (x.AsDouble, y.AsDouble);
        if (op is BinaryOperator.Divide or BinaryOperator.Modulo && dy == 0)
        {
            throw DivisionByZero(position);
        }

        var result = op switch
        {
            BinaryOperator.Add => dx + dy,
            BinaryOperator.Subtract => dx - dy,
            BinaryOperator.Multiply => dx * dy,
            BinaryOperator.Divide => dx / dy,
            _ => dx % dy,
        };
        if (!double.IsFinite(result))
        {
            throw new ExpressionException(ExpressionErrorKind.Type, $"Arithmetic result of '{Symbol(op)}' is not a finite number", position);
        }

        return result;
    }

    public static object Negate(object? value, int position)
    {
        var n = ToNumber(value, position);
        if (n.IsDouble)
        {
            return -n.Double;
        }

        if (n.Long == long.MinValue)
        {
            throw Overflow(BinaryOperator.Subtract, position);
        }

        return -n.Long;
    }

    /// <summary>
    /// Relational operators. JUEL: equal operands satisfy &lt;= and &gt;=, any other comparison with null is false.
    /// Numbers compare numerically (numeric strings are parsed), dates by instant (ISO strings are parsed),
    /// strings ordinally like Java's compareTo. Anything else is a Type error.
    /// </summary>
    public static bool Compare(BinaryOperator op, object? left, object? right, int position)
    {
        int order;
        if (left is long a && right is long b)
        {
            order = a.CompareTo(b);
        }
        else if (left is null || right is null)
        {
            return left is null && right is null && op is BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual;
        }
        else if (left is long or double || right is long or double)
        {
            var x = ToNumber(left, position);
            var y = ToNumber(right, position);
            order = x.IsDouble || y.IsDouble ? x.AsDouble.CompareTo(y.AsDouble) : x.Long.CompareTo(y.Long);
        }
        else if (left is DateTimeOffset || right is DateTimeOffset)
        {
            order = ToDate(left, op, position).CompareTo(ToDate(right, op, position));
        }
        else if (left is string s && right is string t)
        {
            order = string.CompareOrdinal(s, t);
        }
        else
        {
            throw new ExpressionException(
                ExpressionErrorKind.Type,
                $"Operator '{Symbol(op)}' cannot compare {ExpressionValues.Describe(left)} with {ExpressionValues.Describe(right)}",
                position);
        }

        return op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.LessOrEqual => order <= 0,
            _ => order >= 0,
        };
    }

    /// <summary>
    /// JUEL equality: null equals only null; if either side is a number both are compared numerically
    /// (a numeric string is parsed, a boolean is a Type error); if either is a boolean the other must be a
    /// boolean or "true"/"false" (other strings are a Type error rather than JUEL's silent false); dates compare
    /// by instant with ISO strings parsed; strings ordinally; JSON objects/arrays structurally.
    /// </summary>
    public static bool AreEqual(object? left, object? right, int position)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is long a && right is long b)
        {
            return a == b;
        }

        if (left is string s && right is string t)
        {
            return string.Equals(s, t, StringComparison.Ordinal);
        }

        if (left is long or double || right is long or double)
        {
            var x = ToNumber(left, position);
            var y = ToNumber(right, position);
            return x.IsDouble || y.IsDouble ? x.AsDouble == y.AsDouble : x.Long == y.Long;
        }

        if (left is bool || right is bool)
        {
            return ToBooleanOperand(left, position) == ToBooleanOperand(right, position);
        }

        if (left is DateTimeOffset || right is DateTimeOffset)
        {
            var (d1, d2) = (ExpressionValues.ToDateTime(left), ExpressionValues.ToDateTime(right));
            return d1.HasValue && d2.HasValue && d1.Value == d2.Value;
        }

        return left is JsonNode n1 && right is JsonNode n2 && JsonNode.DeepEquals(n1, n2);
    }

    /// <summary>
    /// The <c>.equals(x)</c> method: Java-like, no string coercion; numbers still compare across long/double
    /// because JSON does not keep that distinction.
    /// </summary>
    public static bool StrictEquals(object? left, object? right) => (left, right) switch
    {
        (null, _) or (_, null) => left is null && right is null,
        (string s, string t) => string.Equals(s, t, StringComparison.Ordinal),
        (long a, long b) => a == b,
        (long or double, long or double) => Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture),
        (bool a, bool b) => a == b,
        (DateTimeOffset a, DateTimeOffset b) => a == b,
        (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
        _ => false,
    };

    /// <summary>Boolean coercion for !, &amp;&amp;, ||, ?: with the operator position in the error.</summary>
    public static bool ToBooleanOperand(object? value, int position) =>
        ExpressionValues.TryToBoolean(value, out var result)
            ? result
            : throw new ExpressionException(ExpressionErrorKind.Type, $"Expected a boolean but found {ExpressionValues.Describe(value)}", position);

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Less => "<",
        BinaryOperator.Greater => ">",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        _ => "!=",
    };

    /// <summary>JUEL number coercion: null → 0, numeric strings parsed (integer text → long), otherwise a Type error.</summary>
    public static Number ToNumber(object? value, int position)
    {
        switch (value)
        {
            case long l:
                return new Number(false, l, 0);
            case double d:
                return new Number(true, 0, d);
            case null:
                return default;
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                return new Number(false, l, 0);
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                return new Number(true, 0, d);
            default:
                throw new ExpressionException(ExpressionErrorKind.Type, $"Expected a number but found {ExpressionValues.Describe(value)}", position);
        }
    }

    private static object LongArithmetic(BinaryOperator op, long a, long b, int position)
    {
        if (op is BinaryOperator.Modulo && b == 0)
        {
            throw DivisionByZero(position);
        }

        try
        {
            return op switch
            {
                BinaryOperator.Add => checked(a + b),
                BinaryOperator.Subtract => checked(a - b),
                BinaryOperator.Multiply => checked(a * b),
                _ => b == -1 ? 0L : a % b,
            };
        }
        catch (OverflowException)
        {
            throw Overflow(op, position);
        }
    }

    private static DateTimeOffset ToDate(object? value, BinaryOperator op, int position) =>
        ExpressionValues.ToDateTime(value)
        ?? throw new ExpressionException(
            ExpressionErrorKind.Type,
            $"Operator '{Symbol(op)}' cannot compare a date with {ExpressionValues.Describe(value)}",
            position);

    private static ExpressionException DivisionByZero(int position) =>
        new(ExpressionErrorKind.Type, "Division by zero", position);

    private static ExpressionException Overflow(BinaryOperator op, int position) =>
        new(ExpressionErrorKind.Type, $"Integer overflow in '{Symbol(op)}'", position);

    /// <summary>A coerced number without boxing: either a long or a double.</summary>
    internal readonly record struct Number(bool IsDouble, long Long, double Double)
    {
        public double AsDouble => IsDouble ? Double : Long;
    }
}
