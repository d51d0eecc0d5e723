using System.Xml.Linq;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads start, end, intermediate and boundary events, allowing for each only the triggers the engine
/// implements; any other trigger is reported as "&lt;kind&gt; &lt;event&gt; 'id' is not supported".
/// </summary>
internal static class EventReader
{
    public static StartEvent? ReadStart(XElement element, string id, string? parentId, ReadContext context)
    {
        if (EventDefinitions.Classify(element, id, context) is not { } definition)
        {
            return null;
        }

        // A subprocess is entered by its parent's token; a message or timer could never start it.
        if (parentId is not null && definition.Kind != "none")
        {
            context.Report(element, id, $"{definition.Kind} start event '{id}' is only supported at process level; a subprocess starts with a none start event",
                ProblemCodes.SubProcessStartTrigger, ReadContext.Label(element), definition.Kind);
            return null;
        }

        var description = $"{definition.Kind} start event '{id}'";
        var start = definition.Kind == "none" ? new StartEvent { Id = id } : ReadStartTrigger(definition, element, id, description, context);
        if (start is not null && start.Trigger != EventTrigger.None
            && (element.CamundaExtensions("formData").Any() || element.CamundaExtensions("formProperty").Any() || element.CamundaAttr("formKey") is not null))
        {
            context.Report(element, id, $"{description} has a start form (camunda:formData, camunda:formProperty or camunda:formKey); only a none start event can have one",
                ProblemCodes.StartFormOnTrigger, ReadContext.Label(element));
            return null;
        }

        return start is null ? null : start with
        {
            Initiator = element.CamundaAttr("initiator"),
            FormKey = start.Trigger == EventTrigger.None ? element.CamundaAttr("formKey") : null,
            FormFields = start.Trigger == EventTrigger.None ? FormFieldReader.Read(element, id, context) : [],
        };
    }

    /// <summary>
    /// The start event of an event subprocess (Camunda 7 reference, "Event Subprocess"): message, timer, signal, error
    /// or escalation, interrupting (<c>isInterrupting</c>, default true) or not; an error start always interrupts.
    /// </summary>
    public static StartEvent? ReadEventSubProcessStart(XElement element, string id, ReadContext context)
    {
        if (EventDefinitions.Classify(element, id, context) is not { } definition)
        {
            return null;
        }

        var interrupting = context.ReadBoolean(element, "isInterrupting", true, element);
        var description = $"{definition.Kind} start event '{id}' of an event subprocess";
        StartEvent? start = definition switch
        {
            { Kind: "message" or "timer" or "signal" } => ReadStartTrigger(definition, element, id, description, context),
            { Kind: "error", Element: { } error } => context.TryResolveError(error, element, out var code)
                ? new StartEvent { Id = id, Trigger = EventTrigger.Error, ErrorCode = code }
                : null,
            { Kind: "escalation", Element: { } escalation } => context.TryResolveEscalation(escalation, element, out var escalationCode)
                ? new StartEvent { Id = id, Trigger = EventTrigger.Escalation, EscalationCode = escalationCode }
                : null,
            { Kind: "conditional", Element: { } conditional } => EventDefinitions.ReadConditional(conditional, element, description, context) is { } condition
                ? new StartEvent { Id = id, Trigger = EventTrigger.Conditional, Conditional = condition }
                : null,
            { Kind: "none" } => Reported<StartEvent>(element, $"The start event '{id}' of an event subprocess needs a trigger (message, timer, signal, error or escalation)", context, ProblemCodes.EventSubProcessNoneStart),
            _ => Unsupported<StartEvent>(element, definition.Kind, description, context),
        };
        if (start is { Trigger: EventTrigger.Error } && !interrupting)
        {
            context.Report(element, id, $"The error start event '{id}' of an event subprocess must interrupt (isInterrupting=\"false\" is not allowed): an error ends what raised it",
                ProblemCodes.ErrorStartNonInterrupting, ReadContext.Label(element));
            return null;
        }

        return start is null ? null : start with { IsInterrupting = interrupting };
    }

