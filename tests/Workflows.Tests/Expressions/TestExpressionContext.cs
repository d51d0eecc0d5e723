using System.Text.Json.Nodes;
using Anju.Testing;
using Anju.Workflows.Calendars;
using Anju.Workflows.Expressions;

namespace Anju.Workflows.Tests.Expressions;

/// <summary>
/// An expression context over a JSON object of variables and a fake clock, fixed by default at
/// Wednesday 2026-09-30 09:30 China Standard Time (the day before the National Day holiday).
/// </summary>
public sealed class TestExpressionContext : IExpressionContext
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 9, 30, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly JsonObject _variables;
    private readonly TimeProvider _time;

    public TestExpressionContext(string variablesJson = "{}", TimeProvider? time = null, WorkingCalendar? calendar = null)
    {
        _variables = JsonNode.Parse(variablesJson)!.AsObject();
        _time = time ?? new TestClock(DefaultNow);
        Calendar = calendar ?? WorkingCalendar.LoadEmbedded();
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public WorkingCalendar Calendar { get; }

    public bool TryGetVariable(string name, out JsonNode? value) => _variables.TryGetPropertyValue(name, out value);

    /// <summary>Parses and evaluates in one step, for tests that only care about the result.</summary>
    public static object? Evaluate(string expression, string variablesJson = "{}") =>
        Expression.Parse(expression).Evaluate(new TestExpressionContext(variablesJson));

    /// <summary>Parses and evaluates, expecting an <see cref="ExpressionException"/> from either step.</summary>
    public static ExpressionException Fails(string expression, string variablesJson = "{}") =>
        Assert.Throws<ExpressionException>(() => Evaluate(expression, variablesJson));
}
