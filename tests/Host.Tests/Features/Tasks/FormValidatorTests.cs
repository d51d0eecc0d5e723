using Anju.Host.Validation;
using System.Text.Json.Nodes;
using Anju.Host.Features.Tasks;
using Anju.Workflows.Model;

namespace Anju.Host.Tests.Features.Tasks;

public sealed class FormValidatorTests
{
    private static FormField Field(string id, string type, params (string Name, string? Config)[] constraints) => new()
    {
        Id = id,
        Type = type,
        Constraints = [.. constraints.Select(c => new FormConstraint(c.Name, c.Config))],
        EnumValues = type == "enum" ? [new FormEnumValue("pass", "通过"), new FormEnumValue("fail", "不通过")] : [],
    };

    private static Dictionary<string, List<FormValidator.FieldError>> Validate(FormField field, JsonNode? value, JsonNode? defaultValue = null, bool present = true)
    {
        var submitted = new Dictionary<string, JsonNode?>();
        if (present)
        {
            submitted[field.Id] = value;
        }

        var defaults = new Dictionary<string, JsonNode?>();
        if (defaultValue is not null)
        {
            defaults[field.Id] = defaultValue;
        }

        return FormValidator.Validate([field], defaults, submitted);
    }

    private static string? CodeOf(Dictionary<string, List<FormValidator.FieldError>> errors, string field) =>
        errors.TryGetValue(field, out var list) ? Assert.Single(list).Code : null;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_required_field_must_not_be_null_or_empty(string? value)
    {
        var errors = Validate(Field("opinion", "string", ("required", null)), value is null ? null : JsonValue.Create(value));

        Assert.Equal("field.required", CodeOf(errors, "opinion"));
    }

    [Fact]
    public void A_required_field_left_out_is_an_error_and_an_optional_one_is_not()
    {
        Assert.Equal("field.required", CodeOf(Validate(Field("a", "string", ("required", null)), null, present: false), "a"));
        Assert.Empty(Validate(Field("a", "string"), null, present: false));
    }

    [Fact]
    public void A_field_required_when_another_has_a_value_is_required_only_then()
    {
        var decision = new FormField { Id = "decision", Type = "string" };
        var category = new FormField
        {
            Id = "violationCategory",
            Type = "string",
            Properties = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("requiredWhen", "decision=refer|escalate"),
        };
        var none = new Dictionary<string, JsonNode?>();

        var referred = FormValidator.Validate([decision, category], none, new Dictionary<string, JsonNode?> { ["decision"] = "refer" });
        Assert.Equal("field.required", CodeOf(referred, "violationCategory"));
        var blank = FormValidator.Validate([decision, category], none, new Dictionary<string, JsonNode?> { ["decision"] = "escalate", ["violationCategory"] = " " });
        Assert.Equal("field.required", CodeOf(blank, "violationCategory"));
        Assert.Empty(FormValidator.Validate([decision, category], none, new Dictionary<string, JsonNode?> { ["decision"] = "refer", ["violationCategory"] = "noise" }));
        Assert.Empty(FormValidator.Validate([decision, category], none, new Dictionary<string, JsonNode?> { ["decision"] = "accept" }));
        var byDefault = new Dictionary<string, JsonNode?> { ["decision"] = "refer" };
        Assert.Equal("field.required", CodeOf(FormValidator.Validate([decision, category], byDefault, none), "violationCategory"));
    }

    [Theory]
    [InlineData("3", null)]
    [InlineData("-9223372036854775808", null)]
    [InlineData("3.5", "field.type.long")]
    [InlineData("1e3", "field.type.long")]
    [InlineData("\"3\"", "field.type.long")]
    [InlineData("9223372036854775808", "field.type.long")]
    [InlineData("true", "field.type.long")]
    public void A_long_is_a_json_integer_within_int64(string json, string? code)
    {
        Assert.Equal(code, CodeOf(Validate(Field("n", "long"), JsonNode.Parse(json)), "n"));
    }

    [Theory]
    [InlineData("true", null)]
    [InlineData("false", null)]
    [InlineData("\"true\"", "field.type.boolean")]
    [InlineData("1", "field.type.boolean")]
    public void A_boolean_is_true_or_false(string json, string? code)
    {
        Assert.Equal(code, CodeOf(Validate(Field("b", "boolean"), JsonNode.Parse(json)), "b"));
    }

    [Theory]
    [InlineData("\"2026-10-10\"", null)]
    [InlineData("\"2026-10-10T08:30:00+08:00\"", null)]
    [InlineData("\"2026-10-10T08:30:00Z\"", null)]
    [InlineData("\"2026-13-01\"", "field.type.date")]
    [InlineData("\"10/10/2026\"", "field.type.date")]
    [InlineData("20261010", "field.type.date")]
    public void A_date_is_an_iso_date_or_date_time_string(string json, string? code)
    {
        Assert.Equal(code, CodeOf(Validate(Field("d", "date"), JsonNode.Parse(json)), "d"));
    }