    /// <summary>A message, timer, signal or conditional start (at process level, or of an event subprocess); others are refused.</summary>
    private static StartEvent? ReadStartTrigger(EventDefinition definition, XElement element, string id, string description, ReadContext context) => definition switch
    {
        { Kind: "message", Element: { } message } => context.ResolveMessage(message, element) is { } name
            ? new StartEvent { Id = id, Trigger = EventTrigger.Message, MessageName = name }
            : null,
        { Kind: "timer", Element: { } timer } => EventDefinitions.ReadTimer(timer, element, description, context) is { } value
            ? new StartEvent { Id = id, Trigger = EventTrigger.Timer, Timer = value }
            : null,
        { Kind: "signal", Element: { } signal } => context.ResolveSignal(signal, element) is { } signalName
            ? new StartEvent { Id = id, Trigger = EventTrigger.Signal, SignalName = signalName }
            : null,

        // At process level: Camunda 7's "Conditional Start Event", started by evaluating start conditions (the API).
        { Kind: "conditional", Element: { } conditional } => EventDefinitions.ReadConditional(conditional, element, description, context) is { } condition
            ? new StartEvent { Id = id, Trigger = EventTrigger.Conditional, Conditional = condition }
            : null,
        _ => Unsupported<StartEvent>(element, definition.Kind, description, context),
    };

    public static EndEvent? ReadEnd(XElement element, string id, ReadContext context)
    {
        if (EventDefinitions.Classify(element, id, context) is not { } definition)
        {
            return null;
        }

        return definition switch
        {
            { Kind: "none" } => new EndEvent { Id = id },
            { Kind: "terminate" } => new EndEvent { Id = id, Trigger = EventTrigger.Terminate },

            // An error end without errorRef throws an error without code, which only catch-all boundaries catch.
            { Kind: "error", Element: { } error } => context.TryResolveError(error, element, out var code)
                ? new EndEvent { Id = id, Trigger = EventTrigger.Error, ErrorCode = code }
                : null,
            { Kind: "escalation", Element: { } escalation } => context.TryResolveEscalation(escalation, element, out var escalationCode)
                ? new EndEvent { Id = id, Trigger = EventTrigger.Escalation, EscalationCode = escalationCode }
                : null,
            { Kind: "signal", Element: { } signal } => context.ResolveSignal(signal, element) is { } signalName
                ? new EndEvent { Id = id, Trigger = EventTrigger.Signal, SignalName = signalName }
                : null,
            _ => Unsupported<EndEvent>(element, definition.Kind, $"{definition.Kind} end event '{id}'", context),
        };
    }

    public static IntermediateCatchEvent? ReadCatch(XElement element, string id, ReadContext context)
    {
        if (EventDefinitions.Classify(element, id, context) is not { } definition)
        {
            return null;
        }

        var description = $"{definition.Kind} intermediate catch event '{id}'";
        return definition switch
        {
            { Kind: "none" } => Reported<IntermediateCatchEvent>(element, $"intermediateCatchEvent '{id}' has no event definition", context, ProblemCodes.EventDefinitionMissing),
            { Kind: "message", Element: { } message } => context.ResolveMessage(message, element) is { } name
                ? new IntermediateCatchEvent { Id = id, Trigger = EventTrigger.Message, MessageName = name }
                : null,
            { Kind: "timer", Element: { } timer } => EventDefinitions.ReadTimer(timer, element, description, context) is { } value
                ? new IntermediateCatchEvent { Id = id, Trigger = EventTrigger.Timer, Timer = value }
                : null,
            { Kind: "link", Element: { } link } => EventDefinitions.ReadLinkName(link, element, description, context) is { } linkName
                ? new IntermediateCatchEvent { Id = id, Trigger = EventTrigger.Link, LinkName = linkName }
                : null,
            { Kind: "signal", Element: { } signal } => context.ResolveSignal(signal, element) is { } signalName
                ? new IntermediateCatchEvent { Id = id, Trigger = EventTrigger.Signal, SignalName = signalName }
                : null,
            { Kind: "conditional", Element: { } conditional } => EventDefinitions.ReadConditional(conditional, element, description, context) is { } condition
                ? new IntermediateCatchEvent { Id = id, Trigger = EventTrigger.Conditional, Conditional = condition }
                : null,
            _ => Unsupported<IntermediateCatchEvent>(element, definition.Kind, description, context),
        };
    }

    public static IntermediateThrowEvent? ReadThrow(XElement element, string id, ReadContext context)
    {
        if (EventDefinitions.Classify(element, id, context) is not { } definition)
        {
            return null;
        }

        var description = $"{definition.Kind} intermediate throw event '{id}'";
        return definition switch
        {
            { Kind: "none" } => new IntermediateThrowEvent { Id = id },
            { Kind: "link", Element: { } link } => EventDefinitions.ReadLinkName(link, element, description, context) is { } linkName
                ? new IntermediateThrowEvent { Id = id, Trigger = EventTrigger.Link, LinkName = linkName }
                : null,
            { Kind: "escalation", Element: { } escalation } => context.TryResolveEscalation(escalation, element, out var code)
                ? new IntermediateThrowEvent { Id = id, Trigger = EventTrigger.Escalation, EscalationCode = code }
                : null,
            { Kind: "signal", Element: { } signal } => context.ResolveSignal(signal, element) is { } signalName
                ? new IntermediateThrowEvent { Id = id, Trigger = EventTrigger.Signal, SignalName = signalName }
                : null,
            _ => Unsupported<IntermediateThrowEvent>(element, definition.Kind, description, context),
        };
    }

