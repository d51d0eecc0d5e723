using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;

namespace Anju.Workflows.Tests.Expressions;

public sealed class ExpressionValuesTests
{
    [Theory]
    [InlineData("12", 12L)]
    [InlineData("-3", -3L)]
    [InlineData("1.25", 1.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("\"text\"", "text")]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Given_parsed_json_values_when_converting_then_integral_numbers_become_long_and_others_double(string json, object expected)
    {
        var value = ExpressionValues.FromJson(JsonNode.Parse(json));
        Assert.Equal(expected, value);
        Assert.IsType(expected.GetType(), value);
    }

    [Fact]
    public void Given_null_objects_and_arrays_when_converting_from_json_then_nodes_are_kept()
    {
        Assert.Null(ExpressionValues.FromJson(null));
        var obj = new JsonObject { ["a"] = 1 };
        Assert.Same(obj, ExpressionValues.FromJson(obj));
        var array = new JsonArray(1, 2);
        Assert.Same(array, ExpressionValues.FromJson(array));
        Assert.Equal(7L, ExpressionValues.FromJson(JsonValue.Create(7)));
        Assert.Equal(2.5, ExpressionValues.FromJson(JsonValue.Create(2.5f)));
    }

    [Fact]
    public void Given_expression_values_when_converting_to_json_then_dates_become_iso_strings_and_nodes_are_copied()
    {
        Assert.Null(ExpressionValues.ToJson(null));
        Assert.Equal("true", ExpressionValues.ToJson(true)!.ToJsonString());
        Assert.Equal("42", ExpressionValues.ToJson(42L)!.ToJsonString());
        Assert.Equal("0.5", ExpressionValues.ToJson(0.5)!.ToJsonString());
        Assert.Equal("\"x\"", ExpressionValues.ToJson("x")!.ToJsonString());
        var date = new DateTimeOffset(2026, 10, 10, 9, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal("2026-10-10T09:30:00.0000000+08:00", ExpressionValues.ToJson(date)!.GetValue<string>());

        var parent = new JsonObject { ["child"] = new JsonObject { ["k"] = 1 } };
        var copy = ExpressionValues.ToJson(parent["child"]);
        Assert.NotSame(parent["child"], copy);
        Assert.True(JsonNode.DeepEquals(parent["child"], copy));
        Assert.Null(copy!.Parent);
        Assert.Throws<ExpressionException>(() => ExpressionValues.ToJson(double.NaN));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Given_boolean_like_values_when_coercing_to_boolean_then_juel_rules_apply(object? value, bool expected)
    {
        Assert.Equal(expected, ExpressionValues.ToBoolean(value, "${x}"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData(1L)]
    public void Given_a_non_boolean_condition_result_when_coercing_then_a_type_error_quotes_the_expression(object value)
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionValues.ToBoolean(value, "${decision}"));
        Assert.Equal(ExpressionErrorKind.Type, ex.Kind);
        Assert.StartsWith("Expression '${decision}' evaluated to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_values_when_converting_to_text_then_invariant_and_iso_formats_are_used()
    {
        Assert.Equal(string.Empty, ExpressionValues.ToText(null));
        Assert.Equal("1.5", ExpressionValues.ToText(1.5));
        Assert.Equal("-7", ExpressionValues.ToText(-7L));
        Assert.Equal("false", ExpressionValues.ToText(false));
        Assert.Equal("2026-10-01T00:00:00.0000000+08:00", ExpressionValues.ToText(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal("""{"a":[1,"b"]}""", ExpressionValues.ToText(JsonNode.Parse("""{"a": [1, "b"]}""")));
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-01T00:00:00+08:00")]
    [InlineData("2026-10-01T08:15", "2026-10-01T08:15:00+08:00")]
    [InlineData("2026-10-01T08:15:30.5", "2026-10-01T08:15:30.5+08:00")]
    [InlineData("2026-10-01T00:15:00Z", "2026-10-01T00:15:00+00:00")]
    [InlineData("2026-10-01T08:15:00-05:00", "2026-10-01T08:15:00-05:00")]
    public void Given_iso_strings_when_converting_to_date_then_missing_offsets_mean_china_time(string text, string expected)
    {
        var result = ExpressionValues.ToDateTime(text);
        var expectedValue = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedValue, result);
        Assert.Equal(expectedValue.Offset, result!.Value.Offset);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("01/10/2026")]
    [InlineData(5L)]
    [InlineData(null)]
    public void Given_non_dates_when_converting_to_date_then_null_is_returned(object? value)
    {
        Assert.Null(ExpressionValues.ToDateTime(value));
    }
}
