using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using static Anju.Workflows.Tests.Expressions.TestExpressionContext;

namespace Anju.Workflows.Tests.Expressions;

public sealed class ExpressionVariableTests
{
    private const string Form = """
        {
          "approved": true,
          "amount": 6200,
          "category": "noise",
          "reviewers": ["li", "wang"],
          "scores": [3, 4.5, 5],
          "nobody": [],
          "form": {"kind": "urgent", "address": {"district": "Xuhui", "lines": ["Room 3", "Block 7"]}, "tags": {"a-b": 1}},
          "nothing": null
        }
        """;

    [Theory]
    [InlineData("${approved == true}", true)]
    [InlineData("${amount > 5000 && category eq 'noise'}", true)]
    [InlineData("${!empty reviewers}", true)]
    [InlineData("${form.kind.equals('urgent')}", true)]
    [InlineData("${form.kind == 'normal'}", false)]
    [InlineData("${form.address.district}", "Xuhui")]
    [InlineData("${form['address']['district']}", "Xuhui")]
    [InlineData("${form.address.lines[1]}", "Block 7")]
    [InlineData("${reviewers[0]}", "li")]
    [InlineData("${form.tags['a-b']}", 1L)]
    [InlineData("${scores[1]}", 4.5)]
    [InlineData("${reviewers[1 + 0]}", "wang")]
    [InlineData("${form[category == 'noise' ? 'kind' : 'x']}", "urgent")]
    public void Given_json_variables_when_evaluating_camunda_style_expressions_then_paths_resolve(string expression, object expected)
    {
        Assert.Equal(expected, Evaluate(expression, Form));
    }

    [Theory]
    [InlineData("${form.missing}")]
    [InlineData("${form.missing.deeper}")]
    [InlineData("${nothing.anything}")]
    [InlineData("${reviewers[5]}")]
    [InlineData("${reviewers[-1]}")]
    [InlineData("${form['nope']}")]
    public void Given_a_missing_property_or_index_when_evaluating_then_the_result_is_null(string expression)
    {
        Assert.Null(Evaluate(expression, Form));
    }

    [Fact]
    public void Given_an_undefined_root_variable_when_evaluating_then_the_error_names_it()
    {
        var ex = Fails("${amount > 5000 && priority > 2}", Form);
        Assert.Equal(ExpressionErrorKind.UndefinedVariable, ex.Kind);
        Assert.Equal("priority", ex.VariableName);
        Assert.Equal(19, ex.Position);
        Assert.Equal("Variable 'priority' is not defined at position 19 in '${amount > 5000 && priority > 2}'", ex.Message);
    }

    [Fact]
    public void Given_a_variable_that_is_defined_as_null_when_evaluating_then_it_is_null_not_undefined()
    {
        Assert.Equal(true, Evaluate("${nothing == null}", Form));
    }

    [Theory]
    [InlineData("${reviewers.contains('wang')}", true)]
    [InlineData("${reviewers.contains('zhao')}", false)]
    [InlineData("${scores.contains(5)}", true)]
    [InlineData("${scores.contains(4.5)}", true)]
    [InlineData("${scores.contains('5')}", false)]
    [InlineData("${nobody.contains(null)}", false)]
    [InlineData("${reviewers.size() == 2}", true)]
    [InlineData("${reviewers.length() eq 2}", true)]
    [InlineData("${nobody.isEmpty()}", true)]
    [InlineData("${form.size() > 1}", true)]
    [InlineData("${form.address.lines.contains('Room 3')}", true)]
    public void Given_json_arrays_and_objects_when_calling_collection_methods_then_membership_and_size_work(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, Form));
    }

    [Theory]
    [InlineData("${category.contains('ois')}", true)]
    [InlineData("${category.startsWith('no')}", true)]
    [InlineData("${category.endsWith('se')}", true)]
    [InlineData("${category.endsWith('x')}", false)]
    [InlineData("${category.length() == 5}", true)]
    [InlineData("${category.size() == 5}", true)]
    [InlineData("${category.isEmpty()}", false)]
    [InlineData("${category.equals('NOISE')}", false)]
    [InlineData("${amount.equals(6200)}", true)]
    [InlineData("${amount.equals('6200')}", false)]
    [InlineData("${approved.equals(true)}", true)]
    [InlineData("${'room 3'.contains(3)}", true)]
    public void Given_strings_and_values_when_calling_methods_then_java_like_results_are_returned(string expression, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, Form));
    }

    [Theory]
    [InlineData("${nothing.equals('x')}", "Cannot call method 'equals' on null")]
    [InlineData("${amount.contains(1)}", "Method 'contains' is not supported on '6200' (number)")]
    [InlineData("${form.startsWith('x')}", "Method 'startsWith' is not supported on")]
    [InlineData("${category.plusDays(1)}", "Method 'plusDays' needs a date, but 'noise' (string) is not an ISO-8601 date")]
    [InlineData("${category.kind}", "Cannot read property 'kind' of 'noise' (string)")]
    [InlineData("${reviewers['x']}", "Cannot read property 'x'")]
    [InlineData("${reviewers[0.5]}", "Array index must be an integer")]
    [InlineData("${amount[0]}", "Cannot index into '6200' (number)")]
    public void Given_a_method_or_path_on_the_wrong_type_when_evaluating_then_a_type_error_explains_it(string expression, string expectedFragment)
    {
        var ex = Fails(expression, Form);
        Assert.Equal(ExpressionErrorKind.Type, ex.Kind);
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_json_object_variable_when_evaluating_it_alone_then_the_node_itself_is_returned()
    {
        var result = Evaluate("${form.address}", Form);
        var node = Assert.IsType<JsonObject>(result);
        Assert.Equal("Xuhui", (string?)node["district"]);
    }

    [Fact]
    public void Given_one_parsed_expression_when_evaluating_with_different_contexts_then_each_uses_its_own_variables()
    {
        var expression = Expression.Parse("${amount > 5000}");
        Assert.Equal(true, expression.Evaluate(new TestExpressionContext("""{"amount": 6000}""")));
        Assert.Equal(false, expression.Evaluate(new TestExpressionContext("""{"amount": 4000.5}""")));
        Assert.Equal(true, expression.Evaluate(new TestExpressionContext("""{"amount": "5000.5"}""")));
    }

    [Fact]
    public void Given_variables_built_in_code_when_evaluating_then_clr_primitives_are_normalised()
    {
        var context = new CodeContext(new JsonObject
        {
            ["i"] = 5,
            ["l"] = 5L,
            ["d"] = 5.5,
            ["m"] = 5.25m,
            ["b"] = true,
            ["s"] = "text",
        });
        Assert.Equal(true, Expression.Parse("${i == 5 && l == 5 && d > 5 && m == 5.25 && b && s == 'text'}").Evaluate(context));
        Assert.IsType<long>(Expression.Parse("${i}").Evaluate(context));
    }

    private sealed class CodeContext(JsonObject variables) : IExpressionContext
    {
        public DateTimeOffset Now => TestExpressionContext.DefaultNow;

        public Anju.Workflows.Calendars.WorkingCalendar Calendar => Anju.Workflows.Calendars.WorkingCalendar.MondayToFriday;

        public bool TryGetVariable(string name, out JsonNode? value) => variables.TryGetPropertyValue(name, out value);
    }
}
