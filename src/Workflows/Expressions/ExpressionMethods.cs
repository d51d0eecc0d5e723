using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;

namespace Anju.Workflows.Expressions;

internal enum MethodId
{
    Equals,
    Contains,
    StartsWith,
    EndsWith,
    Length,
    Size,
    IsEmpty,

    /// <summary><c>execution.getVariable('name')</c>: a variable by a name computed at run time (Camunda's execution object).</summary>
    GetVariable,

    /// <summary>
    /// <c>execution.setVariable('name', value)</c> and <c>task.setVariable(…)</c>: sets a variable by Camunda's rule, where
    /// the expression may change variables (listeners, expression tasks); elsewhere an error.
    /// </summary>
    SetVariable,

    // Date methods (Joda-style, as used on Camunda's dateTime()); everything from here on needs a date receiver.
    PlusDays,
    PlusHours,
    PlusMinutes,
    PlusWeeks,
    PlusMonths,
    PlusYears,
    MinusDays,
    MinusHours,
    MinusMinutes,
    MinusWeeks,
    MinusMonths,
    MinusYears,
    ToDate,
    IsBefore,
    IsAfter,
    PlusWorkingDays,
}

/// <summary>
/// The closed set of methods an expression may call. There is no reflection: a name outside this table is
/// rejected when the expression is parsed, so models cannot reach arbitrary .NET members.
/// </summary>
internal static class ExpressionMethods
{
    private static readonly FrozenDictionary<string, MethodId> Table = new Dictionary<string, MethodId>(StringComparer.Ordinal)
    {
        ["equals"] = MethodId.Equals,
        ["contains"] = MethodId.Contains,
        ["startsWith"] = MethodId.StartsWith,
        ["endsWith"] = MethodId.EndsWith,
        ["length"] = MethodId.Length,
        ["size"] = MethodId.Size,
        ["isEmpty"] = MethodId.IsEmpty,
        ["getVariable"] = MethodId.GetVariable,
        ["setVariable"] = MethodId.SetVariable,
        ["plusDays"] = MethodId.PlusDays,
        ["plusHours"] = MethodId.PlusHours,
        ["plusMinutes"] = MethodId.PlusMinutes,
        ["plusWeeks"] = MethodId.PlusWeeks,
        ["plusMonths"] = MethodId.PlusMonths,
        ["plusYears"] = MethodId.PlusYears,
        ["minusDays"] = MethodId.MinusDays,
        ["minusHours"] = MethodId.MinusHours,
        ["minusMinutes"] = MethodId.MinusMinutes,
        ["minusWeeks"] = MethodId.MinusWeeks,
        ["minusMonths"] = MethodId.MinusMonths,
        ["minusYears"] = MethodId.MinusYears,
        ["toDate"] = MethodId.ToDate,
        ["isBefore"] = MethodId.IsBefore,
        ["isAfter"] = MethodId.IsAfter,
        ["plusWorkingDays"] = MethodId.PlusWorkingDays,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string SupportedNames { get; } = string.Join(", ", Table.Keys.Order(StringComparer.Ordinal));

    public static bool TryLookup(string name, out MethodId id) => Table.TryGetValue(name, out id);

    /// <summary>How many arguments a method takes: none, one, or two for <c>setVariable</c>.</summary>
    public static int ArityOf(MethodId id) => id switch
    {
        MethodId.Length or MethodId.Size or MethodId.IsEmpty or MethodId.ToDate => 0,
        MethodId.SetVariable => 2,
        _ => 1,
    };

    public static object? Invoke(MethodId id, string name, object? receiver, object? argument, object? second, IExpressionContext context, int position)
    {
        if (id == MethodId.SetVariable)
        {
            return SetVariable(name, receiver, argument, second, context, position);
        }

        if (receiver is null)
        {
            throw new ExpressionException(ExpressionErrorKind.Type, $"Cannot call method '{name}' on null", position);
        }

        if (id == MethodId.Equals)
        {
            return Box(Operators.StrictEquals(receiver, argument));
        }

        if (id == MethodId.GetVariable)
        {
            return GetVariable(name, receiver, argument, context, position);
        }

        switch (receiver)
        {
            case string s when id >= MethodId.PlusDays:
                var parsed = ExpressionValues.ToDateTime(s)
                    ?? throw new ExpressionException(ExpressionErrorKind.Type, $"Method '{name}' needs a date, but {ExpressionValues.Describe(s)} is not an ISO-8601 date", position);
                return InvokeDate(id, name, parsed, argument, context, position);
            case string s:
                return InvokeString(id, name, s, argument, position);
            case DateTimeOffset date when id >= MethodId.PlusDays:
                return InvokeDate(id, name, date, argument, context, position);
            case JsonArray array when id is MethodId.Contains:
                return Box(ArrayContains(array, argument));
            case JsonArray array when id is MethodId.Length or MethodId.Size:
                return (long)array.Count;
            case JsonArray array when id is MethodId.IsEmpty:
                return Box(array.Count == 0);
            case JsonObject obj when id is MethodId.Length or MethodId.Size:
                return (long)obj.Count;
            case JsonObject obj when id is MethodId.IsEmpty:
                return Box(obj.Count == 0);
            default:
                throw new ExpressionException(
                    ExpressionErrorKind.Type,
                    $"Method '{name}' is not supported on {ExpressionValues.Describe(receiver)}",
                    position);
        }
    }

    /// <summary>
    /// <c>execution.getVariable('name')</c>: only on the execution object (<see cref="ExecutionObject"/>), read-only;
    /// an undefined name is the same error as an undefined variable.
    /// </summary>
    private static object? GetVariable(string name, object receiver, object? argument, IExpressionContext context, int position)
    {
        if (receiver is not JsonObject execution || !(ExecutionObject.Is(execution) || TaskObject.Is(execution)))
        {
            throw new ExpressionException(ExpressionErrorKind.Type, $"Method '{name}' is only supported on 'execution' and 'task'", position);
        }

        if (argument is not string variable)
        {
            throw new ExpressionException(ExpressionErrorKind.Type, $"Method '{name}' needs a variable name as text", position);
        }

        if (!context.TryGetVariable(variable, out var value))
        {
            throw new ExpressionException(ExpressionErrorKind.UndefinedVariable, $"Variable '{variable}' is not defined", position, variableName: variable);
        }

        return ExpressionValues.FromJson(value);
    }

    /// <summary>
    /// <c>execution.setVariable('name', value)</c> / <c>task.setVariable('name', value)</c>: only on those objects, and
    /// only where the context may write (<see cref="IVariableWriter"/>); gives null, as Camunda's void method does.
    /// </summary>
    private static object? SetVariable(string name, object? receiver, object? argument, object? value, IExpressionContext context, int position)
    {
        if (receiver is not JsonObject target || !(ExecutionObject.Is(target) || TaskObject.Is(target)))
        {
            throw new ExpressionException(ExpressionErrorKind.Type, $"Method '{name}' is only supported on 'execution' and 'task'", position);
        }

        if (argument is not string variable || variable.Length == 0)
        {
            throw new ExpressionException(ExpressionErrorKind.Type, $"Method '{name}' needs a variable name as text", position);
        }

        if (context is not IVariableWriter writer || !writer.CanWrite)
        {
            throw new ExpressionException(
                ExpressionErrorKind.Type,
                $"Method '{name}' can change variables only in a listener or an expression task, not here",
                position);
        }

        writer.SetVariable(variable, ExpressionValues.ToJson(value));
        return null;
    }

    /// <summary>An integer argument (day counts and the like): a long, an integral double or a numeric string, within int range.</summary>
    internal static int ToInt(object? value, string name, int position)
    {
        var number = Operators.ToNumber(value, position);
        var d = number.AsDouble;
        if (value is null || d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
        {
            throw new ExpressionException(
                ExpressionErrorKind.Type,
                $"'{name}' needs a whole number of at most {int.MaxValue} in size, not {ExpressionValues.Describe(value)}",
                position);
        }

        return (int)d;
    }

    internal static DateTimeOffset ToDate(object? value, string name, int position) =>
        ExpressionValues.ToDateTime(value)
        ?? throw new ExpressionException(ExpressionErrorKind.Type, $"'{name}' needs a date, not {ExpressionValues.Describe(value)}", position);

    internal static ExpressionException OutOfRange(string name, int position, Exception inner) =>
        new(ExpressionErrorKind.Type, $"'{name}' produced a date outside the supported range", position, innerException: inner);

    private static object Box(bool value) => value ? ExpressionValues.True : ExpressionValues.False;

    /// <summary>String methods; arguments are coerced to text as JUEL does for String parameters (null → "").</summary>
    private static object InvokeString(MethodId id, string name, string s, object? argument, int position) => id switch
    {
        MethodId.Contains => Box(s.Contains(ExpressionValues.ToText(argument), StringComparison.Ordinal)),
        MethodId.StartsWith => Box(s.StartsWith(ExpressionValues.ToText(argument), StringComparison.Ordinal)),
        MethodId.EndsWith => Box(s.EndsWith(ExpressionValues.ToText(argument), StringComparison.Ordinal)),
        MethodId.Length or MethodId.Size => (long)s.Length,
        MethodId.IsEmpty => Box(s.Length == 0),
        _ => throw new ExpressionException(ExpressionErrorKind.Type, $"Method '{name}' is not supported on a string", position),
    };

    private static object InvokeDate(MethodId id, string name, DateTimeOffset date, object? argument, IExpressionContext context, int position)
    {
        if (id == MethodId.ToDate)
        {
            return date;
        }

        if (id is MethodId.IsBefore or MethodId.IsAfter)
        {
            var other = ToDate(argument, name, position);
            return Box(id == MethodId.IsBefore ? date < other : date > other);
        }

        var n = ToInt(argument, name, position);
        try
        {
            return id switch
            {
                MethodId.PlusDays => date.AddDays(n),
                MethodId.PlusHours => date.AddHours(n),
                MethodId.PlusMinutes => date.AddMinutes(n),
                MethodId.PlusWeeks => date.AddDays(7.0 * n),
                MethodId.PlusMonths => date.AddMonths(n),
                MethodId.PlusYears => date.AddYears(n),
                MethodId.MinusDays => date.AddDays(-(double)n),
                MethodId.MinusHours => date.AddHours(-(double)n),
                MethodId.MinusMinutes => date.AddMinutes(-(double)n),
                MethodId.MinusWeeks => date.AddDays(-7.0 * n),
                MethodId.MinusMonths => date.AddMonths(-n),
                MethodId.MinusYears => date.AddYears(-n),
                _ => context.Calendar.AddWorkingDays(date, n, WorkingCalendar.ChinaStandardTime),
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw OutOfRange(name, position, ex);
        }
    }

    /// <summary>Membership with <c>.equals</c> semantics per element, like Java's List.contains.</summary>
    private static bool ArrayContains(JsonArray array, object? item)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (Operators.StrictEquals(ExpressionValues.FromJson(array[i]), item))
            {
                return true;
            }
        }

        return false;
    }
}
