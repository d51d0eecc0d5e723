using System.Xml.Linq;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads a sequenceFlow and its optional condition.
/// </summary>
/// <remarks>
/// Conditions are kept as expression text (JUEL-style <c>${...}</c>), the only language the engine evaluates.
/// A condition in a script language would need a script engine, which cannot be sandboxed, so it is refused
/// instead of being mistaken for an expression.
/// </remarks>
internal static class SequenceFlowReader
{
    public static SequenceFlow? Read(XElement element, ReadContext context)
    {
        var id = element.Id()!;
        CamundaSupport.Check(element, element, context);

        var source = element.Attr("sourceRef");
        var target = element.Attr("targetRef");
        if (source is null || target is null)
        {
            context.Report(element, id, $"sequenceFlow '{id}' has no {(source is null ? "sourceRef" : "targetRef")}", ProblemCodes.FlowNotConnected, ReadContext.Label(element));
            return null;
        }

        return new SequenceFlow
        {
            Id = id,
            Name = element.Attr("name"),
            SourceId = source,
            TargetId = target,
            Condition = ReadCondition(element, id, context),
            Location = element.Location(),
            Listeners = ExtensionReader.ReadFlowListeners(element, id, context),
        };
    }

    private static ExpressionText? ReadCondition(XElement flow, string id, ReadContext context)
    {
        var condition = flow.BpmnChild("conditionExpression");
        if (condition is null)
        {
            return null;
        }

        var language = condition.Attr("language");
        if (language is not null && !language.Equals("juel", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(condition, id, $"sequenceFlow '{id}' has a condition in language '{language}': script conditions are not supported",
                ProblemCodes.ConditionLanguage, ReadContext.Label(flow), language);
            return null;
        }

        if (condition.Attribute(Namespaces.Camunda + "resource") is not null)
        {
            context.Report(condition, id, $"sequenceFlow '{id}' loads its condition from a camunda:resource: script conditions are not supported",
                ProblemCodes.ConditionResource, ReadContext.Label(flow));
            return null;
        }

        if (condition.Attribute(Namespaces.Xsi + "type")?.Value is { } type && !IsExpressionType(condition, type))
        {
            context.Report(condition, id, $"sequenceFlow '{id}' has a condition of xsi:type '{type}'; only tFormalExpression is supported",
                ProblemCodes.ConditionType, ReadContext.Label(flow), type);
            return null;
        }

        return BpmnXml.Expression(condition.Text());
    }

    /// <summary>xsi:type is a QName: its prefix must resolve to the BPMN model namespace, whatever it is.</summary>
    private static bool IsExpressionType(XElement condition, string type)
    {
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? null : type[..colon].Trim();
        if (prefix is { Length: 0 })
        {
            return false;
        }

        // GetNamespaceOfPrefix refuses an empty prefix, hence the check above.
        var ns = prefix is null ? condition.GetDefaultNamespace() : condition.GetNamespaceOfPrefix(prefix);
        var localName = type[(colon + 1)..].Trim();
        return ns == Namespaces.Model && localName is "tFormalExpression" or "tExpression";
    }
}
