using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads camunda:formData of a user task or a none start event: fields, enum values, validation constraints and
/// camunda:properties (metadata such as "this field names a person").
/// </summary>
/// <remarks>
/// Unknown field types and constraints are reported rather than passed on: the engine validates submitted
/// forms itself and a constraint it cannot check (e.g. a custom validator class) would be silently skipped.
/// Inside camunda:formData the attributes are unqualified, as Camunda Modeler writes them.
/// </remarks>
internal static class FormFieldReader
{
    private static readonly FrozenSet<string> Types =
        FrozenSet.Create(StringComparer.Ordinal, "string", "long", "double", "boolean", "date", "enum");

    private static readonly FrozenSet<string> ConstraintNames =
        FrozenSet.Create(StringComparer.Ordinal, "required", "readonly", "minlength", "maxlength", "min", "max");

    public static ImmutableArray<FormField> Read(XElement task, string taskId, ReadContext context)
    {
        var owner = ReadContext.Describe(task);
        var fields = ImmutableArray.CreateBuilder<FormField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var elements = task.CamundaExtensions("formData").Elements(Namespaces.Camunda + "formField");
        foreach (var element in elements)
        {
            if (ReadField(element, taskId, owner, context) is not { } field)
            {
                continue;
            }

            if (!seen.Add(field.Id))
            {
                context.Report(element, taskId, $"{owner} has two form fields with id '{field.Id}'");
                continue;
            }

            fields.Add(field);
        }

        return fields.ToImmutable();
    }

    private static FormField? ReadField(XElement element, string taskId, string owner, ReadContext context)
    {
        if (element.Attr("id") is not { } id)
        {
            context.Report(element, taskId, $"A form field of {owner} has no id");
            return null;
        }

        var type = element.Attr("type");
        if (type is null || !Types.Contains(type))
        {
            var found = type is null ? "no type" : $"unknown type '{type}'";
            context.Report(element, taskId, $"Form field '{id}' of {owner} has {found} (string, long, double, boolean, date or enum)");
            return null;
        }

        return new FormField
        {
            Id = id,
            Label = element.Attr("label"),
            Type = type,
            DefaultValue = BpmnXml.Expression(element.Attr("defaultValue")),
            EnumValues = type == "enum" ? ReadEnumValues(element, id, taskId, owner, context) : [],
            Constraints = ReadConstraints(element, id, taskId, owner, context),
            Properties = ReadProperties(element),
        };
    }

    private static ImmutableArray<FormEnumValue> ReadEnumValues(XElement field, string fieldId, string taskId, string owner, ReadContext context)
    {
        var values = ImmutableArray.CreateBuilder<FormEnumValue>();
        foreach (var value in field.Elements(Namespaces.Camunda + "value"))
        {
            if (value.Attr("id") is { } id)
            {
                values.Add(new FormEnumValue(id, value.Attr("name")));
            }
            else
            {
                context.Report(value, taskId, $"An enum value of form field '{fieldId}' on {owner} has no id");
            }
        }

        return values.ToImmutable();
    }

    private static ImmutableArray<FormConstraint> ReadConstraints(XElement field, string fieldId, string taskId, string owner, ReadContext context)
    {
        var constraints = ImmutableArray.CreateBuilder<FormConstraint>();
        var elements = field.Elements(Namespaces.Camunda + "validation").Elements(Namespaces.Camunda + "constraint");
        foreach (var constraint in elements)
        {
            var name = constraint.Attr("name");
            if (name is null || !ConstraintNames.Contains(name))
            {
                var found = name is null ? "A constraint without name" : $"Constraint '{name}'";
                context.Report(constraint, taskId, $"{found} on form field '{fieldId}' of {owner} is not supported (required, readonly, minlength, maxlength, min or max)");
                continue;
            }

            constraints.Add(new FormConstraint(name, constraint.Attr("config")));
        }

        return constraints.ToImmutable();
    }

    /// <summary>camunda:properties of a form field (id → value; the last of a repeated id wins).</summary>
    private static ImmutableDictionary<string, string> ReadProperties(XElement field)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in field.Elements(Namespaces.Camunda + "properties").Elements(Namespaces.Camunda + "property"))
        {
            if (property.Attr("id") is { } id)
            {
                properties[id] = property.Attr("value") ?? "";
            }
        }

        return properties.ToImmutable();
    }
}
