using Anju.Workflows.Expressions;
using static Anju.Workflows.Tests.Expressions.TestExpressionContext;

namespace Anju.Workflows.Tests.Expressions;

public sealed class ExpressionParsingTests
{
    [Fact]
    public void Given_text_without_blocks_when_parsing_then_it_is_a_literal_that_evaluates_to_itself()
    {
        var expression = Expression.Parse("Please review the noise complaint");
        Assert.True(expression.IsLiteral);
        Assert.False(expression.IsSingle);
        Assert.Empty(expression.VariableNames);
        Assert.Equal("Please review the noise complaint", expression.Evaluate(new TestExpressionContext()));
    }

    [Fact]
    public void Given_an_empty_text_when_parsing_then_it_is_an_empty_literal()
    {
        var expression = Expression.Parse(string.Empty);
        Assert.True(expression.IsLiteral);
        Assert.Equal(string.Empty, expression.Evaluate(new TestExpressionContext()));
    }

    [Fact]
    public void Given_a_single_block_when_evaluating_then_the_result_keeps_its_type()
    {
        var expression = Expression.Parse("${amount * 2}");
        Assert.True(expression.IsSingle);
        Assert.False(expression.IsLiteral);
        Assert.Equal(10000L, expression.Evaluate(new TestExpressionContext("""{"amount": 5000}""")));
    }

