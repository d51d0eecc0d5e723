using System.Collections.Frozen;
using System.Xml.Linq;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Which Camunda attributes and extension elements each BPMN element may carry.
/// </summary>
/// <remarks>
/// Camunda extensions change behaviour (listeners, input/output mappings, field injection...). Ignoring one the
/// engine does not implement would run the process differently from what the modeller saw, so anything in the
/// Camunda namespace that is neither read nor known to be harmless metadata is reported as not supported.
/// Attributes of other vendors (Flowable, Zeebe, the modeler itself) are simply not ours and are ignored.
/// </remarks>
internal static class CamundaSupport
{
    /// <summary>Metadata for Camunda's own tooling, history or job executor, without effect on the flow.</summary>
    private static readonly FrozenSet<string> HarmlessAttributes = FrozenSet.Create(
        StringComparer.Ordinal,
        "exclusive", "jobPriority", "taskPriority", "historyTimeToLive", "versionTag", "isStartableInTasklist",
        "modelerTemplate", "modelerTemplateVersion",
        "diagramRelationId");

    private static readonly string[] ActivityAttributes = ["asyncBefore", "asyncAfter", "async"];

    private static readonly string[] ImplementationAttributes =
        ["type", "topic", "class", "delegateExpression", "expression", "resultVariable"];

    private static readonly FrozenDictionary<string, FrozenSet<string>> AttributesByElement =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["userTask"] = [.. ActivityAttributes, "assignee", "candidateUsers", "candidateGroups", "dueDate", "followUpDate", "priority", "formKey"],
            ["serviceTask"] = [.. ActivityAttributes, .. ImplementationAttributes],
            ["sendTask"] = [.. ActivityAttributes, .. ImplementationAttributes],

            // decisionRef and its companions are reported once, as DMN, by the task reader.
            ["businessRuleTask"] =
            [
                .. ActivityAttributes, .. ImplementationAttributes, "decisionRef", "decisionRefBinding", "decisionRefVersion",
                "decisionRefVersionTag", "decisionRefTenantId", "mapDecisionResult",
            ],
            ["receiveTask"] = ActivityAttributes,
            ["task"] = ActivityAttributes,
            ["manualTask"] = ActivityAttributes,
            ["subProcess"] = ActivityAttributes,
            ["callActivity"] = [.. ActivityAttributes, "calledElementBinding", "calledElementVersion"],
            ["multiInstanceLoopCharacteristics"] = ["collection", "elementVariable"],
            ["startEvent"] = ["initiator"],
            ["process"] = ["candidateStarterGroups", "candidateStarterUsers"],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly string[] ActivityExtensions = ["failedJobRetryTimeCycle"];

    private static readonly FrozenDictionary<string, FrozenSet<string>> ExtensionsByElement =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["userTask"] = [.. ActivityExtensions, "formData"],
            ["serviceTask"] = ActivityExtensions,
            ["sendTask"] = ActivityExtensions,
            ["businessRuleTask"] = ActivityExtensions,
            ["receiveTask"] = ActivityExtensions,
            ["task"] = ActivityExtensions,
            ["manualTask"] = ActivityExtensions,
            ["subProcess"] = ActivityExtensions,
            ["callActivity"] = [.. ActivityExtensions, "in", "out"],
            ["startEvent"] = ["formData"],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Reports the Camunda attributes and extension elements of <paramref name="element"/> that the engine
    /// does not implement. <paramref name="owner"/> is the flow element named in the message (the activity for
    /// its loop characteristics).
    /// </summary>
    public static void Check(XElement element, XElement owner, ReadContext context)
    {
        var localName = element.Name.LocalName;
        var where = element == owner
            ? ReadContext.Describe(owner)
            : $"the {localName} of {ReadContext.Describe(owner)}";

        var attributes = AttributesByElement.GetValueOrDefault(localName);
        foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == Namespaces.Camunda))
        {
            var name = attribute.Name.LocalName;
            if (!HarmlessAttributes.Contains(name) && attributes?.Contains(name) != true)
            {
                context.Report(element, owner.Id(), $"camunda:{name} on {where} is not supported");
            }
        }

        var extensions = ExtensionsByElement.GetValueOrDefault(localName);
        foreach (var extension in element.CamundaExtensions())
        {
            var name = extension.Name.LocalName;
            if (name != "properties" && extensions?.Contains(name) != true)
            {
                context.Report(extension, owner.Id(), $"camunda:{name} on {where} is not supported");
            }
        }
    }
}
