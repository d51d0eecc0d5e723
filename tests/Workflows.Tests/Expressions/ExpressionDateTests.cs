using Anju.Testing;
using Anju.Workflows.Calendars;
using Anju.Workflows.Expressions;
using static Anju.Workflows.Tests.Expressions.TestExpressionContext;

namespace Anju.Workflows.Tests.Expressions;

public sealed class ExpressionDateTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private static DateTimeOffset Cn(int year, int month, int day, int hour = 9, int minute = 30) =>
        new(year, month, day, hour, minute, 0, Cst);

    private static object? EvaluateAt(string expression, DateTimeOffset now, string variables = "{}") =>
        Expression.Parse(expression).Evaluate(new TestExpressionContext(variables, new TestClock(now)));

    [Fact]
    public void Given_now_before_national_day_when_evaluating_working_days_then_the_holiday_is_skipped()
    {
        // Wed 2026-09-30 09:30: Oct 1-7 are holidays, Oct 8 and 9 count, Saturday Oct 10 is a make-up working day.
        var due = Evaluate("${workingDays(3)}");
        Assert.Equal(Cn(2026, 10, 10), due);
        Assert.Equal(Cst, ((DateTimeOffset)due!).Offset);
    }

    [Fact]
    public void Given_a_utc_clock_when_evaluating_working_days_then_the_china_date_and_time_of_day_are_used()
    {
        // 2026-09-30T20:00Z is already Oct 1, 04:00 in China.
        var due = EvaluateAt("${workingDays(1)}", new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(Cn(2026, 10, 8, 4, 0), due);
    }

    [Theory]
    [InlineData("${workingDays(date('2026-02-13T18:00:00+08:00'), 2)}", "2026-02-24T18:00:00+08:00")]
    [InlineData("${workingDays(submittedAt, 1)}", "2026-01-04T10:15:00+08:00")]
    [InlineData("${workingDays('2026-10-10', -3)}", "2026-09-30T00:00:00+08:00")]
    [InlineData("${dateTime().plusWorkingDays(3)}", "2026-10-10T09:30:00+08:00")]
    [InlineData("${submittedAt.plusWorkingDays(0)}", "2025-12-31T10:15:00+08:00")]
    public void Given_a_start_date_when_adding_working_days_then_the_calendar_is_used(string expression, string expected)
    {
        var result = Evaluate(expression, """{"submittedAt": "2025-12-31T10:15:00+08:00"}""");
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Theory]
    [InlineData("${dateTime().plusDays(2).toDate()}", 2026, 10, 2, 9, 30)]
    [InlineData("${dateTime().plusDays(2)}", 2026, 10, 2, 9, 30)]
    [InlineData("${now().plusHours(15)}", 2026, 10, 1, 0, 30)]
    [InlineData("${now().plusMinutes(30)}", 2026, 9, 30, 10, 0)]
    [InlineData("${now().plusWeeks(1)}", 2026, 10, 7, 9, 30)]
    [InlineData("${now().plusMonths(5)}", 2027, 2, 28, 9, 30)]
    [InlineData("${now().plusYears(1)}", 2027, 9, 30, 9, 30)]
    [InlineData("${now().minusDays(30)}", 2026, 8, 31, 9, 30)]
    [InlineData("${now().minusHours(10)}", 2026, 9, 29, 23, 30)]
    [InlineData("${now().minusMinutes(31)}", 2026, 9, 30, 8, 59)]
    [InlineData("${now().minusWeeks(2)}", 2026, 9, 16, 9, 30)]
    [InlineData("${now().minusMonths(7)}", 2026, 2, 28, 9, 30)]
    [InlineData("${now().minusYears(2)}", 2024, 9, 30, 9, 30)]
    [InlineData("${hours(24)}", 2026, 10, 1, 9, 30)]
    [InlineData("${date('2026-10-01')}", 2026, 10, 1, 0, 0)]
    [InlineData("${date('2026-10-01 08:00')}", 2026, 10, 1, 8, 0)]
    [InlineData("${date('2026-10-01T00:30:00Z')}", 2026, 10, 1, 8, 30)]
    public void Given_the_fixed_clock_when_doing_date_arithmetic_then_the_china_local_date_moves(
        string expression, int year, int month, int day, int hour, int minute)
    {
        Assert.Equal(Cn(year, month, day, hour, minute), Evaluate(expression));
    }

    [Fact]
    public void Given_the_fixed_clock_when_evaluating_now_then_the_instant_is_the_context_now_in_china_time()
    {
        var result = (DateTimeOffset)Evaluate("${now()}")!;
        Assert.Equal(DefaultNow, result);
        Assert.Equal(Cst, result.Offset);
        Assert.Equal("Now: 2026-09-30T09:30:00.0000000+08:00", Evaluate("Now: ${now()}"));
    }

    [Theory]
    [InlineData("${deadline.isBefore(now())}", false)]
    [InlineData("${deadline.isAfter(now())}", true)]
    [InlineData("${now() < deadline}", true)]
    [InlineData("${deadline > '2026-10-01'}", true)]
    [InlineData("${deadline == date('2026-10-02T01:30:00Z')}", true)]
    [InlineData("${deadline.toDate() == '2026-10-02T09:30:00+08:00'}", true)]
    [InlineData("${now() >= date('2026-09-30T01:30:00Z')}", true)]
    [InlineData("${now() == 'not a date'}", false)]
    [InlineData("${dateTime().plusDays(2).isAfter(deadline)}", false)]
    public void Given_dates_and_iso_strings_when_comparing_then_instants_are_compared(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, """{"deadline": "2026-10-02T09:30:00+08:00"}"""));
    }

    [Theory]
    [InlineData("${now() > 5}", ExpressionErrorKind.Type, "Expected a number but found")]
    [InlineData("${now() < 'soon'}", ExpressionErrorKind.Type, "Operator '<' cannot compare a date with 'soon' (string)")]
    [InlineData("${date('tomorrow')}", ExpressionErrorKind.Type, "'date' needs a date, not 'tomorrow' (string)")]
    [InlineData("${date('10/01/2026')}", ExpressionErrorKind.Type, "'date' needs a date")]
    [InlineData("${now().plusDays(1.5)}", ExpressionErrorKind.Type, "'plusDays' needs a whole number")]
    [InlineData("${now().plusDays('x')}", ExpressionErrorKind.Type, "Expected a number")]
    [InlineData("${now().plusYears(9000)}", ExpressionErrorKind.Type, "'plusYears' produced a date outside the supported range")]
    [InlineData("${workingDays(2147483647)}", ExpressionErrorKind.Type, "'workingDays' produced a date outside the supported range")]
    [InlineData("${now().isBefore(1)}", ExpressionErrorKind.Type, "'isBefore' needs a date, not '1' (number)")]
    [InlineData("${now().size()}", ExpressionErrorKind.Type, "Method 'size' is not supported on")]
    public void Given_invalid_date_operations_when_evaluating_then_a_clear_error_is_raised(string expression, ExpressionErrorKind kind, string fragment)
    {
        var ex = Fails(expression);
        Assert.Equal(kind, ex.Kind);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_year_without_holiday_data_when_evaluating_working_days_then_monday_to_friday_is_used()
    {
        // Tuesday 2030-10-01 would be a holiday if data existed; without it, it is a working day.
        var due = EvaluateAt("${workingDays(1)}", Cn(2030, 9, 30));
        Assert.Equal(Cn(2030, 10, 1), due);
        Assert.Equal([2030], WorkingCalendar.LoadEmbedded().YearsWithoutData(new DateOnly(2030, 9, 30), new DateOnly(2030, 10, 1)));
    }
}