    [Theory]
    [InlineData("Hello ${name}", "Hello Wang Wei")]
    [InlineData("${name} has ${count} tasks", "Wang Wei has 3 tasks")]
    [InlineData("#{name}", "Wang Wei")]
    [InlineData("Ratio ${count / 2}, done ${done}, note '${note}'", "Ratio 1.5, done true, note ''")]
    [InlineData("${count}${count}", "33")]
    [InlineData("Due ${date('2026-10-10T09:30:00+08:00')}", "Due 2026-10-10T09:30:00.0000000+08:00")]
    [InlineData("Cost: $5 {approx} #tag", "Cost: $5 {approx} #tag")]
    public void Given_composite_text_when_evaluating_then_parts_are_concatenated_as_text(string text, string expected)
    {
        var result = Evaluate(text, """{"name": "Wang Wei", "count": 3, "done": true, "note": null}""");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Given_surrounding_whitespace_when_parsing_then_the_block_is_composite_text()
    {
        var expression = Expression.Parse(" ${true} ");
        Assert.False(expression.IsSingle);
        Assert.Equal(" true ", expression.Evaluate(new TestExpressionContext()));
    }

    [Theory]
    [InlineData(@"Price \${amount}", "Price ${amount}")]
    [InlineData(@"\#{x} and ${1 + 1}", "#{x} and 2")]
    [InlineData(@"C:\temp\${1}", @"C:\temp${1}")]
    public void Given_escaped_block_openers_when_evaluating_then_they_stay_literal(string text, string expected)
    {
        Assert.Equal(expected, Evaluate(text));
    }

    [Theory]
    [InlineData("""${'it\'s'}""", "it's")]
    [InlineData("""${"say \"hi\""}""", "say \"hi\"")]
    [InlineData("""${'back\\slash'}""", @"back\slash")]
    [InlineData("""${'line\nbreak\ttab'}""", "line\nbreak\ttab")]
    [InlineData("""${'\u4E2D\u6587'}""", "中文")]
    [InlineData("""${"it's"}""", "it's")]
    [InlineData("""${'a } inside'}""", "a } inside")]
    [InlineData("""${'噪音投诉'}""", "噪音投诉")]
    public void Given_string_literals_with_escapes_when_evaluating_then_escapes_are_decoded(string text, string expected)
    {
        Assert.Equal(expected, Evaluate(text));
    }

    [Fact]
    public void Given_an_expression_when_parsing_then_root_variable_names_are_collected()
    {
        var expression = Expression.Parse("${form.kind.equals('urgent') && amount > limit ? workingDays(days) : x[y]} for ${name}");
        Assert.Equal(["amount", "days", "form", "limit", "name", "x", "y"], expression.VariableNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("${a > )}", 6, "Unexpected token ')' at position 6 in '${a > )}'")]
    [InlineData("${a +}", 5, "Unexpected token '}' at position 5")]
    [InlineData("${a b}", 4, "Unexpected token 'b' at position 4")]
    [InlineData("${a = 1}", 4, "Unexpected character '=' (did you mean '=='?) at position 4")]
    [InlineData("${a & b}", 4, "did you mean '&&'?")]
    [InlineData("${a +", 5, "Unexpected end of text at position 5")]
    [InlineData("Hi ${name", 3, "Missing '}' to close the '${' opened at position 3")]
    [InlineData("${'open}", 2, "Unterminated string literal at position 2")]
    [InlineData("${}", 0, "Empty expression '${}' at position 0")]
    [InlineData("${(a}", 4, "Expected ')' but found '}' at position 4")]
    [InlineData("${f(1,)}", 2, "Unknown function 'f'")]
    [InlineData("${a ? b}", 7, "Expected ':' of the conditional operator but found '}'")]
    [InlineData("${a.}", 4, "Expected a property or method name after '.'")]
    [InlineData("""${'bad \q'}""", 7, "Invalid escape sequence")]
    [InlineData("${99999999999999999999}", 2, "Integer literal is too large")]
    [InlineData("${a instanceof b}", 4, "Operator 'instanceof' is not supported")]
    public void Given_invalid_syntax_when_parsing_then_the_error_gives_the_position(string text, int position, string expectedFragment)
    {
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse(text));
        Assert.Equal(position, ex.Position);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
        Assert.Equal(text, ex.ExpressionText);
    }

    [Fact]
    public void Given_an_unknown_function_when_parsing_then_it_fails_before_evaluation_with_its_position()
    {
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse("${foo(1)}"));
        Assert.Equal(ExpressionErrorKind.UnknownFunction, ex.Kind);
        Assert.Equal(2, ex.Position);
        Assert.StartsWith("Unknown function 'foo' (supported: date, dateTime, hours, now, workingDays) at position 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${now(1)}", "Function 'now' takes 0 arguments, not 1")]
    [InlineData("${workingDays()}", "Function 'workingDays' takes 1 to 2 arguments, not 0")]
    [InlineData("${date('a', 'b')}", "Function 'date' takes 1 argument, not 2")]
    public void Given_a_known_function_with_wrong_arity_when_parsing_then_it_fails(string text, string expectedFragment)
    {
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse(text));
        Assert.Equal(ExpressionErrorKind.UnknownFunction, ex.Kind);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${name.getClass()}", 7, "Unknown method 'getClass'")]
    [InlineData("${name.toUpperCase()}", 7, "Unknown method 'toUpperCase'")]
    [InlineData("${name.equals()}", 7, "Method 'equals' takes 1 argument, not 0")]
    [InlineData("${name.length(1)}", 7, "Method 'length' takes 0 arguments, not 1")]
    public void Given_a_method_outside_the_sandbox_when_parsing_then_a_type_error_names_it(string text, int position, string expectedFragment)
    {
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse(text));
        Assert.Equal(ExpressionErrorKind.Type, ex.Kind);
        Assert.Equal(position, ex.Position);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_text_longer_than_the_limit_when_parsing_then_a_limit_error_is_raised()
    {
        Expression.Parse(new string('x', Expression.MaxTextLength));
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse(new string('x', Expression.MaxTextLength + 1)));
        Assert.Equal(ExpressionErrorKind.Limit, ex.Kind);
        Assert.Contains("the limit is 4000", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("…'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(", ")", 63, true)]
    [InlineData("(", ")", 64, false)]
    [InlineData("!", "", 63, true)]
    [InlineData("!", "", 64, false)]
    public void Given_deep_nesting_when_parsing_then_more_than_64_levels_is_a_limit_error(string open, string close, int count, bool accepted)
    {
        var text = "${" + string.Concat(Enumerable.Repeat(open, count)) + "true" + string.Concat(Enumerable.Repeat(close, count)) + "}";
        if (accepted)
        {
            Assert.NotNull(Expression.Parse(text).Evaluate(new TestExpressionContext()));
        }
        else
        {
            Assert.Equal(ExpressionErrorKind.Limit, Assert.Throws<ExpressionException>(() => Expression.Parse(text)).Kind);
        }
    }

    [Fact]
    public void Given_a_long_flat_chain_when_parsing_then_it_is_accepted_up_to_the_tree_height_bound()
    {
        var ok = "${" + string.Join(" + ", Enumerable.Repeat("1", 200)) + "}";
        Assert.Equal(200L, Expression.Parse(ok).Evaluate(new TestExpressionContext()));
        var tooLong = "${" + string.Join(" + ", Enumerable.Repeat("1", 300)) + "}";
        Assert.Equal(ExpressionErrorKind.Limit, Assert.Throws<ExpressionException>(() => Expression.Parse(tooLong)).Kind);
    }

    [Fact]
    public void Given_composite_text_producing_more_than_64_KiB_when_evaluating_then_a_limit_error_is_raised()
    {
        var big = new string('x', 40_000);
        var vars = $$"""{"big": "{{big}}"}""";
        Assert.Equal(big, Evaluate("${big}", vars));
        Assert.Equal(40_001, ((string)Evaluate("${big}${'x'}", vars)!).Length);
        var ex = Fails("${big}${big}", vars);
        Assert.Equal(ExpressionErrorKind.Limit, ex.Kind);
    }
}
