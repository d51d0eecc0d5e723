using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// A parallel gateway: joins one token per incoming flow, then forks on every outgoing flow.
/// </summary>
internal static class ParallelGatewayBehavior
{
    /// <summary>
    /// Joins when a token has arrived on every incoming flow (extra tokens on one flow, e.g. from a loop,
    /// wait for the next activation, as BPMN 2.0 §13.3.4 says), then forks on every outgoing flow.
    /// Deliberate deviation from Camunda 7, which counts arrivals regardless of the flow.
    /// </summary>
    internal static void Execute(InstanceRunner runner, TokenState token, ParallelGateway gateway)
    {
        if (gateway.Incoming.Length > 1)
        {
            token.Phase = TokenPhase.Joined;
            var waiting = runner.State.Tokens.Where(t => t.ScopeId == token.ScopeId && t.NodeId == gateway.Id && t.Phase == TokenPhase.Joined).ToList();
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
                runner.State.Tokens.Remove(consumed);
            }
        }

        runner.Pass(token, gateway, gateway.Outgoing.Select(runner.Process.Flow).ToList());
    }
}
