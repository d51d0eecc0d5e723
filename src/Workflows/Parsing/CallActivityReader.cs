using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads a callActivity: which process it calls, with which binding, and the camunda:in / camunda:out
/// variable mappings (attributes of those elements are unqualified, as Camunda writes them).
/// </summary>
internal static class CallActivityReader
{
    public static CallActivity? Read(XElement element, string id, ReadContext context)
    {
        if (element.Attr("calledElement") is not { } calledElement)
        {
            context.Report(element, id, $"callActivity '{id}' has no calledElement", Deployment.ProblemCodes.CalledElementMissing, ReadContext.Label(element));
            return null;
        }

        var binding = element.CamundaAttr("calledElementBinding") ?? "latest";
        if (binding is not ("latest" or "version" or "deployment"))
        {
            context.Report(element, id, $"camunda:calledElementBinding \"{binding}\" of callActivity '{id}' is not supported (latest, version or deployment)",
                Deployment.ProblemCodes.CalledElementBinding, ReadContext.Label(element), binding);
            return null;
        }

        int? version = null;
        if (binding == "version")
        {
            var text = element.CamundaAttr("calledElementVersion");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                context.Report(element, id, $"callActivity '{id}' has binding \"version\" but camunda:calledElementVersion is not a version number",
                    Deployment.ProblemCodes.CalledElementVersion, ReadContext.Label(element), text ?? "");
                return null;
            }

            version = number;
        }

        var businessKeys = element.CamundaExtensions("in")
            .Select(e => e.Attr("businessKey"))
            .OfType<string>()
            .ToList();
        if (businessKeys.Count > 1)
        {
            context.Report(element, id, $"callActivity '{id}' has more than one camunda:in businessKey", Deployment.ProblemCodes.CallBusinessKeyDuplicate, ReadContext.Label(element));
        }

        return new CallActivity
        {
            Id = id,
            CalledElement = new ExpressionText(calledElement),
            Binding = binding,
            Version = version,
            In = ReadMappings(element, "in", id, context),
            Out = ReadMappings(element, "out", id, context),
            BusinessKey = BpmnXml.Expression(businessKeys.FirstOrDefault()),
            Jurisdiction = BpmnXml.Expression(element.CamundaProperty(TaskReader.JurisdictionProperty)),
        };
    }

    private static ImmutableArray<VariableMapping> ReadMappings(XElement activity, string direction, string id, ReadContext context)
    {
        var mappings = ImmutableArray.CreateBuilder<VariableMapping>();
        foreach (var element in activity.CamundaExtensions(direction))
        {
            // camunda:in businessKey="..." is not a variable mapping; it was read above.
            if (direction == "in" && element.Attr("businessKey") is not null)
            {
                continue;
            }

            if (ReadMapping(element, direction, id, context) is { } mapping)
            {
                mappings.Add(mapping);
            }
        }

        return mappings.ToImmutable();
    }

    private static VariableMapping? ReadMapping(XElement element, string direction, string id, ReadContext context)
    {
        var variables = element.Attr("variables");
        if (variables is not (null or "all"))
        {
            context.Report(element, id, $"camunda:{direction} variables=\"{variables}\" of callActivity '{id}' is not supported; only \"all\" is",
                Deployment.ProblemCodes.CallVariablesUnsupported, ReadContext.Label(element.Parent?.Parent ?? element), $"camunda:{direction}", variables);
            return null;
        }

        var mapping = new VariableMapping
        {
            Source = element.Attr("source"),
            SourceExpression = BpmnXml.Expression(element.Attr("sourceExpression")),
            Target = element.Attr("target"),
            All = variables == "all",
            Local = context.ReadBoolean(element, "local", false, element.Parent?.Parent ?? element),
        };

        var sources = (mapping.Source is null ? 0 : 1) + (mapping.SourceExpression is null ? 0 : 1);
        if (!mapping.All && (sources != 1 || mapping.Target is null))
        {
            context.Report(element, id, $"camunda:{direction} of callActivity '{id}' needs one of source or sourceExpression and a target, or variables=\"all\"",
                Deployment.ProblemCodes.CallMappingIncomplete, ReadContext.Label(element.Parent?.Parent ?? element), $"camunda:{direction}");
            return null;
        }

        return mapping;
    }
}
