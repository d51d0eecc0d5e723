using System.Collections.Frozen;
using System.Xml.Linq;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Rewrites the Activiti and Flowable extensions of a document into Camunda's namespace before it is read, so that a
/// model written for Camunda 7 under Activiti's legacy namespace, or for Flowable, runs as its author meant.
/// </summary>
/// <remarks>
/// <para>Camunda 7 reads <c>http://activiti.org/bpmn</c> as its own namespace (BpmnParse checks both URIs), so every
/// Activiti attribute and extension element is read exactly as the Camunda one of the same name.</para>
/// <para>Flowable shares most of Activiti's vocabulary with Camunda: the attributes and extension elements whose
/// meaning is the same (assignee, candidate users and groups, due date, priority, form key and form properties,
/// class / expression / delegate expression, result variable, async, collection and element variable, call activity
/// in/out mappings, listeners, fields) become Camunda's and are then read, or refused, like Camunda's. Metadata
/// without effect on the run (a task category, exclusive jobs) is dropped. Anything else in Flowable's namespace
/// changes how Flowable runs the model (skip expressions, triggerable service tasks, HTTP or mail tasks...) and has
/// no Camunda 7 meaning: it is refused with its element and line, never silently ignored.</para>
/// </remarks>
internal static class VendorNamespaces
{
    /// <summary>Flowable attribute → the Camunda attribute with the same meaning.</summary>
    private static readonly FrozenDictionary<string, string> FlowableAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["assignee"] = "assignee",
        ["candidateUsers"] = "candidateUsers",
        ["candidateGroups"] = "candidateGroups",
        ["dueDate"] = "dueDate",
        ["priority"] = "priority",
        ["formKey"] = "formKey",
        ["class"] = "class",
        ["expression"] = "expression",
        ["delegateExpression"] = "delegateExpression",
        ["resultVariable"] = "resultVariable",
        ["async"] = "asyncBefore",
        ["asyncBefore"] = "asyncBefore",
        ["asyncAfter"] = "asyncAfter",
        ["asyncLeave"] = "asyncAfter",
        ["collection"] = "collection",
        ["elementVariable"] = "elementVariable",
        ["initiator"] = "initiator",
        ["candidateStarterUsers"] = "candidateStarterUsers",
        ["candidateStarterGroups"] = "candidateStarterGroups",
        ["exclusive"] = "exclusive",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Flowable attributes without effect on how the model runs here, with the values that keep it so.</summary>
    private static readonly FrozenDictionary<string, string?> FlowableHarmless = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        // A label for task lists.
        ["category"] = null,

        // Flowable validates submitted form fields when true (its modeler's default); Anju always does.
        ["formFieldValidation"] = "true",
        ["validateFormFields"] = "true",

        // No tenants here.
        ["fallbackToDefaultTenant"] = null,

        // "key" is what calledElement means in Camunda 7 too.
        ["calledElementType"] = "key",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Flowable extension elements (and their children) that are Camunda's under another namespace.</summary>
    private static readonly FrozenSet<string> FlowableExtensions = FrozenSet.Create(
        StringComparer.Ordinal,
        "formProperty", "value", "in", "out", "executionListener", "taskListener", "field", "string", "expression",
        "failedJobRetryTimeCycle");

    /// <summary>Rewrites <paramref name="root"/> in place; refusals are reported to <paramref name="context"/>.</summary>
    public static void Normalize(XElement root, ReadContext context)
    {
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            if (element.Name.Namespace == Namespaces.Activiti)
            {
                element.Name = Namespaces.Camunda + element.Name.LocalName;
            }
            else if (element.Name.Namespace == Namespaces.Flowable)
            {
                if (FlowableExtensions.Contains(element.Name.LocalName))
                {
                    element.Name = Namespaces.Camunda + element.Name.LocalName;
                }
                else
                {
                    context.Report(element, OwnerId(element), $"flowable:{element.Name.LocalName} in {Describe(element)} has no Camunda 7 equivalent; Anju cannot run it as Flowable would",
                        Deployment.ProblemCodes.FlowableElementUnsupported, OwnerLabel(element), $"flowable:{element.Name.LocalName}");
                }
            }

            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.Name.Namespace == Namespaces.Activiti)
                {
                    Rename(element, attribute, attribute.Name.LocalName, "activiti", context);
                }
                else if (attribute.Name.Namespace == Namespaces.Flowable)
                {
                    NormalizeFlowable(element, attribute, context);
                }
            }
        }
    }

    private static void NormalizeFlowable(XElement element, XAttribute attribute, ReadContext context)
    {
        var name = attribute.Name.LocalName;
        if (FlowableAttributes.TryGetValue(name, out var camunda))
        {
            Rename(element, attribute, camunda, "flowable", context);
            return;
        }

        if (FlowableHarmless.TryGetValue(name, out var harmlessValue)
            && (harmlessValue is null || string.Equals(attribute.Value.Trim(), harmlessValue, StringComparison.OrdinalIgnoreCase)))
        {
            attribute.Remove();
            return;
        }

        var value = harmlessValue is null ? "" : $"=\"{attribute.Value}\"";
        context.Report(element, OwnerId(element), $"flowable:{name}{value} on {Describe(element)} changes how Flowable runs the model and has no Camunda 7 equivalent; Anju cannot run it as its author meant",
            Deployment.ProblemCodes.FlowableAttributeUnsupported, OwnerLabel(element), $"flowable:{name}{value}");
    }

    private static void Rename(XElement element, XAttribute attribute, string camundaName, string prefix, ReadContext context)
    {
        var target = Namespaces.Camunda + camundaName;
        var existing = element.Attribute(target);
        attribute.Remove();
        if (existing is null)
        {
            element.SetAttributeValue(target, attribute.Value);
        }
        else if (existing.Value != attribute.Value)
        {
            context.Report(element, OwnerId(element), $"{Describe(element)} has both {prefix}:{attribute.Name.LocalName}=\"{attribute.Value}\" and camunda:{camundaName}=\"{existing.Value}\"; keep one",
                Deployment.ProblemCodes.VendorAttributeConflict, OwnerLabel(element), $"{prefix}:{attribute.Name.LocalName}=\"{attribute.Value}\"", $"camunda:{camundaName}=\"{existing.Value}\"");
        }
    }

    /// <summary>The element a problem is about: the nearest one with an id (an extension element names its activity).</summary>
    private static string? OwnerId(XElement element) =>
        element.AncestorsAndSelf().Select(e => e.Id()).FirstOrDefault(id => id is not null);

    /// <summary>The label ("name (id)") of the element <see cref="OwnerId"/> names; empty when there is none.</summary>
    private static string OwnerLabel(XElement element) =>
        element.AncestorsAndSelf().FirstOrDefault(e => e.Id() is not null) is { } owner ? ReadContext.Label(owner) : "";

    private static string Describe(XElement element)
    {
        var owner = element.AncestorsAndSelf().FirstOrDefault(e => e.Id() is not null && e.IsBpmn());
        return owner is null ? element.Name.LocalName : ReadContext.Describe(owner);
    }
}
