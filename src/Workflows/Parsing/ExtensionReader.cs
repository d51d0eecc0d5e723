using System.Collections.Immutable;
using System.Xml.Linq;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads camunda:inputOutput and the listeners (camunda:executionListener, camunda:taskListener) of an element, as
/// Camunda 7 writes them; what Anju cannot run the same way (scripts, field injection, update listeners) is reported
/// with the element and line.
/// </summary>
internal static class ExtensionReader
{
    private static readonly string[] ExecutionEvents = [ListenerEvents.Start, ListenerEvents.End];
    private static readonly string[] FlowEvents = [ListenerEvents.Take];
    private static readonly string[] TaskEvents = [ListenerEvents.Create, ListenerEvents.Assignment, ListenerEvents.Complete, ListenerEvents.Delete, ListenerEvents.Timeout];

    /// <summary>Reads the listeners and the mapping of a flow node into it.</summary>
    public static FlowNode ReadNodeExtensions(FlowNode node, XElement element, ReadContext context)
    {
        node = node with
        {
            Listeners = ReadListeners(element, node.Id, "executionListener", ExecutionEvents, context),
            InputOutput = ReadInputOutput(element, node, context),
        };
        return node is UserTask task
            ? task with { TaskListeners = ReadListeners(element, node.Id, "taskListener", TaskEvents, context) }
            : node;
    }

    /// <summary>The start and end listeners of a process.</summary>
    public static ImmutableArray<Listener> ReadProcessListeners(XElement process, string key, ReadContext context) =>
        ReadListeners(process, key, "executionListener", ExecutionEvents, context);

    /// <summary>The take listeners of a sequence flow.</summary>
    public static ImmutableArray<Listener> ReadFlowListeners(XElement element, string id, ReadContext context) =>
        ReadListeners(element, id, "executionListener", FlowEvents, context);

    private static ImmutableArray<Listener> ReadListeners(XElement element, string id, string kind, string[] events, ReadContext context)
    {
        var listeners = ImmutableArray.CreateBuilder<Listener>();
        var label = ReadContext.Label(element);
        foreach (var listener in element.CamundaExtensions(kind))
        {
            var eventName = listener.Attr("event")?.Trim();
            if (kind == "taskListener" && eventName is "update")
            {
                context.Report(listener, id, $"A camunda:taskListener on '{eventName}' of '{id}' is not supported yet; use an assignment or complete listener",
                    ProblemCodes.TaskListenerUpdate, label);
                continue;
            }

            TimerDefinition? timer = null;
            if (eventName == ListenerEvents.Timeout)
            {
                // Camunda 7: a timeout listener has an id and a timerEventDefinition; it runs when the timer fires.
                var description = $"the timeout listener of '{id}'";
                if (listener.Attr("id") is null)
                {
                    context.Report(listener, id, $"The timeout camunda:taskListener of '{id}' has no id", ProblemCodes.TimeoutListenerIdMissing, label);
                    continue;
                }

                if (listener.BpmnChild("timerEventDefinition") is not { } timerDefinition
                    || EventDefinitions.ReadTimer(timerDefinition, listener.Parent?.Parent ?? listener, description, context) is not { } read)
                {
                    if (listener.BpmnChild("timerEventDefinition") is null)
                    {
                        context.Report(listener, id, $"The timeout camunda:taskListener of '{id}' has no timerEventDefinition", ProblemCodes.TimeoutListenerTimerMissing, label);
                    }

                    continue;
                }

                timer = read;
            }

            if (eventName is null || !events.Contains(eventName))
            {
                context.Report(listener, id, $"A camunda:{kind} of '{id}' has event \"{eventName}\"; here it may be {string.Join(", ", events)}",
                    ProblemCodes.ListenerEvent, label, eventName ?? string.Empty, string.Join(", ", events));
                continue;
            }

            foreach (var child in listener.Elements().Where(c => c.Name.Namespace == Namespaces.Camunda))
            {
                var reason = child.Name.LocalName switch
                {
                    "script" => "scripts cannot be sandboxed; use an expression or a registered handler",
                    "field" => "field injection is not supported; give the handler its values as camunda:properties of the element",
                    _ => "it is not supported",
                };
                var message = $"camunda:{child.Name.LocalName} in a camunda:{kind} of '{id}': {reason}";
                switch (child.Name.LocalName)
                {
                    case "script":
                        context.Report(child, id, message, ProblemCodes.ListenerScript, label);
                        break;
                    case "field":
                        context.Report(child, id, message, ProblemCodes.ListenerField, label);
                        break;
                    default:
                        context.Report(child, id, message, ProblemCodes.ListenerExtensionUnsupported, label, $"camunda:{child.Name.LocalName}");
                        break;
                }
            }

            if (ReadImplementation(listener, kind, id, label, context) is { } implementation)
            {
                listeners.Add(new Listener(eventName, implementation, listener.Location()) { Id = listener.Attr("id"), Timer = timer });
            }
        }

        return listeners.ToImmutable();
    }

