using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An inclusive gateway: joins when no other token of its scope can still reach it, then forks on every flow whose
/// condition holds.
/// </summary>
internal static class InclusiveGatewayBehavior
{
    /// <summary>
    /// Joins when no other token of the scope can still reach the gateway, then forks on every flow whose
    /// condition holds (the default flow when none does).
    /// </summary>
    internal static void Execute(InstanceRunner runner, TokenState token, InclusiveGateway gateway)
    {
        if (gateway.Incoming.Length > 1)
        {
            token.Phase = TokenPhase.Joined;
            if (CanStillArrive(runner, token.ScopeId, gateway.Id))
            {
                return;
            }

            foreach (var other in runner.State.Tokens.Where(t => t.ScopeId == token.ScopeId && t.NodeId == gateway.Id && t.Phase == TokenPhase.Joined && t != token).ToList())
            {
                runner.State.Tokens.Remove(other);
            }
        }

        var selected = new List<SequenceFlow>();
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId)
            {
                continue;
            }

            var flow = runner.Process.Flow(flowId);
            if (flow.Condition is null || runner.EvaluateCondition(token, flow))
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && gateway.DefaultFlowId is { } defaultFlow)
        {
            selected.Add(runner.Process.Flow(defaultFlow));
        }

        if (selected.Count == 0 && gateway.Outgoing.Length > 0)
        {
            throw new ElementFailure("noOutgoingFlow", $"inclusiveGateway '{gateway.Id}': no condition holds and there is no default flow.");
        }

        runner.Pass(token, gateway, selected);
    }

    /// <summary>
    /// Whether a token of the scope that is not yet joined at the gateway can still reach it: a token in the
    /// scope itself, or one inside a subprocess (represented by the subprocess's waiting token).
    /// </summary>
    internal static bool CanStillArrive(InstanceRunner runner, Guid scopeId, string gatewayId)
    {
        foreach (var other in runner.State.Tokens)
        {
            if (other.ScopeId != scopeId || (other.NodeId == gatewayId && other.Phase == TokenPhase.Joined))
            {
                continue;
            }

            if (Reaches(runner, other.NodeId, gatewayId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Graph reachability over sequence flows, including paths out of boundary events.</summary>
    internal static bool Reaches(InstanceRunner runner, string fromNodeId, string targetId)
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

            var node = runner.Process.Node(current);
            foreach (var flowId in node.Outgoing)
            {
                stack.Push(runner.Process.Flow(flowId).TargetId);
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
}
