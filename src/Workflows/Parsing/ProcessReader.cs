using System.Collections.Frozen;
using System.Globalization;
using System.Xml.Linq;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Walks one process, and recursively its embedded subprocesses, turning each BPMN element into a model node;
/// then links the graph and validates its structure.
/// </summary>
internal sealed class ProcessReader
{
    /// <summary>
    /// Children of a process or subprocess that are not flow elements: content that documents or decorates the
    /// diagram (lanes, annotations, data), accepted without being executed, and a subprocess's own activity
    /// children (loop characteristics, data associations), which <see cref="ActivityReader"/> reads.
    /// </summary>
    private static readonly FrozenSet<string> NonFlowChildren = FrozenSet.Create(
        StringComparer.Ordinal,
        "documentation", "extensionElements", "auditing", "monitoring", "property", "laneSet", "textAnnotation",
        "association", "group", "dataObject", "dataObjectReference", "dataStoreReference", "ioSpecification",
        "ioBinding", "correlationSubscription", "supports", "incoming", "outgoing", "multiInstanceLoopCharacteristics",
        "standardLoopCharacteristics", "dataInputAssociation", "dataOutputAssociation", "potentialStarter");

    private const string ScriptTaskMessage =
        "is not supported: scripts cannot be sandboxed; use a service task with a registered handler or an external task";

    private readonly ReadContext context;
    private readonly ProcessGraph graph = new();

    private ProcessReader(ReadContext context) => this.context = context;

