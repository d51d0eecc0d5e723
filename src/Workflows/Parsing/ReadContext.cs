using Anju.Workflows.Execution;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Xml.Linq;

namespace Anju.Workflows.Parsing;

/// <summary>
/// What every element reader of one document shares: the problems found so far and the root-level
/// definitions (messages, errors) that events refer to.
/// </summary>
internal sealed class ReadContext(
    FrozenDictionary<string, string> messageNames,
    FrozenDictionary<string, string?> errorCodes,
    FrozenDictionary<string, string?> escalationCodes,
    FrozenDictionary<string, string?> signalNames)
{
    private readonly List<BpmnProblem> problems = [];

    private int errorCount;

    /// <summary>The errors reported so far (warnings do not count: they never keep a process from deploying).</summary>
    public int ProblemCount => errorCount;

    /// <summary>
    /// Reports a problem with its own code (<see cref="Deployment.ProblemCodes"/>) and the arguments a client renders
    /// it with, located at <paramref name="at"/>.
    /// </summary>
    public void Report(XElement at, string? elementId, string message, string code, params string[] arguments) =>
        Report(elementId, at.Line(), message, code, arguments);

    /// <summary>Reports a problem with its own code found on the assembled graph.</summary>
    public void Report(string? elementId, int line, string message, string code, params string[] arguments)
    {
        problems.Add(new BpmnProblem(elementId, line, message) { Code = code, Arguments = [.. arguments] });
        errorCount++;
    }

    /// <summary>
    /// Reports an attribute or extension element that has no effect where it stands (code
    /// <see cref="Deployment.ProblemCodes.AttributeIgnored"/>; arguments: where, what): the document still deploys.
    /// </summary>
    public void Warn(XElement at, string? elementId, string message, params string[] arguments) =>
        problems.Add(new BpmnProblem(elementId, at.Line(), message)
        {
            Severity = ProblemSeverity.Warning,
            Code = Deployment.ProblemCodes.AttributeIgnored,
            Arguments = [.. arguments],
        });

    /// <summary>
    /// Reads an optional boolean attribute; a value that is not a boolean is reported rather than taken as
    /// false, because a typo in <c>cancelActivity</c> would otherwise silently change behaviour.
    /// </summary>
    public bool ReadBoolean(XElement element, XName attribute, bool defaultValue, XElement owner)
    {
        var raw = element.Attribute(attribute)?.Value.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return defaultValue;
        }

        if (BpmnXml.ParseBoolean(raw) is { } value)
        {
            return value;
        }

        Report(element, owner.Id(), $"{AttributeLabel(attribute)} of {Describe(owner)} must be \"true\" or \"false\", not \"{raw}\"",
            Deployment.ProblemCodes.BooleanValue, Label(owner), AttributeLabel(attribute), raw);
        return defaultValue;
    }

    /// <summary>
    /// Resolves a messageRef to the message's name (its id when it has none): the name is what senders
    /// correlate on. Returns null after reporting when the reference is missing or dangling.
    /// </summary>
    public string? ResolveMessage(XElement definition, XElement owner)
    {
        var reference = definition.Attr("messageRef");
        if (reference is null)
        {
            Report(definition, owner.Id(), $"{Describe(owner)} has no messageRef", Deployment.ProblemCodes.MessageRefMissing, Label(owner));
            return null;
        }

        if (messageNames.TryGetValue(definition.ResolveReference(reference), out var name))
        {
            return name;
        }

        Report(definition, owner.Id(), $"messageRef '{reference}' of {Describe(owner)} does not reference a message", Deployment.ProblemCodes.MessageUnknown, Label(owner), reference);
        return null;
    }

    /// <summary>
    /// Resolves an errorEventDefinition to its error's errorCode; no errorRef means "any error" (null code).
    /// Returns false after reporting a dangling reference.
    /// </summary>
    public bool TryResolveError(XElement definition, XElement owner, out string? errorCode)
    {
        errorCode = null;
        var reference = definition.Attr("errorRef");
        if (reference is null)
        {
            return true;
        }

        if (errorCodes.TryGetValue(definition.ResolveReference(reference), out errorCode))
        {
            return true;
        }

        Report(definition, owner.Id(), $"errorRef '{reference}' of {Describe(owner)} does not reference an error", Deployment.ProblemCodes.ErrorUnknown, Label(owner), reference);
        return false;
    }

    /// <summary>
    /// Resolves an escalationEventDefinition to its escalation's escalationCode; no escalationRef means "any escalation"
    /// (null code) on a boundary event, and an escalation only catch-all boundaries catch on a throw.
    /// </summary>
    public bool TryResolveEscalation(XElement definition, XElement owner, out string? escalationCode)
    {
        escalationCode = null;
        var reference = definition.Attr("escalationRef");
        if (reference is null)
        {
            return true;
        }

        if (escalationCodes.TryGetValue(definition.ResolveReference(reference), out escalationCode))
        {
            return true;
        }

        Report(definition, owner.Id(), $"escalationRef '{reference}' of {Describe(owner)} does not reference an escalation", Deployment.ProblemCodes.EscalationUnknown, Label(owner), reference);
        return false;
    }

    /// <summary>
    /// Resolves a signalEventDefinition to its signal's name (Camunda 7 reference, "Signal Events"): the signalRef is
    /// required and the signal needs a name; a name with an expression is not supported yet.
    /// </summary>
    public string? ResolveSignal(XElement definition, XElement owner)
    {
        var reference = definition.Attr("signalRef");
        if (reference is null)
        {
            Report(definition, owner.Id(), $"{Describe(owner)} has no signalRef", Deployment.ProblemCodes.SignalRefMissing, Label(owner));
            return null;
        }

        if (!signalNames.TryGetValue(definition.ResolveReference(reference), out var name))
        {
            Report(definition, owner.Id(), $"signalRef '{reference}' of {Describe(owner)} does not reference a signal", Deployment.ProblemCodes.SignalUnknown, Label(owner), reference);
            return null;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            Report(definition, owner.Id(), $"The signal '{reference}' of {Describe(owner)} has no name; catchers and throwers meet by name",
                Deployment.ProblemCodes.SignalNameMissing, Label(owner), reference);
            return null;
        }

        // Camunda 7 reference, "Signal Events": a signal name may be an expression, resolved where the signal is thrown
        // or a catch starts waiting. A process's signal start event has no instance to resolve it in.
        if (SignalKeys.IsExpression(name) && owner.Name.LocalName == "startEvent" && owner.Parent?.Name.LocalName == "process")
        {
            Report(definition, owner.Id(), $"The signal name '{name}' of {Describe(owner)} is an expression; a signal start event of a process starts new instances, which have no variables yet to resolve it in: give the signal a fixed name",
                Deployment.ProblemCodes.SignalNameExpression, Label(owner), name);
            return null;
        }

        if (definition.CamundaExtensions().FirstOrDefault() is { } extension)
        {
            Report(extension, owner.Id(), $"camunda:{extension.Name.LocalName} on the signal of {Describe(owner)} is not supported; a signal carries no variables from its thrower (an administrator's broadcast may)",
                Deployment.ProblemCodes.SignalExtensionUnsupported, Label(owner), $"camunda:{extension.Name.LocalName}");
            return null;
        }

        if (definition.CamundaAttr("async") is not null)
        {
            Report(definition, owner.Id(), $"camunda:async on the signal of {Describe(owner)} is not supported; the signal is delivered in the thrower's transaction",
                Deployment.ProblemCodes.SignalAsyncUnsupported, Label(owner));
            return null;
        }

        return name.Trim();
    }

    /// <summary>
    /// "受理 (Task_1)", or "Task_1" when the element has no name: how a problem's arguments name an element
    /// (<see cref="Model.FlowNode.Label"/> for the same on the graph).
    /// </summary>
    public static string Label(XElement element) => Label(element.Attr("name"), element.Id() ?? string.Empty);

    /// <summary>"name (id)", or the id when there is no name.</summary>
    public static string Label(string? name, string id) => string.IsNullOrWhiteSpace(name) ? id : $"{name.Trim()} ({id})";

    /// <summary>"userTask 'Task_1'": how messages name an element.</summary>
    public static string Describe(XElement element) => $"{element.Name.LocalName} '{element.Id()}'";

    public ImmutableArray<BpmnProblem> SortedProblems() =>
        [.. problems.OrderBy(p => p.Line)];

    private static string AttributeLabel(XName attribute) =>
        attribute.Namespace == Namespaces.Camunda ? $"camunda:{attribute.LocalName}" : attribute.LocalName;
}
