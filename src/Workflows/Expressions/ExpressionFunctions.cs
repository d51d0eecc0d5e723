using System.Collections.Frozen;
using Anju.Workflows.Calendars;

namespace Anju.Workflows.Expressions;

internal enum FunctionId
{
    Now,
    DateTime,
    WorkingDays,
    Hours,
    Date,
}

/// <summary>
/// The fixed function registry. Unknown names and wrong argument counts are rejected at parse time so a
/// broken model fails on deployment, not when a citizen's request reaches the gateway.
/// All clock-based functions work in China Standard Time, like Camunda running on a JVM in the city,
/// so day and month arithmetic on their results follows the local calendar.
/// </summary>
internal static class ExpressionFunctions
{
    private static readonly FrozenDictionary<string, (FunctionId Id, int MinArity, int MaxArity)> Table =
        new Dictionary<string, (FunctionId, int, int)>(StringComparer.Ordinal)
        {
            ["now"] = (FunctionId.Now, 0, 0),
            ["dateTime"] = (FunctionId.DateTime, 0, 0),
            ["workingDays"] = (FunctionId.WorkingDays, 1, 2),
            ["hours"] = (FunctionId.Hours, 1, 1),
            ["date"] = (FunctionId.Date, 1, 1),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string SupportedNames { get; } = string.Join(", ", Table.Keys.Order(StringComparer.Ordinal));

    public static bool TryLookup(string name, out FunctionId id, out int minArity, out int maxArity)
    {
        if (Table.TryGetValue(name, out var entry))
        {
            (id, minArity, maxArity) = entry;
            return true;
        }

        (id, minArity, maxArity) = (default, 0, 0);
        return false;
    }

    public static object Invoke(FunctionId id, string name, ExpressionNode[] arguments, IExpressionContext context, int position)
    {
        switch (id)
        {
            case FunctionId.Now or FunctionId.DateTime:
                return LocalNow(context);
            case FunctionId.Hours:
                var hours = Operators.ToNumber(arguments[0].Evaluate(context), arguments[0].Position).AsDouble;
                return Guard(name, position, () => LocalNow(context).AddHours(hours));
            case FunctionId.Date:
                return ExpressionMethods.ToDate(arguments[0].Evaluate(context), name, arguments[0].Position);
            default:
                DateTimeOffset start;
                ExpressionNode countNode;
                if (arguments.Length == 1)
                {
                    (start, countNode) = (LocalNow(context), arguments[0]);
                }
                else
                {
                    start = ExpressionMethods.ToDate(arguments[0].Evaluate(context), name, arguments[0].Position);
                    countNode = arguments[1];
                }

                var count = ExpressionMethods.ToInt(countNode.Evaluate(context), name, countNode.Position);
                return Guard(name, position, () => context.Calendar.AddWorkingDays(start, count, WorkingCalendar.ChinaStandardTime));
        }
    }

    private static DateTimeOffset LocalNow(IExpressionContext context) =>
        TimeZoneInfo.ConvertTime(context.Now, WorkingCalendar.ChinaStandardTime);

    private static DateTimeOffset Guard(string name, int position, Func<DateTimeOffset> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw ExpressionMethods.OutOfRange(name, position, ex);
        }
    }
}