    public static BoundaryEvent? ReadBoundary(XElement element, string id, ReadContext context)
    {
        if (EventDefinitions.Classify(element, id, context) is not { } definition)
        {
            return null;
        }

        if (element.Attr("attachedToRef") is not { } attachedTo)
        {
            context.Report(element, id, $"boundaryEvent '{id}' has no attachedToRef", ProblemCodes.BoundaryNotAttached, ReadContext.Label(element));
            return null;
        }

        var cancel = context.ReadBoolean(element, "cancelActivity", true, element);
        var boundary = new BoundaryEvent { Id = id, AttachedToId = element.ResolveReference(attachedTo), CancelActivity = cancel };
        var description = $"{definition.Kind} boundary event '{id}'";
        switch (definition)
        {
            case { Kind: "none" }:
                return Reported<BoundaryEvent>(element, $"boundaryEvent '{id}' has no event definition", context, ProblemCodes.EventDefinitionMissing);
            case { Kind: "message", Element: { } message }:
                return context.ResolveMessage(message, element) is { } name
                    ? boundary with { Trigger = EventTrigger.Message, MessageName = name }
                    : null;
            case { Kind: "timer", Element: { } timer }:
                return EventDefinitions.ReadTimer(timer, element, description, context) is { } value
                    ? boundary with { Trigger = EventTrigger.Timer, Timer = value }
                    : null;
            case { Kind: "error", Element: { } error }:
                if (!cancel)
                {
                    // An error ends the activity that raised it; there is nothing left to keep running.
                    context.Report(element, id, $"error boundary event '{id}' must interrupt its activity (cancelActivity=\"false\" is not allowed)",
                        ProblemCodes.ErrorBoundaryNonInterrupting, ReadContext.Label(element));
                }

                return context.TryResolveError(error, element, out var code)
                    ? boundary with { Trigger = EventTrigger.Error, ErrorCode = code }
                    : null;
            case { Kind: "escalation", Element: { } escalation }:
                // Interrupting or not; the activity it is attached to is checked on the linked graph.
                return context.TryResolveEscalation(escalation, element, out var escalationCode)
                    ? boundary with { Trigger = EventTrigger.Escalation, EscalationCode = escalationCode }
                    : null;
            case { Kind: "signal", Element: { } signal }:
                return context.ResolveSignal(signal, element) is { } signalName
                    ? boundary with { Trigger = EventTrigger.Signal, SignalName = signalName }
                    : null;
            case { Kind: "conditional", Element: { } conditional }:
                return EventDefinitions.ReadConditional(conditional, element, description, context) is { } condition
                    ? boundary with { Trigger = EventTrigger.Conditional, Conditional = condition }
                    : null;
            default:
                return Unsupported<BoundaryEvent>(element, definition.Kind, description, context);
        }
    }

    /// <summary>
    /// Refuses an event of a kind the engine does not run here: compensation and cancel (transactions) have codes of their
    /// own; any other kind is <see cref="ProblemCodes.ElementUnsupported"/> with what it is ("timer end event").
    /// </summary>
    private static T? Unsupported<T>(XElement element, string kind, string description, ReadContext context)
        where T : FlowNode
    {
        var message = $"{description} is not supported";
        var label = ReadContext.Label(element);
        switch (kind)
        {
            case "compensate":
                context.Report(element, element.Id(), message, ProblemCodes.CompensationUnsupported, label);
                break;
            case "cancel":
                context.Report(element, element.Id(), message, ProblemCodes.TransactionUnsupported, label);
                break;
            default:
                var what = description.EndsWith($" '{element.Id()}'", StringComparison.Ordinal)
                    ? description[..description.LastIndexOf(" '", StringComparison.Ordinal)]
                    : description;
                context.Report(element, element.Id(), message, ProblemCodes.ElementUnsupported, label, what);
                break;
        }

        return null;
    }

    private static T? Reported<T>(XElement element, string message, ReadContext context, string code)
        where T : FlowNode
    {
        context.Report(element, element.Id(), message, code, ReadContext.Label(element));
        return null;
    }
}