    /// <summary>
    /// Reads a process. The definition is always built, but is only meaningful when no problem was reported
    /// while reading it; the caller checks that.
    /// </summary>
    public static ProcessDefinition Read(XElement process, string? poolName, ReadContext context)
    {
        var key = process.Id()!;
        CamundaSupport.Check(process, process, context);

        var label = ReadContext.Label(process.Attr("name") ?? poolName, key);
        var reader = new ProcessReader(context);
        var (startElements, _) = reader.ReadScope(process, parentId: null);
        if (startElements == 0)
        {
            context.Report(process, key, $"Process '{key}' has no start event", ProblemCodes.NoStartEvent, label);
        }

        var (nodes, flows) = GraphLinker.Link(reader.graph, context);
        StructureValidator.Validate(nodes, flows, context);

        var properties = ReadProcessProperties(process, label, context);
        return new ProcessDefinition
        {
            Key = key,
            Name = process.Attr("name") ?? poolName,
            Nodes = nodes.ToFrozenDictionary(n => n.Id, StringComparer.Ordinal),
            Flows = flows.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal),
            StartEvents = [.. nodes.OfType<StartEvent>().Where(s => s.ParentId is null).Select(s => s.Id)],
            EventSubProcesses = [.. nodes.OfType<SubProcess>().Where(s => s.TriggeredByEvent).Select(s => s.Id)],
            Listeners = ExtensionReader.ReadProcessListeners(process, key, context),
            HasConditionalEvents = nodes.Any(n => n is StartEvent { Conditional: not null } or IntermediateCatchEvent { Conditional: not null } or BoundaryEvent { Conditional: not null }),
            CandidateStarterGroups = ReadStarters(process, label, "candidateStarterGroups", context),
            CandidateStarterUsers = ReadStarters(process, label, "candidateStarterUsers", context),
            CaseNumberPrefix = properties.GetValueOrDefault("caseNumberPrefix"),
            CaseSummaryVariables = VariableList(properties.GetValueOrDefault("caseSummary")),
            CaseSearchVariables = VariableList(properties.GetValueOrDefault("caseSearch")),
        };
    }

    /// <summary>Most variables a caseSummary or caseSearch property may name (each adds work to a save that changes it).</summary>
    public const int MaxCaseVariables = 12;

    /// <summary>
    /// The process's own camunda:properties: literal data about the process (no expressions), read by name:
    /// <c>caseNumberPrefix</c> (2–4 capital letters), <c>caseSummary</c> and <c>caseSearch</c> (comma-separated
    /// variable names, at most <see cref="MaxCaseVariables"/> together). Other names are kept as documentation.
    /// </summary>
    private static Dictionary<string, string> ReadProcessProperties(XElement process, string label, ReadContext context)
    {
        var key = process.Id();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in process.CamundaExtensions("properties").Elements(Namespaces.Camunda + "property"))
        {
            if (property.Attr("name") is not { } name)
            {
                context.Report(property, key, $"a camunda:property of process '{key}' has no name", ProblemCodes.ProcessPropertyNameMissing, label);
                continue;
            }

            if (!properties.TryAdd(name, (property.Attribute("value")?.Value ?? "").Trim()))
            {
                context.Report(property, key, $"camunda:property '{name}' appears twice on process '{key}'", ProblemCodes.ProcessPropertyDuplicate, label, name);
            }
        }

        if (properties.TryGetValue("caseNumberPrefix", out var prefix) && !IsCasePrefix(prefix))
        {
            context.Report(process, key, $"caseNumberPrefix of process '{key}' must be 2 to 4 capital letters A–Z, not \"{prefix}\"", ProblemCodes.CaseNumberPrefix, label, prefix);
            properties.Remove("caseNumberPrefix");
        }

        var named = VariableList(properties.GetValueOrDefault("caseSummary")).Length + VariableList(properties.GetValueOrDefault("caseSearch")).Length;
        if (named > MaxCaseVariables)
        {
            context.Report(process, key, $"caseSummary and caseSearch of process '{key}' name {named} variables; at most {MaxCaseVariables}",
                ProblemCodes.CaseVariablesTooMany, label, named.ToString(CultureInfo.InvariantCulture), MaxCaseVariables.ToString(CultureInfo.InvariantCulture));
            properties.Remove("caseSummary");
            properties.Remove("caseSearch");
        }

        return properties;
    }

    private static bool IsCasePrefix(string prefix) => prefix.Length is >= 2 and <= 4 && prefix.All(c => c is >= 'A' and <= 'Z');

    private static System.Collections.Immutable.ImmutableArray<string> VariableList(string? raw) =>
        raw is null ? [] : [.. raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// camunda:candidateStarterGroups / candidateStarterUsers: a comma-separated list of names. Camunda 7 turns them
    /// into authorizations at deploy; they are literal names there too, so an expression is refused rather than
    /// read as a group called "${...}".
    /// </summary>
    private static System.Collections.Immutable.ImmutableArray<string> ReadStarters(XElement process, string label, string attribute, ReadContext context)
    {
        if (process.CamundaAttr(attribute) is not { } raw)
        {
            return [];
        }

        if (raw.Contains("${", StringComparison.Ordinal) || raw.Contains("#{", StringComparison.Ordinal))
        {
            context.Report(process, process.Id(), $"camunda:{attribute} of process '{process.Id()}' must list names, not an expression: \"{raw}\"",
                ProblemCodes.CandidateStartersExpression, label, $"camunda:{attribute}", raw);
            return [];
        }

        return [.. raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Reads the direct children of a process or subprocess. Returns how many start event elements it has
    /// (rejected ones included, so that they are not also reported as missing) and the first one that was read.
    /// </summary>
    private (int StartElements, string? FirstStartId) ReadScope(XElement scope, string? parentId, bool eventSubProcess = false)
    {
        var startElements = 0;
        string? firstStartId = null;
        foreach (var element in scope.BpmnChildren())
        {
            var localName = element.Name.LocalName;
            if (NonFlowChildren.Contains(localName))
            {
                continue;
            }

            if (element.Id() is not { } id)
            {
                context.Report(element, null, $"A {localName} has no id", ProblemCodes.IdMissing, localName);
                continue;
            }

            if (localName == "startEvent")
            {
                startElements++;
            }

            if (localName == "sequenceFlow")
            {
                if (SequenceFlowReader.Read(element, context) is { } flow)
                {
                    graph.Add(new FlowEntry(flow, element, parentId));
                }

                continue;
            }

            var node = ReadNode(element, id, parentId, eventSubProcess);
            if (node is null)
            {
                graph.Reject(id);
                continue;
            }

            node = node with { Name = element.Attr("name"), Location = element.Location(), ParentId = parentId };
            if (node is Activity activity)
            {
                node = ActivityReader.ReadCommon(activity, element, context);
            }
            else
            {
                node = ActivityReader.ReadContinuations(node, element, context);
                node = DropIneffectiveAsyncAfter(node, element);
            }

            node = ExtensionReader.ReadNodeExtensions(node, element, context);
            graph.Add(node);
            if (node is StartEvent)
            {
                firstStartId ??= id;
            }
        }

        return (startElements, firstStartId);
    }

    /// <summary>
    /// camunda:asyncAfter where it has no effect in Camunda 7 either: an error end event never ends its path itself (the
    /// error is thrown, and whatever catches it takes the token; Camunda's ErrorEndEventActivityBehavior only propagates
    /// it), and an event-based gateway is left by the event that occurs, not by its own end (Camunda 7 reference,
    /// "Event-based Gateway" → "Camunda Extensions" lists asyncBefore only; <see cref="CamundaSupport"/> warns of it).
    /// The error end event's is a warning here; both deploy without it.
    /// </summary>
    private FlowNode DropIneffectiveAsyncAfter(FlowNode node, XElement element)
    {
        if (node is EndEvent { AsyncAfter: true, Trigger: EventTrigger.Error })
        {
            var where = $"error {ReadContext.Describe(element)}";
            context.Warn(element, node.Id, $"camunda:asyncAfter has no effect on {where} (Camunda 7 ignores it there too: the error is thrown, and what catches it goes on); it is deployed without it", where, "camunda:asyncAfter");
        }

        return node is EventBasedGateway or EndEvent { Trigger: EventTrigger.Error } ? node with { AsyncAfter = false } : node;
    }

    private FlowNode? ReadNode(XElement element, string id, string? parentId, bool inEventSubProcess)
    {
        var localName = element.Name.LocalName;
        if (!IsSupported(localName))
        {
            var message = localName == "scriptTask" ? $"scriptTask '{id}' {ScriptTaskMessage}" : $"{localName} '{id}' is not supported";
            var code = localName switch
            {
                "scriptTask" => ProblemCodes.ScriptTaskUnsupported,
                "complexGateway" => ProblemCodes.ComplexGatewayUnsupported,
                "transaction" => ProblemCodes.TransactionUnsupported,
                _ => ProblemCodes.ElementUnsupported,
            };
            if (code == ProblemCodes.ElementUnsupported)
            {
                context.Report(element, id, message, code, ReadContext.Label(element), localName);
            }
            else
            {
                context.Report(element, id, message, code, ReadContext.Label(element));
            }
            return null;
        }

        CamundaSupport.Check(element, element, context);
        return localName switch
        {
            "startEvent" => inEventSubProcess ? EventReader.ReadEventSubProcessStart(element, id, context) : EventReader.ReadStart(element, id, parentId, context),
            "endEvent" => EventReader.ReadEnd(element, id, context),
            "intermediateCatchEvent" => EventReader.ReadCatch(element, id, context),
            "intermediateThrowEvent" => EventReader.ReadThrow(element, id, context),
            "boundaryEvent" => EventReader.ReadBoundary(element, id, context),
            "exclusiveGateway" => new ExclusiveGateway { Id = id, DefaultFlowId = element.Attr("default") },
            "inclusiveGateway" => new InclusiveGateway { Id = id, DefaultFlowId = element.Attr("default") },
            "parallelGateway" => new ParallelGateway { Id = id },
            "eventBasedGateway" => ReadEventBasedGateway(element, id),
            "userTask" => TaskReader.ReadUserTask(element, id, context),
            "serviceTask" or "sendTask" or "businessRuleTask" => TaskReader.ReadServiceTask(element, id, context),
            "receiveTask" => TaskReader.ReadReceiveTask(element, id, context),
            "task" or "manualTask" => new PassThroughTask { Id = id, Kind = localName },
            "callActivity" => CallActivityReader.Read(element, id, context),
            "subProcess" => ReadSubProcess(element, id),
            _ => throw new System.Diagnostics.UnreachableException($"IsSupported and ReadNode disagree on '{localName}'."),
        };
    }

    private static bool IsSupported(string localName) => localName is
        "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent"
        or "exclusiveGateway" or "inclusiveGateway" or "parallelGateway" or "eventBasedGateway"
        or "userTask" or "serviceTask" or "sendTask" or "businessRuleTask" or "receiveTask" or "task"
        or "manualTask" or "callActivity" or "subProcess";

    private EventBasedGateway? ReadEventBasedGateway(XElement element, string id)
    {
        // An instantiating event-based gateway starts a process without a start event; not supported.
        if (context.ReadBoolean(element, "instantiate", false, element))
        {
            context.Report(element, id, $"eventBasedGateway '{id}' with instantiate=\"true\" is not supported", ProblemCodes.EventGatewayInstantiate, ReadContext.Label(element));
            return null;
        }

        return new EventBasedGateway { Id = id };
    }

    private SubProcess? ReadSubProcess(XElement element, string id)
    {
        var triggered = context.ReadBoolean(element, "triggeredByEvent", false, element);
        var (startElements, startId) = ReadScope(element, id, triggered);
        if (triggered)
        {
            if (startElements != 1)
            {
                context.Report(element, id, $"event subProcess '{id}' must have exactly one start event (message, timer, signal, error or escalation), not {startElements}",
                    ProblemCodes.EventSubProcessStarts, ReadContext.Label(element), startElements.ToString(CultureInfo.InvariantCulture));
            }

            return new SubProcess { Id = id, StartEventId = startId ?? string.Empty, TriggeredByEvent = true };
        }

        if (startElements != 1)
        {
            if (startElements == 0)
            {
                context.Report(element, id, $"subProcess '{id}' has no start event", ProblemCodes.NoStartEvent, ReadContext.Label(element));
            }
            else
            {
                context.Report(element, id, $"subProcess '{id}' must have exactly one (none) start event, not {startElements}",
                    ProblemCodes.SubProcessStarts, ReadContext.Label(element), startElements.ToString(CultureInfo.InvariantCulture));
            }
        }

        // Empty only when a problem was reported (no start event, or a rejected one): the process is not deployed.
        return new SubProcess { Id = id, StartEventId = startId ?? string.Empty };
    }
}
