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
            ["startEvent"] = [.. ActivityAttributes, "initiator", "formKey"],
            ["endEvent"] = ActivityAttributes,
            ["intermediateCatchEvent"] = ActivityAttributes,
            ["intermediateThrowEvent"] = ActivityAttributes,
            ["exclusiveGateway"] = ActivityAttributes,
            ["parallelGateway"] = ActivityAttributes,
            ["inclusiveGateway"] = ActivityAttributes,
            ["boundaryEvent"] = ActivityAttributes,
            ["eventBasedGateway"] = ["asyncBefore", "async"],
            ["process"] = ["candidateStarterGroups", "candidateStarterUsers"],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly string[] ActivityExtensions = ["failedJobRetryTimeCycle", "executionListener", "inputOutput"];

    private static readonly string[] EventExtensions = ["failedJobRetryTimeCycle", "executionListener"];

    private static readonly FrozenDictionary<string, FrozenSet<string>> ExtensionsByElement =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["userTask"] = [.. ActivityExtensions, "formData", "formProperty", "taskListener"],
            ["serviceTask"] = ActivityExtensions,
            ["sendTask"] = ActivityExtensions,
            ["businessRuleTask"] = ActivityExtensions,
            ["receiveTask"] = ActivityExtensions,
            ["task"] = ActivityExtensions,
            ["manualTask"] = ActivityExtensions,
            ["subProcess"] = ActivityExtensions,
            ["callActivity"] = [.. ActivityExtensions, "in", "out"],
            ["startEvent"] = [.. EventExtensions, "formData", "formProperty"],
            ["endEvent"] = [.. EventExtensions, "inputOutput"],
            ["intermediateCatchEvent"] = [.. EventExtensions, "inputOutput"],
            ["intermediateThrowEvent"] = [.. EventExtensions, "inputOutput"],
            ["boundaryEvent"] = EventExtensions,
            ["exclusiveGateway"] = EventExtensions,
            ["parallelGateway"] = EventExtensions,
            ["inclusiveGateway"] = EventExtensions,
            ["eventBasedGateway"] = EventExtensions,
            ["sequenceFlow"] = ["executionListener"],
            ["process"] = ["executionListener"],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Attributes Camunda 7 reads on every flow node (activities, gateways, events): asynchronous continuations.</summary>
    private static readonly string[] CamundaFlowNodeAttributes = ["asyncBefore", "asyncAfter", "async", "exclusive", "jobPriority"];

    private static readonly string[] CamundaImplementationAttributes =
        ["class", "delegateExpression", "expression", "resultVariable", "type", "topic", "taskPriority"];

    private static readonly string[] CamundaFormAttributes = ["formKey", "formHandlerClass", "formRef", "formRefBinding", "formRefVersion"];

    /// <summary>
    /// What Camunda 7's parser (BpmnParse) reads on each element, beyond <see cref="CamundaFlowNodeAttributes"/> for
    /// flow nodes: a Camunda attribute not listed for its element has no effect there, in Camunda as here, and is a
    /// warning; one listed that the engine does not implement is an error.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> CamundaAttributesByElement =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["userTask"] =
            [
                .. CamundaFlowNodeAttributes, .. CamundaFormAttributes, "assignee", "candidateUsers", "candidateGroups",
                "dueDate", "followUpDate", "priority",
            ],
            ["serviceTask"] = [.. CamundaFlowNodeAttributes, .. CamundaImplementationAttributes],
            ["sendTask"] = [.. CamundaFlowNodeAttributes, .. CamundaImplementationAttributes],
            ["businessRuleTask"] =
            [
                .. CamundaFlowNodeAttributes, .. CamundaImplementationAttributes, "decisionRef", "decisionRefBinding",
                "decisionRefVersion", "decisionRefVersionTag", "decisionRefTenantId", "mapDecisionResult",
            ],
            ["callActivity"] =
            [
                .. CamundaFlowNodeAttributes, "calledElementBinding", "calledElementVersion", "calledElementVersionTag",
                "calledElementTenantId", "caseRef", "caseBinding", "caseVersion", "caseTenantId", "variableMappingClass",
                "variableMappingDelegateExpression",
            ],
            ["startEvent"] = [.. CamundaFlowNodeAttributes, .. CamundaFormAttributes, "initiator"],

            // Camunda 7 reference, "Event-based Gateway" → "Camunda Extensions": asyncBefore, exclusive and jobPriority;
            // the gateway is left by the event that occurs, not by its own end, so asyncAfter has no effect there.
            ["eventBasedGateway"] = ["asyncBefore", "async", "exclusive", "jobPriority"],
            ["process"] = ["candidateStarterGroups", "candidateStarterUsers", "versionTag", "historyTimeToLive", "isStartableInTasklist", "jobPriority", "taskPriority"],
            ["multiInstanceLoopCharacteristics"] = ["collection", "elementVariable", "asyncBefore", "asyncAfter", "async", "exclusive"],
            ["sequenceFlow"] = [],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenSet<string> CamundaFlowNodeAttributeSet = CamundaFlowNodeAttributes.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements on which Camunda 7 reads camunda:inputOutput: activities, intermediate and end events.</summary>
    private static readonly FrozenSet<string> InputOutputElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "userTask", "serviceTask", "sendTask", "businessRuleTask", "scriptTask", "receiveTask", "manualTask", "task",
        "subProcess", "callActivity", "intermediateCatchEvent", "intermediateThrowEvent", "endEvent");

    /// <summary>Extension elements Camunda 7 reads on particular elements (listeners and retries are read on every flow node).</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> CamundaExtensionsByElement =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["userTask"] = ["taskListener", "formData", "formProperty"],
            ["serviceTask"] = ["field", "connector", "errorEventDefinition"],
            ["sendTask"] = ["field", "connector", "errorEventDefinition"],
            ["businessRuleTask"] = ["field", "connector", "errorEventDefinition"],
            ["callActivity"] = ["in", "out"],
            ["startEvent"] = ["formData", "formProperty"],
            ["process"] = ["executionListener"],
            ["sequenceFlow"] = ["executionListener"],
            ["multiInstanceLoopCharacteristics"] = ["failedJobRetryTimeCycle"],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether Camunda 7 reads attribute <paramref name="name"/> on an element called <paramref name="localName"/>.</summary>
    private static bool CamundaReadsAttribute(string localName, string name) =>
        CamundaAttributesByElement.TryGetValue(localName, out var names)
            ? names.Contains(name)
            : CamundaFlowNodeAttributeSet.Contains(name);

    private static bool CamundaReadsExtension(string localName, string name)
    {
        if (CamundaExtensionsByElement.TryGetValue(localName, out var names) && names.Contains(name))
        {
            return true;
        }

        var flowNode = localName is not ("process" or "sequenceFlow" or "multiInstanceLoopCharacteristics");
        return (flowNode && name is "executionListener" or "failedJobRetryTimeCycle")
            || (name == "inputOutput" && InputOutputElements.Contains(localName));
    }

    /// <summary>
    /// Reports the Camunda attributes and extension elements of <paramref name="element"/> that the engine does not
    /// implement (an error: the model would run differently from what its author saw), and, as warnings, those that
    /// have no effect where they stand (Camunda 7 deploys and ignores them too). <paramref name="owner"/> is the flow
    /// element named in the message (the activity for its loop characteristics).
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
            if (HarmlessAttributes.Contains(name) || attributes?.Contains(name) == true)
            {
                continue;
            }

            if (CamundaReadsAttribute(localName, name))
            {
                context.Report(element, owner.Id(), $"camunda:{name} on {where} is not supported", Deployment.ProblemCodes.CamundaUnsupported, ReadContext.Label(owner), $"camunda:{name}");
            }
            else
            {
                context.Warn(element, owner.Id(), $"camunda:{name} has no effect on {where} (Camunda 7 ignores it there too); it is deployed without it", where, $"camunda:{name}");
            }
        }

        var extensions = ExtensionsByElement.GetValueOrDefault(localName);
        foreach (var extension in element.CamundaExtensions())
        {
            var name = extension.Name.LocalName;
            if (name == "properties" || extensions?.Contains(name) == true)
            {
                continue;
            }

            if (CamundaReadsExtension(localName, name))
            {
                context.Report(extension, owner.Id(), $"camunda:{name} on {where} is not supported", Deployment.ProblemCodes.CamundaUnsupported, ReadContext.Label(owner), $"camunda:{name}");
            }
            else
            {
                context.Warn(extension, owner.Id(), $"camunda:{name} has no effect on {where} (Camunda 7 ignores it there too); it is deployed without it", where, $"camunda:{name}");
            }
        }
    }
}
