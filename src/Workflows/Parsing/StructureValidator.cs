using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Checks the shape of a linked process graph: how each kind of node may be connected, default flows,
/// what may follow an event-based gateway, and the start events of the process.
/// </summary>
/// <remarks>
/// Like Camunda, an activity or an intermediate event without outgoing flow is an implicit end and is accepted;
/// a gateway without outgoing flow is always a modelling error.
/// </remarks>
internal static class StructureValidator
{
    public static void Validate(IReadOnlyList<FlowNode> nodes, IReadOnlyList<SequenceFlow> flows, ReadContext context)
    {
        var nodesById = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var flowsById = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        foreach (var flow in flows)
        {
            flowsById.TryAdd(flow.Id, flow);
        }

        foreach (var node in nodes)
        {
            ValidateConnections(node, context);
            switch (node)
            {
                case BoundaryEvent { Trigger: EventTrigger.Escalation } escalation
                    when nodesById.TryGetValue(escalation.AttachedToId, out var host) && host is not (SubProcess or CallActivity):
                    // Only what runs other steps can receive an escalation from them (Camunda 7, "Escalation Events").
                    context.Report(escalation.Id, escalation.Location.Line,
                        $"escalation boundary event '{escalation.Id}' is attached to {host.ElementType} '{host.Id}'; attach it to a subprocess or a call activity",
                        ProblemCodes.EscalationBoundaryHost, escalation.Label, host.Label);
                    break;
                case ExclusiveGateway { DefaultFlowId: { } defaultFlow }:
                    ValidateDefaultFlow(node, defaultFlow, flowsById, context);
                    break;
                case InclusiveGateway { DefaultFlowId: { } defaultFlow }:
                    ValidateDefaultFlow(node, defaultFlow, flowsById, context);
                    break;
                case EventBasedGateway:
                    ValidateEventTargets(node, nodesById, flowsById, context);
                    break;
            }
        }

        ValidateStartEvents(nodes, context);
        ValidateLinks(nodes, context);
    }

    /// <summary>In each scope (process or subprocess): one catch per link name, and a catch for every throw.</summary>
    private static void ValidateLinks(IReadOnlyList<FlowNode> nodes, ReadContext context)
    {
        var catches = new Dictionary<(string? Scope, string Name), IntermediateCatchEvent>();
        foreach (var link in nodes.OfType<IntermediateCatchEvent>().Where(c => c.Trigger == EventTrigger.Link))
        {
            if (!catches.TryAdd((link.ParentId, link.LinkName!), link))
            {
                var first = catches[(link.ParentId, link.LinkName!)];
                context.Report(link.Id, link.Location.Line, $"intermediateCatchEvent '{link.Id}' catches link '{link.LinkName}', which '{first.Id}' already catches in the same scope",
                    ProblemCodes.LinkCatchDuplicate, link.Label, link.LinkName!, first.Label);
            }
        }

        foreach (var link in nodes.OfType<IntermediateThrowEvent>().Where(t => t.LinkName is not null))
        {
            if (!catches.ContainsKey((link.ParentId, link.LinkName!)))
            {
                context.Report(link.Id, link.Location.Line, $"intermediateThrowEvent '{link.Id}' throws link '{link.LinkName}', but no link catch event of that name is in the same scope", ProblemCodes.LinkCatchMissing, link.Label, link.LinkName!);
            }
        }
    }