    /// <summary>class, delegateExpression (${name}) or expression; exactly one.</summary>
    private static TaskImplementation? ReadImplementation(XElement listener, string kind, string id, string label, ReadContext context)
    {
        var className = listener.Attr("class");
        var delegateExpression = listener.Attr("delegateExpression");
        var expression = listener.Attr("expression");
        var hasScript = listener.Element(Namespaces.Camunda + "script") is not null;
        var count = new[] { className, delegateExpression, expression }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (count != 1)
        {
            if (!hasScript)
            {
                context.Report(listener, id, $"A camunda:{kind} of '{id}' needs exactly one of class, delegateExpression or expression",
                    ProblemCodes.ListenerImplementation, label);
            }

            return null;
        }

        if (!string.IsNullOrWhiteSpace(className))
        {
            return new HandlerImplementation(className.Trim(), "class");
        }

        if (!string.IsNullOrWhiteSpace(delegateExpression))
        {
            if (TaskReader.DelegateNameOf(delegateExpression) is not { } name)
            {
                context.Report(listener, id, $"The delegateExpression \"{delegateExpression}\" of a camunda:{kind} of '{id}' must name a handler as ${{name}}",
                    ProblemCodes.ListenerDelegateExpression, label, delegateExpression);
                return null;
            }

            return new HandlerImplementation(name, "delegateExpression");
        }

        return new HandlerImplementation(expression!, "expression");
    }

    private static InputOutput? ReadInputOutput(XElement element, FlowNode node, ReadContext context)
    {
        // Where Camunda 7 does not read a mapping (start and boundary events, gateways) it is a warning, and ignored.
        if (node is not (Activity or IntermediateCatchEvent or IntermediateThrowEvent or EndEvent)
            || element.CamundaExtensions("inputOutput").FirstOrDefault() is not { } mapping)
        {
            return null;
        }

        var id = node.Id;
        var label = ReadContext.Label(element);
        var inputs = ReadParameters(mapping, "inputParameter", id, label, context);
        var outputs = ReadParameters(mapping, "outputParameter", id, label, context);
        if (outputs.Length > 0 && node is EndEvent)
        {
            context.Report(mapping, id, $"camunda:outputParameter on endEvent '{id}': an end event has nothing to map out (Camunda 7 refuses it too)",
                ProblemCodes.OutputOnEndEvent, label);
        }

        if (outputs.Length > 0 && node is Activity { MultiInstance: not null })
        {
            context.Report(mapping, id, $"camunda:outputParameter on the multi-instance {node.ElementType} '{id}' is not supported (nor in Camunda 7): each instance would overwrite the others; collect results in a variable instead",
                ProblemCodes.OutputOnMultiInstance, label);
        }

        return inputs.Length == 0 && outputs.Length == 0 ? null : new InputOutput { Inputs = inputs, Outputs = outputs };
    }

    private static ImmutableArray<IoParameter> ReadParameters(XElement mapping, string kind, string id, string label, ReadContext context)
    {
        var parameters = ImmutableArray.CreateBuilder<IoParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in mapping.Elements(Namespaces.Camunda + kind))
        {
            var name = parameter.Attr("name")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                context.Report(parameter, id, $"A camunda:{kind} of '{id}' has no name", ProblemCodes.ParameterNameMissing, label);
                continue;
            }

            if (!seen.Add(name))
            {
                context.Report(parameter, id, $"camunda:{kind} '{name}' appears twice on '{id}'", ProblemCodes.ParameterDuplicate, label, name);
                continue;
            }

            if (ReadValue(parameter, $"camunda:{kind} '{name}' of '{id}'", id, (label, name), context) is { } value)
            {
                parameters.Add(new IoParameter(name, value));
            }
        }

        return parameters.ToImmutable();
    }

    /// <summary>A parameter's (or list item's, or map entry's) value: one child element, or its text.</summary>
    private static IoValue? ReadValue(XElement holder, string where, string id, (string Element, string Parameter) labels, ReadContext context)
    {
        var children = holder.Elements().ToList();
        if (children.Count == 0)
        {
            var text = holder.Value;
            return string.IsNullOrWhiteSpace(text) ? new IoNull() : new IoText(new ExpressionText(text.Trim()));
        }

        if (children.Count > 1)
        {
            context.Report(holder, id, $"{where} has more than one value", ProblemCodes.ParameterValueMultiple, labels.Element, labels.Parameter);
            return null;
        }

        var child = children[0];
        switch (child.Name.LocalName)
        {
            case "list" when child.Name.Namespace == Namespaces.Camunda:
                var items = ImmutableArray.CreateBuilder<IoValue>();
                foreach (var item in child.Elements())
                {
                    var value = item.Name == Namespaces.Camunda + "value"
                        ? ReadValue(item, where, id, labels, context)
                        : ReadValue(new XElement("holder", item), where, id, labels, context);
                    if (value is not null)
                    {
                        items.Add(value);
                    }
                }

                return new IoList(items.ToImmutable());
            case "map" when child.Name.Namespace == Namespaces.Camunda:
                var entries = ImmutableArray.CreateBuilder<IoMapEntry>();
                foreach (var entry in child.Elements(Namespaces.Camunda + "entry"))
                {
                    if (entry.Attr("key") is not { } key)
                    {
                        context.Report(entry, id, $"A camunda:entry in {where} has no key", ProblemCodes.ParameterMapKeyMissing, labels.Element, labels.Parameter);
                        continue;
                    }

                    if (ReadValue(entry, where, id, labels, context) is { } value)
                    {
                        entries.Add(new IoMapEntry(key, value));
                    }
                }

                return new IoMap(entries.ToImmutable());
            case "script" when child.Name.Namespace == Namespaces.Camunda:
                context.Report(child, id, $"A camunda:script in {where} is not supported: scripts cannot be sandboxed; use an expression",
                    ProblemCodes.ParameterScript, labels.Element, labels.Parameter);
                return null;
            default:
                context.Report(child, id, $"{child.Name.LocalName} in {where} is not supported; use a text, an expression, camunda:list or camunda:map",
                    ProblemCodes.ParameterValueUnsupported, labels.Element, labels.Parameter, child.Name.LocalName);
                return null;
        }
    }
}
