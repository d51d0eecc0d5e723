using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads camunda:formData of a user task or a none start event: fields, enum values, validation constraints and
/// camunda:properties (metadata such as "this field names a person"); or the older camunda:formProperty list
/// (Camunda's, Activiti's and Flowable's), mapped onto the same fields.
/// </summary>
/// <remarks>
/// Unknown field types and constraints are reported rather than passed on: the engine validates submitted
/// forms itself and a constraint it cannot check (e.g. a custom validator class) would be silently skipped.
/// Inside camunda:formData the attributes are unqualified, as Camunda Modeler writes them.
/// </remarks>
internal static partial class FormFieldReader
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
        var elements = task.CamundaExtensions("formData").Elements(Namespaces.Camunda + "formField").ToList();
        var properties = task.CamundaExtensions("formProperty").ToList();
        if (elements.Count > 0 && properties.Count > 0)
        {
            context.Report(properties[0], taskId, $"{owner} has both camunda:formData and camunda:formProperty; use one of them",
                ProblemCodes.FormDataAndProperties, ReadContext.Label(task));
            return [];
        }

        foreach (var element in elements.Count > 0 ? elements : properties)
        {
            var read = element.Name.LocalName == "formProperty"
                ? ReadProperty(element, taskId, owner, context)
                : ReadField(element, taskId, owner, context);
            if (read is not { } field)
            {
                continue;
            }

            if (!seen.Add(field.Id))
            {
                context.Report(element, taskId, $"{owner} has two form fields with id '{field.Id}'", ProblemCodes.FormFieldDuplicate, ReadContext.Label(task), field.Id);
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
            context.Report(element, taskId, $"A form field of {owner} has no id", ProblemCodes.FormFieldIdMissing, OwnerLabel(element));
            return null;
        }

        var type = element.Attr("type");
        if (type is null || !Types.Contains(type))
        {
            var found = type is null ? "no type" : $"unknown type '{type}'";
            var message = $"Form field '{id}' of {owner} has {found} (string, long, double, boolean, date or enum)";
            if (type is null)
            {
                context.Report(element, taskId, message, ProblemCodes.FormFieldTypeMissing, OwnerLabel(element), id);
            }
            else
            {
                context.Report(element, taskId, message, ProblemCodes.FormFieldTypeUnknown, OwnerLabel(element), id, type);
            }

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

    /// <summary>
    /// One camunda:formProperty (Camunda 7's "generated task forms" of the user guide's form section): id, name, type
    /// (string when absent), required, writable, readable, default and enum values. A property that is not readable
    /// is not part of the form Camunda shows, so none is made for it.
    /// </summary>
    private static FormField? ReadProperty(XElement element, string taskId, string owner, ReadContext context)
    {
        if (element.Attr("id") is not { } id)
        {
            context.Report(element, taskId, $"A form property of {owner} has no id", ProblemCodes.FormFieldIdMissing, OwnerLabel(element));
            return null;
        }

        var type = element.Attr("type") ?? "string";
        if (!Types.Contains(type))
        {
            context.Report(element, taskId, $"Form property '{id}' of {owner} has unknown type '{type}' (string, long, double, boolean, date or enum)",
                ProblemCodes.FormFieldTypeUnknown, OwnerLabel(element), id, type);
            return null;
        }

        // variable: the value is read from and stored under that process variable. expression: read-only properties show
        // its value; a writable one is written through it as a JUEL value expression sets it: ${name} (or #{name}) the
        // variable, ${leave.days} the property of the variable's object (Camunda calls the bean's setter; here the
        // variable is a JSON object). Anything else (${days + 1}, a method) cannot be written to.
        var variable = element.Attr("variable") is { } named && named != id ? named.Trim() : null;
        var expression = element.Attr("expression");
        var writable = context.ReadBoolean(element, "writable", true, element);
        ImmutableArray<string> writePath = [];
        if (expression is not null && writable)
        {
            if (WrittenPath(expression) is not { } written)
            {
                context.Report(element, taskId, $"Form property '{id}' of {owner}: expression=\"{expression}\" on a writable property is not supported (only an expression naming a variable or a property of one, such as ${{days}} or ${{leave.days}}, can be written); use variable, or writable=\"false\"",
                    ProblemCodes.FormPropertyExpression, OwnerLabel(element), id, expression);
                return null;
            }

            if (variable is not null && variable != string.Join('.', written))
            {
                context.Report(element, taskId, $"Form property '{id}' of {owner} names two variables, variable=\"{variable}\" and expression=\"{expression}\"; use one of them",
                    ProblemCodes.FormPropertyVariables, OwnerLabel(element), id, variable, expression);
                return null;
            }

            if (written.Length > 1)
            {
                writePath = [.. written];
                variable = null;
            }
            else
            {
                variable = written[0] == id ? null : written[0];
            }

            expression = null;
        }

        FormDatePattern? datePattern = null;
        var pattern = element.Attr("datePattern");
        if (pattern is not null && type != "date")
        {
            var where = $"form property '{id}' of {owner}";
            context.Warn(element, taskId, $"datePattern has no effect on {where}, which is not of type date; it is deployed without it", where, "datePattern");
        }
        else if (pattern is not null)
        {
            datePattern = FormDatePattern.TryCreate(pattern, out var problem);
            if (datePattern is null)
            {
                context.Report(element, taskId, $"Form property '{id}' of {owner}: datePattern=\"{pattern}\": {problem}",
                    ProblemCodes.FormDatePatternInvalid, OwnerLabel(element), id, pattern);
                return null;
            }
        }

        if (!context.ReadBoolean(element, "readable", true, element))
        {
            return null;
        }

        var constraints = ImmutableArray.CreateBuilder<FormConstraint>();
        if (context.ReadBoolean(element, "required", false, element))
        {
            constraints.Add(new FormConstraint("required", null));
        }

        if (!writable)
        {
            constraints.Add(new FormConstraint("readonly", null));
        }

        return new FormField
        {
            Id = id,
            Label = element.Attr("name"),
            Type = type,
            DefaultValue = BpmnXml.Expression(element.Attr("default")),
            Variable = variable,
            ValueExpression = BpmnXml.Expression(expression),
            DatePattern = datePattern,
            WritePath = writePath,
            EnumValues = type == "enum" ? ReadEnumValues(element, id, taskId, owner, context) : [],
            Constraints = constraints.ToImmutable(),
        };
    }

    /// <summary>
    /// The variable, or the variable and its property path, a writable property's expression names (<c>${days}</c>,
    /// <c>#{leave.days}</c>), or null.
    /// </summary>
    private static string[]? WrittenPath(string expression)
    {
        var match = WrittenPathPattern().Match(expression);
        return match.Success ? match.Groups["path"].Value.Split('.') : null;
    }

    [GeneratedRegex(@"^\s*[$#]\{\s*(?<path>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){0,7})\s*\}\s*$")]
    private static partial Regex WrittenPathPattern();

    /// <summary>The label of the task or start event a form field (or formProperty) belongs to.</summary>
    private static string OwnerLabel(XElement field) =>
        field.Ancestors().FirstOrDefault(a => a.Name.Namespace == Namespaces.Model && a.Name.LocalName != "extensionElements") is { } owner
            ? ReadContext.Label(owner)
            : string.Empty;

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
                context.Report(value, taskId, $"An enum value of form field '{fieldId}' on {owner} has no id",
                    ProblemCodes.FormEnumValueIdMissing, OwnerLabel(field), fieldId);
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
                context.Report(constraint, taskId, $"{found} on form field '{fieldId}' of {owner} is not supported (required, readonly, minlength, maxlength, min or max)",
                    ProblemCodes.FormConstraintUnsupported, OwnerLabel(field), fieldId, name ?? string.Empty);
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
