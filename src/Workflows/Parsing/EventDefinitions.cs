using System.Collections.Immutable;
using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>The one event definition of an event: its kind ("none", "message", "timer", "signal"...) and element.</summary>
internal readonly record struct EventDefinition(string Kind, XElement? Element);

/// <summary>
/// Classifies the event definition of an event and reads the timer, message and error definitions.
/// </summary>
internal static class EventDefinitions
{
    private const string Suffix = "EventDefinition";

    /// <summary>
    /// The event's single definition, or null after reporting a multiple event or a reference to a
    /// root-level definition (eventDefinitionRef), neither of which the engine supports.
    /// </summary>
    public static EventDefinition? Classify(XElement evt, string id, ReadContext context)
    {
        if (evt.BpmnChild("eventDefinitionRef") is { } reference)
        {
            context.Report(reference, id, $"{ReadContext.Describe(evt)} uses eventDefinitionRef, which is not supported; define the event definition inside the event",
                Deployment.ProblemCodes.EventDefinitionRefUnsupported, ReadContext.Label(evt));
            return null;
        }

        var definitions = evt.BpmnChildren()
            .Where(c => c.Name.LocalName.EndsWith(Suffix, StringComparison.Ordinal))
            .ToList();
        switch (definitions.Count)
        {
            case 0:
                return new EventDefinition("none", null);
            case 1:
                var localName = definitions[0].Name.LocalName;
                return new EventDefinition(localName[..^Suffix.Length], definitions[0]);
            default:
                context.Report(evt, id, $"{ReadContext.Describe(evt)} has {definitions.Count} event definitions (a multiple event), which is not supported",
                    Deployment.ProblemCodes.MultipleEventUnsupported, ReadContext.Label(evt), definitions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
        }
    }

    /// <summary>The name of a linkEventDefinition, which pairs throws with their catch; required.</summary>
    public static string? ReadLinkName(XElement definition, XElement evt, string description, ReadContext context)
    {
        var name = definition.Attribute("name")?.Value.Trim();
        if (string.IsNullOrEmpty(name))
        {
            context.Report(definition, evt.Id(), $"The linkEventDefinition of {description} has no name; a link throw and its catch are paired by name",
                Deployment.ProblemCodes.LinkNameMissing, ReadContext.Label(evt));
            return null;
        }

        return name;
    }

    /// <summary>
    /// A conditionalEventDefinition (Camunda 7 reference, "Conditional Events"): its <c>condition</c> expression, required,
    /// and <c>camunda:variableName</c> (a comma list) narrowing which variable changes evaluate it again;
    /// <c>camunda:variableEvents</c> (create, update, delete) narrowing which kinds of change do.
    /// </summary>
    public static ConditionalDefinition? ReadConditional(XElement definition, XElement evt, string description, ReadContext context)
    {
        if (definition.BpmnChild("condition").Text() is not { } condition)
        {
            context.Report(definition, evt.Id(), $"{description} has no condition",
                Deployment.ProblemCodes.ConditionalConditionMissing, ReadContext.Label(evt));
            return null;
        }

        var events = VariableChange.Any;
        if (definition.CamundaAttr("variableEvents") is { } listed)
        {
            events = VariableChange.None;
            foreach (var name in listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var change = name switch
                {
                    "create" => VariableChange.Create,
                    "update" => VariableChange.Update,
                    "delete" => VariableChange.Delete,
                    _ => VariableChange.None,
                };
                if (change == VariableChange.None)
                {
                    context.Report(definition, evt.Id(), $"camunda:variableEvents on {description} names '{name}'; the events are create, update and delete",
                        Deployment.ProblemCodes.VariableEventUnknown, ReadContext.Label(evt), name);
                    return null;
                }

                events |= change;
            }

            if (events == VariableChange.None)
            {
                context.Report(definition, evt.Id(), $"camunda:variableEvents on {description} is empty; leave it out to evaluate on every change",
                    Deployment.ProblemCodes.VariableEventsEmpty, ReadContext.Label(evt));
                return null;
            }
        }

        var names = definition.CamundaAttr("variableName") is { } raw
            ? raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToImmutableArray()
            : [];
        return new ConditionalDefinition(new ExpressionText(condition), names) { VariableEvents = events };
    }

    /// <summary>Exactly one of timeDate, timeDuration or timeCycle, with its text kept as an expression.</summary>
    public static TimerDefinition? ReadTimer(XElement definition, XElement evt, string description, ReadContext context)
    {
        var parts = definition.BpmnChildren()
            .Where(c => c.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle")
            .ToList();
        if (parts.Count != 1)
        {
            context.Report(definition, evt.Id(), $"{description} must have exactly one of timeDate, timeDuration or timeCycle",
                Deployment.ProblemCodes.TimerDefinition, ReadContext.Label(evt));
            return null;
        }

        var part = parts[0];
        if (part.Text() is not { } text)
        {
            context.Report(part, evt.Id(), $"The {part.Name.LocalName} of {description} is empty",
                Deployment.ProblemCodes.TimerEmpty, ReadContext.Label(evt), part.Name.LocalName);
            return null;
        }

        var kind = part.Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeDuration" => TimerKind.Duration,
            _ => TimerKind.Cycle,
        };
        return new TimerDefinition(kind, new ExpressionText(text));
    }
}
