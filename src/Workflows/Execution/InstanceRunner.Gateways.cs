using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    /// <summary>The first outgoing flow (in document order) whose condition holds, else the default flow.</summary>
    private void ExecuteExclusiveGateway(TokenState token, ExclusiveGateway gateway)
    {
        SequenceFlow? chosen = null;
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId)
            {
                continue;
            }

            var flow = Process.Flow(flowId);
            if (flow.Condition is null || EvaluateCondition(token, flow))
            {
                chosen = flow;
                break;
            }
        }

        if (chosen is null && gateway.DefaultFlowId is { } defaultFlow)
        {
            chosen = Process.Flow(defaultFlow);
        }

        if (chosen is null)
        {
            throw new ElementFailure("noOutgoingFlow", $"exclusiveGateway '{gateway.Id}': no condition holds and there is no default flow.");
        }

        MarkCompleted(gateway.Id);
        Follow(token, [chosen]);
    }

    /// <summary>
    /// Joins when a token has arrived on every incoming flow (extra tokens on one flow, e.g. from a loop,
    /// wait for the next activation, as BPMN 2.0 §13.3.4 says), then forks on every outgoing flow.
    /// Deliberate deviation from Camunda 7, which counts arrivals regardless of the flow.
    /// </summary>
    private void ExecuteParallelGateway(TokenState token, ParallelGateway gateway)
    {
        if (gateway.Incoming.Length > 1)
        {
            token.Phase = TokenPhase.Joined;
            var waiting = State.Tokens.Where(t => t.ScopeId == token.ScopeId && t.NodeId == gateway.Id && t.Phase == TokenPhase.Joined).ToList();
            var onePerFlow = new List<TokenState>();
            foreach (var incoming in gateway.Incoming)
            {
                var arrived = waiting.Find(t => t.ArrivedVia == incoming);
                if (arrived is null)
                {
                    return;
                }

                onePerFlow.Add(arrived);
            }

            foreach (var consumed in onePerFlow.Where(t => t != token))
            {
                State.Tokens.Remove(consumed);
            }
        }

        MarkCompleted(gateway.Id);
        Follow(token, gateway.Outgoing.Select(Process.Flow).ToList());
    }

    /// <summary>
    /// Joins when no other token of the scope can still reach the gateway, then forks on every flow whose
    /// condition holds (the default flow when none does).
    /// </summary>
    private void ExecuteInclusiveGateway(TokenState token, InclusiveGateway gateway)
    {
        if (gateway.Incoming.Length > 1)
        {
            token.Phase = TokenPhase.Joined;
            if (CanStillArrive(token.ScopeId, gateway.Id))
            {
                return;
            }

            foreach (var other in State.Tokens.Where(t => t.ScopeId == token.ScopeId && t.NodeId == gateway.Id && t.Phase == TokenPhase.Joined && t != token).ToList())
            {
                State.Tokens.Remove(other);
            }
        }

        var selected = new List<SequenceFlow>();
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId)
            {
                continue;
            }

            var flow = Process.Flow(flowId);
            if (flow.Condition is null || EvaluateCondition(token, flow))
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && gateway.DefaultFlowId is { } defaultFlow)
        {
            selected.Add(Process.Flow(defaultFlow));
        }

        if (selected.Count == 0 && gateway.Outgoing.Length > 0)
        {
            throw new ElementFailure("noOutgoingFlow", $"inclusiveGateway '{gateway.Id}': no condition holds and there is no default flow.");
        }

        MarkCompleted(gateway.Id);
        Follow(token, selected);
    }

    /// <summary>
    /// Whether a token of the scope that is not yet joined at the gateway can still reach it: a token in the
    /// scope itself, or one inside a subprocess (represented by the subprocess's waiting token).
    /// </summary>
    private bool CanStillArrive(Guid scopeId, string gatewayId)
    {
        foreach (var other in State.Tokens)
        {
            if (other.ScopeId != scopeId || (other.NodeId == gatewayId && other.Phase == TokenPhase.Joined))
            {
                continue;
            }

            if (Reaches(other.NodeId, gatewayId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Graph reachability over sequence flows, including paths out of boundary events.</summary>
    private bool Reaches(string fromNodeId, string targetId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(fromNodeId);
        while (stack.TryPop(out var current))
        {
            if (current == targetId)
            {
                return true;
            }

            if (!seen.Add(current))
            {
                continue;
            }

            var node = Process.Node(current);
            foreach (var flowId in node.Outgoing)
            {
                stack.Push(Process.Flow(flowId).TargetId);
            }

            if (node is Activity activity)
            {
                foreach (var boundary in activity.BoundaryEvents)
                {
                    stack.Push(boundary);
                }
            }
        }

        return false;
    }

    /// <summary>Subscribes to every event after the gateway; the first to occur takes the token.</summary>
    private void WaitAtEventBasedGateway(TokenState token, EventBasedGateway gateway)
    {
        token.Phase = TokenPhase.Waiting;
        foreach (var flowId in gateway.Outgoing)
        {
            var target = Process.Node(Process.Flow(flowId).TargetId);
            switch (target)
            {
                case IntermediateCatchEvent { Trigger: EventTrigger.Message, MessageName: { } message }:
                    Subscribe(token, target.Id, message);
                    break;
                case ReceiveTask receive:
                    Subscribe(token, receive.Id, receive.MessageName);
                    break;
                case IntermediateCatchEvent { Trigger: EventTrigger.Timer, Timer: { } timer }:
                    AddTimer(token, target.Id, timer);
                    break;
            }
        }
    }

    /// <summary>The event after an event-based gateway occurred: the other events are withdrawn.</summary>
    private void TakeEventBasedGateway(TokenState token, FlowNode occurred)
    {
        State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
        State.Jobs.RemoveAll(j => j.TokenId == token.Id);
        End(token, Process.Node(token.NodeId));
        MarkCompleted(token.NodeId);
        token.ArrivedVia = occurred.Incoming.FirstOrDefault();
        if (token.ArrivedVia is { } flowId)
        {
            Take(token, Process.Flow(flowId));
        }

        token.NodeId = occurred.Id;
        Journal("ActivityStarted", occurred.Id);
        Begin(token, occurred);
        Leave(token, occurred);
    }
}