    private static void ValidateConnections(FlowNode node, ReadContext context)
    {
        void ReportCoded(string problem, string code) =>
            context.Report(node.Id, node.Location.Line, $"{node.ElementType} '{node.Id}' {problem}", code, node.Label);

        switch (node)
        {
            case SubProcess { TriggeredByEvent: true } eventSubProcess:
                // Its start event starts it; no flow may lead in or out (Camunda 7 reference, "Event Subprocess").
                if (!node.Incoming.IsEmpty || !node.Outgoing.IsEmpty)
                {
                    ReportCoded("is an event subprocess and has sequence flows; it is started by its start event only", ProblemCodes.EventSubProcessFlows);
                }

                if (!eventSubProcess.BoundaryEvents.IsEmpty || eventSubProcess.MultiInstance is not null || eventSubProcess.InputOutput is not null)
                {
                    ReportCoded("is an event subprocess; boundary events, multi-instance and input/output mappings on it are not supported", ProblemCodes.EventSubProcessAttachments);
                }

                return;
            case StartEvent:
                if (!node.Incoming.IsEmpty)
                {
                    ReportCoded("has incoming sequence flows", ProblemCodes.IncomingFlowNotAllowed);
                }

                if (node.Outgoing.IsEmpty)
                {
                    ReportCoded("has no outgoing sequence flow", ProblemCodes.NoOutgoingFlow);
                }

                return;
            case BoundaryEvent:
                if (!node.Incoming.IsEmpty)
                {
                    ReportCoded("has incoming sequence flows", ProblemCodes.IncomingFlowNotAllowed);
                }

                return;
            case IntermediateCatchEvent { Trigger: EventTrigger.Link }:
                // BPMN 2.0 §10.5.6: a link catch is entered only through its throws.
                if (!node.Incoming.IsEmpty)
                {
                    ReportCoded("is a link catch event and has incoming sequence flows; only link throw events lead to it", ProblemCodes.LinkCatchIncoming);
                }

                if (node.Outgoing.IsEmpty)
                {
                    ReportCoded("has no outgoing sequence flow", ProblemCodes.NoOutgoingFlow);
                }

                return;
            case IntermediateThrowEvent { LinkName: not null } when !node.Outgoing.IsEmpty:
                ReportCoded("is a link throw event and has outgoing sequence flows; the token continues at its link catch event", ProblemCodes.LinkThrowOutgoing);
                break;
            case EndEvent when !node.Outgoing.IsEmpty:
                ReportCoded("has outgoing sequence flows", ProblemCodes.EndEventOutgoing);
                break;
            case ExclusiveGateway or InclusiveGateway or ParallelGateway or EventBasedGateway when node.Outgoing.IsEmpty:
                ReportCoded("has no outgoing sequence flow", ProblemCodes.NoOutgoingFlow);
                break;
        }

        if (node.Incoming.IsEmpty)
        {
            ReportCoded("has no incoming sequence flow", ProblemCodes.NoIncomingFlow);
        }
    }

    private static void ValidateDefaultFlow(FlowNode gateway, string defaultFlow, Dictionary<string, SequenceFlow> flows, ReadContext context)
    {
        var prefix = $"The default flow '{defaultFlow}' of {gateway.ElementType} '{gateway.Id}'";
        if (!gateway.Outgoing.Contains(defaultFlow))
        {
            context.Report(gateway.Id, gateway.Location.Line, $"{prefix} is not one of its outgoing sequence flows", ProblemCodes.DefaultFlowNotOutgoing, gateway.Label, defaultFlow);
        }
        else if (flows.TryGetValue(defaultFlow, out var flow) && flow.Condition is not null)
        {
            // A default flow is taken when no condition holds; a condition of its own contradicts that.
            context.Report(flow.Id, flow.Location.Line, $"{prefix} must not have a condition", ProblemCodes.DefaultFlowWithCondition, ReadContext.Label(flow.Name, flow.Id), gateway.Label);
        }
    }

    private static void ValidateEventTargets(
        FlowNode gateway, Dictionary<string, FlowNode> nodes, Dictionary<string, SequenceFlow> flows, ReadContext context)
    {
        foreach (var flowId in gateway.Outgoing)
        {
            // Flows and targets that were rejected or are unknown have been reported already.
            if (!flows.TryGetValue(flowId, out var flow) || !nodes.TryGetValue(flow.TargetId, out var target))
            {
                continue;
            }

            if (target is not (IntermediateCatchEvent { Trigger: not (EventTrigger.Link or EventTrigger.Conditional) } or ReceiveTask))
            {
                context.Report(gateway.Id, gateway.Location.Line,
                    $"eventBasedGateway '{gateway.Id}' leads to {target.ElementType} '{target.Id}'; only message, signal or timer intermediate catch events and receive tasks may follow it",
                    ProblemCodes.EventGatewayTarget, gateway.Label, target.Label);
            }
        }
    }

    private static void ValidateStartEvents(IReadOnlyList<FlowNode> nodes, ReadContext context)
    {
        var starts = nodes.OfType<StartEvent>().Where(s => s.ParentId is null).ToList();
        var noneStarts = starts.Where(s => s.Trigger == EventTrigger.None).ToList();
        foreach (var extra in noneStarts.Skip(1))
        {
            context.Report(extra.Id, extra.Location.Line, $"startEvent '{extra.Id}' is a second none start event; a process can have only one", ProblemCodes.SecondNoneStart, extra.Label, noneStarts[0].Label);
        }

        // A message must start exactly one thing, or correlation could not choose.
        foreach (var group in starts.Where(s => s.MessageName is not null).GroupBy(s => s.MessageName, StringComparer.Ordinal))
        {
            foreach (var extra in group.Skip(1))
            {
                context.Report(extra.Id, extra.Location.Line, $"startEvent '{extra.Id}' waits for message '{group.Key}', which already starts '{group.First().Id}'",
                    ProblemCodes.MessageStartDuplicate, extra.Label, group.Key!, group.First().Label);
            }
        }
    }
}
