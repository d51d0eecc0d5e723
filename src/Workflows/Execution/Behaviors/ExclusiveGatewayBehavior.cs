using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// An exclusive gateway: the first outgoing flow (in document order) whose condition holds, else the default flow.
/// </summary>
internal static class ExclusiveGatewayBehavior
{
    /// <summary>The first outgoing flow (in document order) whose condition holds, else the default flow.</summary>
    internal static void Execute(InstanceRunner runner, TokenState token, ExclusiveGateway gateway)
    {
        SequenceFlow? chosen = null;
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId)
            {
                continue;
            }

            var flow = runner.Process.Flow(flowId);
            if (flow.Condition is null || runner.EvaluateCondition(token, flow))
            {
                chosen = flow;
                break;
            }
        }

        if (chosen is null && gateway.DefaultFlowId is { } defaultFlow)
        {
            chosen = runner.Process.Flow(defaultFlow);
        }

        if (chosen is null)
        {
            throw new ElementFailure("noOutgoingFlow", $"exclusiveGateway '{gateway.Id}': no condition holds and there is no default flow.");
        }

        runner.Pass(token, gateway, [chosen]);
    }
}
