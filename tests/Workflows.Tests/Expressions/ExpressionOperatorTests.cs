using Anju.Workflows.Expressions;
using static Anju.Workflows.Tests.Expressions.TestExpressionContext;

namespace Anju.Workflows.Tests.Expressions;

public sealed class ExpressionOperatorTests
{
    private const string Vars = """{"a": 7, "b": 2, "x": 1.5, "s": "abc", "t": true, "f": false, "n": null, "num": "6000"}""";

    [Theory]
    [InlineData("${a == 7}", true)]
    [InlineData("${a eq 7}", true)]
    [InlineData("${a != 7}", false)]
    [InlineData("${a ne 7}", false)]
    [InlineData("${a < 8}", true)]
    [InlineData("${a lt 7}", false)]
    [InlineData("${a > 2}", true)]
    [InlineData("${a gt 7}", false)]
    [InlineData("${a <= 7}", true)]
    [InlineData("${a le 6}", false)]
    [InlineData("${a >= 7}", true)]
    [InlineData("${a ge 8}", false)]
    [InlineData("${t && f}", false)]
    [InlineData("${t and t}", true)]
    [InlineData("${f || t}", true)]
    [InlineData("${f or f}", false)]
    [InlineData("${!t}", false)]
    [InlineData("${not f}", true)]
    [InlineData("${empty n}", true)]
    [InlineData("${!empty s}", true)]
    public void Given_symbol_and_word_forms_when_evaluating_then_both_give_the_same_boolean(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, Vars));
    }

    [Theory]
    [InlineData("${a + b}", 9L)]
    [InlineData("${a - b}", 5L)]
    [InlineData("${a * b}", 14L)]
    [InlineData("${a % b}", 1L)]
    [InlineData("${a mod b}", 1L)]
    [InlineData("${-a}", -7L)]
    [InlineData("${- -a}", 7L)]
    [InlineData("${1 + 2 * 3}", 7L)]
    [InlineData("${(1 + 2) * 3}", 9L)]
    [InlineData("${10 - 4 - 3}", 3L)]
    [InlineData("${num + 1}", 6001L)]
    [InlineData("${n + 1}", 1L)]
    public void Given_integers_when_doing_arithmetic_then_the_result_is_a_long(string expression, long expected)
    {
        var result = Evaluate(expression, Vars);
        Assert.IsType<long>(result);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("${a / b}", 3.5)]
    [InlineData("${a div b}", 3.5)]
    [InlineData("${6 / 3}", 2.0)]
    [InlineData("${a + x}", 8.5)]
    [InlineData("${x * b}", 3.0)]
    [InlineData("${a % x}", 1.0)]
    [InlineData("${-x}", -1.5)]
    [InlineData("${0.1 + 0.2 > 0.3 ? 1.0 : 0.0}", 1.0)]
    [InlineData("${2.5e2}", 250.0)]
    public void Given_a_double_or_division_when_doing_arithmetic_then_the_result_is_a_double(string expression, double expected)
    {
        var result = Evaluate(expression, Vars);
        Assert.IsType<double>(result);
        Assert.Equal(expected, (double)result!, 10);
    }

    [Theory]
    [InlineData("${a / 0}")]
    [InlineData("${a div 0.0}")]
    [InlineData("${a % 0}")]
    [InlineData("${x mod 0}")]
    public void Given_division_by_zero_when_evaluating_then_a_type_error_is_raised_instead_of_infinity(string expression)
    {
        var ex = Fails(expression, Vars);
        Assert.Equal(ExpressionErrorKind.Type, ex.Kind);
        Assert.Contains("Division by zero", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${9223372036854775807 + 1}")]
    [InlineData("${-9223372036854775807 - 2}")]
    [InlineData("${4611686018427387904 * 2}")]
    [InlineData("${1e308 * 10}")]
    public void Given_overflow_when_evaluating_then_a_type_error_is_raised(string expression)
    {
        Assert.Equal(ExpressionErrorKind.Type, Fails(expression).Kind);
    }

    [Theory]
    [InlineData("${a == 7.0}", true)]
    [InlineData("${x == 1.5}", true)]
    [InlineData("${num == 6000}", true)]
    [InlineData("${num > 5000}", true)]
    [InlineData("${num eq '6000'}", true)]
    [InlineData("${a < x}", false)]
    [InlineData("${n == null}", true)]
    [InlineData("${n != null}", false)]
    [InlineData("${a == null}", false)]
    [InlineData("${n < 1}", false)]
    [InlineData("${n <= n}", true)]
    [InlineData("${t == 'true'}", true)]
    [InlineData("${f == 'FALSE'}", true)]
    [InlineData("${s == 'abc'}", true)]
    [InlineData("${s < 'abd'}", true)]
    [InlineData("${'B' < 'a'}", true)]
    public void Given_mixed_operand_types_when_comparing_then_juel_coercion_applies(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, Vars));
    }

    [Theory]
    [InlineData("${s > 5}", "Expected a number but found 'abc' (string)")]
    [InlineData("${s + 1}", "Expected a number but found 'abc' (string)")]
    [InlineData("${'a' + 'b'}", "Expected a number")]
    [InlineData("${t + 1}", "Expected a number but found 'true' (boolean)")]
    [InlineData("${t == 1}", "Expected a number")]
    [InlineData("${t == 'yes'}", "Expected a boolean but found 'yes' (string)")]
    [InlineData("${t < f}", "cannot compare")]
    [InlineData("${!s}", "Expected a boolean")]
    [InlineData("${a && t}", "Expected a boolean but found '7' (number)")]
    public void Given_incompatible_operands_when_evaluating_then_a_type_error_names_the_value(string expression, string expectedFragment)
    {
        var ex = Fails(expression, Vars);
        Assert.Equal(ExpressionErrorKind.Type, ex.Kind);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${t || a > 'x'}", true)] // the right side would be a type error
    [InlineData("${f && a > 'x'}", false)]
    [InlineData("${n != null && n.x > 0}", false)]
    public void Given_logical_operators_when_the_left_side_decides_then_the_right_side_is_not_evaluated(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, Vars));
    }

    [Theory]
    [InlineData("${t ? 'yes' : 'no'}", "yes")]
    [InlineData("${f ? 'yes' : 'no'}", "no")]
    [InlineData("${a > 5 ? 'big' : a > 1 ? 'medium' : 'small'}", "big")]
    [InlineData("${b > 5 ? 'big' : b > 1 ? 'medium' : 'small'}", "medium")]
    [InlineData("${t ? 'ok' : undefinedVariable}", "ok")]
    public void Given_a_conditional_when_evaluating_then_only_the_chosen_branch_is_evaluated(string expression, string expected)
    {
        Assert.Equal(expected, Evaluate(expression, Vars));
    }

    [Theory]
    [InlineData("${t || f && f}", true)] // && binds tighter than ||
    [InlineData("${1 + 2 == 3 && 2 * 3 > 5}", true)]
    [InlineData("${!f == t}", true)] // ! binds tighter than ==
    [InlineData("${a > 5 == b < 5}", true)] // relational binds tighter than equality
    [InlineData("${-2 * -3 > 5}", true)]
    [InlineData("${not empty s and a mod 2 eq 1}", true)]
    public void Given_mixed_operators_when_evaluating_then_juel_precedence_applies(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, Vars));
    }

    [Theory]
    [InlineData("""{"v": null}""", true)]
    [InlineData("""{"v": ""}""", true)]
    [InlineData("""{"v": []}""", true)]
    [InlineData("""{"v": {}}""", true)]
    [InlineData("""{"v": " "}""", false)]
    [InlineData("""{"v": 0}""", false)]
    [InlineData("""{"v": false}""", false)]
    [InlineData("""{"v": ["a"]}""", false)]
    [InlineData("""{"v": {"k": 1}}""", false)]
    public void Given_values_when_testing_empty_then_only_null_and_empty_text_arrays_and_objects_are_empty(string variables, bool expected)
    {
        Assert.Equal(expected, Evaluate("${empty v}", variables));
    }

    [Fact]
    public void Given_json_structures_when_comparing_with_equals_then_they_compare_structurally()
    {
        const string vars = """{"p": {"a": [1, 2]}, "q": {"a": [1, 2]}, "r": {"a": [2, 1]}}""";
        Assert.Equal(true, Evaluate("${p == q}", vars));
        Assert.Equal(false, Evaluate("${p == r}", vars));
        Assert.Equal(true, Evaluate("${p.a == q.a}", vars));
    }
}
