using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>The runner's verbs for moving on: leave an element, follow flows, start and end tokens.</summary>
internal sealed partial class InstanceRunner
{
    /// <summary>
    /// Completes the node the token is on and follows its outgoing flows: all unconditional flows plus
    /// conditional ones that hold (BPMN 2.0 §13.2.1 "uncontrolled flow"); none at all ends the token.
    /// </summary>
    public void Leave(TokenState token, FlowNode node)
    {
        if (node is Activity activity)
        {
            BoundaryEventBehavior.Detach(this, token, activity);
        }

        if (!token.AsyncAfterDone && !token.IsMultiInstanceBody)
        {
            // The element ends: its end listeners, then its outputs (an asynchronous continuation comes after both).
            End(token, node);
            if (node.AsyncAfter)
            {
                AddAsyncJob(token, node, after: true);
                return;
            }
        }

        MarkCompleted(node.Id);
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;

        if (token.IsIteration)
        {
            EndToken(token);
            return;
        }

        if (token.PendingFlows is { } chosen)
        {
            // A gateway with asyncAfter chose its flows before the job; they are taken as chosen.
            token.PendingFlows = null;
            Follow(token, [.. chosen.Select(Process.Flow)]);
            return;
        }

        var flows = SelectOutgoing(token, node);
        Follow(token, flows);
    }

    internal List<SequenceFlow> SelectOutgoing(TokenState token, FlowNode node)
    {
        var selected = new List<SequenceFlow>(node.Outgoing.Length);
        foreach (var flowId in node.Outgoing)
        {
            var flow = Process.Flow(flowId);
            if (flow.Condition is null || EvaluateCondition(token, flow))
            {
                selected.Add(flow);
            }
        }

        if (selected.Count == 0 && node.Outgoing.Length > 0)
        {
            throw new ElementFailure("noOutgoingFlow", $"No outgoing sequence flow of {node.ElementType} '{node.Id}' has a condition that holds.");
        }

        return selected;
    }

    /// <summary>A gateway passes the token on along the flows it chose: its end listeners run, then the flows are taken.</summary>
    /// <remarks>
    /// With <c>camunda:asyncAfter</c> the chosen flows are kept on the token and taken in one job of its own transaction
    /// (Camunda 7 makes a job per outgoing flow; the flows and what they lead to are the same).
    /// </remarks>
    internal void Pass(TokenState token, FlowNode gateway, IReadOnlyList<SequenceFlow> flows)
    {
        End(token, gateway);
        if (gateway.AsyncAfter && !token.AsyncAfterDone)
        {
            token.PendingFlows = [.. flows.Select(f => f.Id)];
            AddAsyncJob(token, gateway, after: true);
            return;
        }

        MarkCompleted(gateway.Id);
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;
        Follow(token, flows);
    }

    /// <summary>Sends the token down the first flow and new tokens down the others; no flow ends it.</summary>
    internal void Follow(TokenState token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            EndToken(token);
            return;
        }

        for (var i = 1; i < flows.Count; i++)
        {
            var branch = NewToken(token.ScopeId, flows[i].TargetId);
            branch.ArrivedVia = flows[i].Id;
            Take(branch, flows[i]);
            Schedule(branch);
        }

        Take(token, flows[0]);

        // A token moving on is new at its next node: its continuations there have not run yet.
        token.NodeId = flows[0].TargetId;
        token.ArrivedVia = flows[0].Id;
        token.AsyncBeforeDone = false;
        token.AsyncAfterDone = false;
        Schedule(token);
    }

    internal TokenState NewToken(Guid scopeId, string nodeId)
    {
        Command.Budget.SpendToken(this, nodeId);
        var token = new TokenState { Id = Command.NewId(), ScopeId = scopeId, NodeId = nodeId, Phase = TokenPhase.Ready };
        State.Tokens.Add(token);
        return token;
    }

    /// <summary>Removes a token that has nothing more to do; its scope completes when it was the last.</summary>
    internal void EndToken(TokenState token)
    {
        State.Tokens.Remove(token);
        var scopeId = token.ScopeId;
        if (!State.Tokens.Exists(t => t.ScopeId == scopeId) && State.Scopes.Exists(s => s.Id == scopeId))
        {
            CompleteScope(State.Scope(scopeId));
        }
    }

    internal void MarkCompleted(string activityId)
    {
        State.CompletedActivities.Add(activityId);
        if (Process.Node(activityId) is not UserTask)
        {
            // A user task's completion is journaled as TaskCompleted, with who did it and the variables.
            Journal("ActivityCompleted", activityId);
        }
    }

    internal bool EvaluateCondition(TokenState token, SequenceFlow flow)
    {
        var expression = Loaded.Definition.Expression(flow.Condition!);
        try
        {
            return ExpressionValues.ToBoolean(expression.Evaluate(Variables(token)), expression.Text);
        }
        catch (ExpressionException ex)
        {
            throw new ElementFailure("expression", $"Condition of sequence flow '{flow.Id}': {ex.Message}");
        }
    }
}
