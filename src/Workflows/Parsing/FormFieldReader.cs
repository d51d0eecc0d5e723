using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads camunda:formData of a user task: fields, enum values and validation constraints.
/// </summary>
/// <remarks>
/// Unknown field types and constraints are reported rather than passed on: the engine validates submitted
/// forms itself and a constraint it cannot check (e.g. a custom validator class) would be silently skipped.
/// Inside camunda:formData the attributes are unqualified, as Camunda Modeler writes them.
/// </remarks>
internal static class FormFieldReader
{
    private static readonly FrozenSet<string> Types =
        FrozenSet.Create(StringComparer.Ordinal, "string", "long", "boolean", "date", "enum");

    private static readonly FrozenSet<string> ConstraintNames =
        FrozenSet.Create(StringComparer.Ordinal, "required", "readonly", "minlength", "maxlength", "min", "max");

    public static ImmutableArray<FormField> Read(XElement task, string taskId, ReadContext context)
    {
        var fields = ImmutableArray.CreateBuilder<FormField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var elements = task.CamundaExtensions("formData").Elements(Namespaces.Camunda + "formField");
        foreach (var element in elements)
        {
            if (ReadField(element, taskId, context) is not { } field)
            {
                continue;
            }

            if (!seen.Add(field.Id))
            {
                context.Report(element, taskId, $"userTask '{taskId}' has two form fields with id '{field.Id}'");
                continue;
            }

            fields.Add(field);
        }

        return fields.ToImmutable();
    }

    private static FormField? ReadField(XElement element, string taskId, ReadContext context)
    {
        if (element.Attr("id") is not { } id)
        {
            context.Report(element, taskId, $"A form field of userTask '{taskId}' has no id");
            return null;
        }

        var type = element.Attr("type");
        if (type is null || !Types.Contains(type))
        {
            var found = type is null ? "no type" : $"unknown type '{type}'";
            context.Report(element, taskId, $"Form field '{id}' of userTask '{taskId}' has {found} (string, long, boolean, date or enum)");
            return null;
        }

        return new FormField
        {
            Id = id,
            Label = element.Attr("label"),
            Type = type,
            DefaultValue = BpmnXml.Expression(element.Attr("defaultValue")),
            EnumValues = type == "enum" ? ReadEnumValues(element, id, taskId, context) : [],
            Constraints = ReadConstraints(element, id, taskId, context),
        };
    }

    private static ImmutableArray<FormEnumValue> ReadEnumValues(XElement field, string fieldId, string taskId, ReadContext context)
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
                context.Report(value, taskId, $"An enum value of form field '{fieldId}' on userTask '{taskId}' has no id");
            }
        }

        return values.ToImmutable();
    }

    private static ImmutableArray<FormConstraint> ReadConstraints(XElement field, string fieldId, string taskId, ReadContext context)
    {
        var constraints = ImmutableArray.CreateBuilder<FormConstraint>();
        var elements = field.Elements(Namespaces.Camunda + "validation").Elements(Namespaces.Camunda + "constraint");
        foreach (var constraint in elements)
        {
            var name = constraint.Attr("name");
            if (name is null || !ConstraintNames.Contains(name))
            {
                var found = name is null ? "A constraint without name" : $"Constraint '{name}'";
                context.Report(constraint, taskId, $"{found} on form field '{fieldId}' of userTask '{taskId}' is not supported (required, readonly, minlength, maxlength, min or max)");
                continue;
            }

            constraints.Add(new FormConstraint(name, constraint.Attr("config")));
        }

        return constraints.ToImmutable();
    }
}