    [Theory]
    [InlineData("\"10/12/2026\"", null)]
    [InlineData("\"2026-12-10\"", null)]
    [InlineData("\"12/31/2026\"", "field.type.datePattern")]
    [InlineData("\"2026/12/10\"", "field.type.datePattern")]
    public void A_date_with_a_pattern_is_typed_in_the_pattern_or_iso(string json, string? code)
    {
        var field = Field("d", "date") with { DatePattern = FormDatePattern.TryCreate("dd/MM/yyyy", out _) };

        var errors = Validate(field, JsonNode.Parse(json));

        Assert.Equal(code, CodeOf(errors, "d"));
        if (code is not null)
        {
            Assert.Equal("10/10/2026", Assert.Single(errors["d"]).Argument);
        }
    }

    [Theory]
    [InlineData("\"pass\"", null)]
    [InlineData("\"通过\"", "field.enum")]
    [InlineData("\"PASS\"", "field.enum")]
    [InlineData("1", "field.enum")]
    public void An_enum_value_is_one_of_the_value_ids(string json, string? code)
    {
        Assert.Equal(code, CodeOf(Validate(Field("e", "enum"), JsonNode.Parse(json)), "e"));
    }

    [Theory]
    [InlineData("ab", null)]
    [InlineData("a", "field.minlength")]
    [InlineData("abcde", null)]
    [InlineData("abcdef", "field.maxlength")]
    [InlineData("核查完毕", null)]
    public void String_lengths_are_counted_in_characters(string value, string? code)
    {
        var field = Field("s", "string", ("minlength", "2"), ("maxlength", "5"));

        Assert.Equal(code, CodeOf(Validate(field, JsonValue.Create(value)), "s"));
    }

    [Fact]
    public void A_number_where_text_is_expected_is_an_error()
    {
        Assert.Equal("field.type.string", CodeOf(Validate(Field("s", "string"), JsonValue.Create(5)), "s"));
    }

    [Theory]
    [InlineData(0, "field.min")]
    [InlineData(1, null)]
    [InlineData(10, null)]
    [InlineData(11, "field.max")]
    public void Numbers_respect_min_and_max(long value, string? code)
    {
        var field = Field("n", "long", ("min", "1"), ("max", "10"));

        Assert.Equal(code, CodeOf(Validate(field, JsonValue.Create(value)), "n"));
    }

    [Theory]
    [InlineData("2025-12-31", "field.min")]
    [InlineData("2026-01-01", null)]
    [InlineData("2026-12-31T23:59:59Z", null)]
    [InlineData("2027-01-02", "field.max")]
    public void Dates_respect_min_and_max(string value, string? code)
    {
        var field = Field("d", "date", ("min", "2026-01-01"), ("max", "2027-01-01"));

        Assert.Equal(code, CodeOf(Validate(field, JsonValue.Create(value)), "d"));
    }

    [Fact]
    public void A_read_only_field_may_be_sent_back_unchanged_or_left_out_but_not_changed()
    {
        var field = Field("caseNo", "string", ("readonly", null));
        var defaultValue = JsonValue.Create("JY-1");

        Assert.Empty(Validate(field, JsonValue.Create("JY-1"), defaultValue));
        Assert.Empty(Validate(field, null, defaultValue, present: false));
        Assert.Equal("field.readonly", CodeOf(Validate(field, JsonValue.Create("JY-2"), defaultValue), "caseNo"));
    }

    [Fact]
    public void Every_error_of_every_field_is_reported_and_undeclared_variables_are_named()
    {
        FormField[] fields = [Field("a", "long", ("required", null)), Field("b", "long", ("min", "5")), Field("c", "boolean")];
        var submitted = new Dictionary<string, JsonNode?> { ["b"] = 1, ["c"] = "no", ["sneaky"] = "x" };

        var errors = FormValidator.Validate(fields, new Dictionary<string, JsonNode?>(), submitted);

        Assert.Equal(["a", "b", "c", "sneaky"], errors.Keys.Order());
        Assert.Equal("field.undeclared", CodeOf(errors, "sneaky"));
        Assert.Equal(5L, Assert.Single(errors["b"]).Argument);
    }

    [Fact]
    public void A_task_without_form_fields_accepts_any_variables()
    {
        var errors = FormValidator.Validate([], new Dictionary<string, JsonNode?>(), new Dictionary<string, JsonNode?> { ["anything"] = 1 });

        Assert.Empty(errors);
    }
}
