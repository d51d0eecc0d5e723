using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Conditional events (Camunda 7 reference, "Conditional Events"): an intermediate catch passes at once if its
/// condition holds, else waits; conditional boundary events and conditional event subprocess starts wait. Whenever a
/// command has changed variables of the instance (of the names a condition lists in <c>camunda:variableName</c>, or any;
/// by the kinds of change it lists in <c>camunda:variableEvents</c>, create or update, or any),
/// the waiting conditions are evaluated when the instance's tokens have settled: a catch that holds passes, an
/// interrupting boundary or event subprocess fires; a non-interrupting one fires when its condition comes to hold (not
/// again while it keeps holding, so that its own path's changes cannot set it off in a loop).
/// </summary>
internal sealed partial class InstanceRunner
{
    /// <summary>Evaluates a condition in a scope; a failure is an <c>expression</c> failure of the element.</summary>
    internal bool ConditionHolds(Guid scopeId, ConditionalDefinition conditional)
    {
        var expression = Loaded.Definition.Expression(conditional.Condition);
        return ExpressionValues.ToBoolean(expression.Evaluate(new ScopeVariables(this, scopeId)), expression.Text);
    }

    /// <summary>Evaluates the waiting conditional events after variables changed; true when any of them fired.</summary>
    private bool EvaluateConditionalEvents()
    {
        var changed = _changedVariables!;
        _changedVariables = null;
        var fired = false;
        foreach (var token in State.Tokens.ToList())
        {
            if (State.FindToken(token.Id) is null || token.Phase != TokenPhase.Waiting)
            {
                continue;
            }

            var node = Process.Node(token.NodeId);
            try
            {
                if (node is IntermediateCatchEvent { Conditional: { } catchCondition } catchEvent && Relevant(catchCondition, changed))
                {
                    if (Holds(token, catchEvent.Id, VariableScopeOf(token), catchCondition))
                    {
                        Journal("ConditionMet", catchEvent.Id);
                        Leave(token, catchEvent);
                        fired = true;
                    }
                }
                else if (node is Activity { BoundaryEvents.IsEmpty: false } activity && !token.IsIteration)
                {
                    fired |= EvaluateBoundaries(token, activity, changed);
                }
            }
            catch (Exception ex) when (ex is ElementFailure or ExpressionException)
            {
                // What the event set off failed (a condition on the way out, a listener): the token stops there.
                RaiseIncident(token, token.NodeId, ex is ElementFailure failure ? failure.IncidentType : "expression", ex.Message);
            }
        }

        foreach (var scope in State.Scopes.ToList())
        {
            fired |= EvaluateEventSubProcesses(scope, changed);
        }

        return fired;
    }

    private bool EvaluateBoundaries(TokenState token, Activity activity, Dictionary<string, VariableChange> changed)
    {
        foreach (var boundary in activity.BoundaryEvents.Select(Process.Node).OfType<BoundaryEvent>())
        {
            if (boundary.Conditional is not { } condition || !Relevant(condition, changed) || State.FindToken(token.Id) is null)
            {
                continue;
            }

            var holds = Holds(token, boundary.Id, token.ScopeId, condition);
            if (boundary.CancelActivity ? holds : Rising(token.Id, boundary.Id, holds))
            {
                Journal("ConditionMet", boundary.Id);
                BoundaryEventBehavior.Fire(this, token, boundary);
                return true;
            }
        }

        return false;
    }

    private bool EvaluateEventSubProcesses(ScopeState scope, Dictionary<string, VariableChange> changed)
    {
        if (Process.EventSubProcesses.IsDefaultOrEmpty || scope.Kind is not (ScopeKind.Process or ScopeKind.SubProcess) || !State.Scopes.Contains(scope))
        {
            return false;
        }

        var container = scope.Kind == ScopeKind.Process ? null : scope.ActivityId;
        foreach (var id in Process.EventSubProcesses)
        {
            var eventSubProcess = (SubProcess)Process.Node(id);
            if (eventSubProcess.ParentId != container || Process.Node(eventSubProcess.StartEventId) is not StartEvent { Conditional: { } condition } start
                || !Relevant(condition, changed))
            {
                continue;
            }

            bool holds;
            try
            {
                holds = ConditionHolds(scope.Id, condition);
            }
            catch (ExpressionException ex)
            {
                // No token waits there to carry an incident: the failure is journaled and the start keeps waiting.
                Journal("ConditionFailed", start.Id, new JsonObject { ["message"] = ex.Message });
                continue;
            }

            if (start.IsInterrupting ? holds : Rising(scope.Id, start.Id, holds))
            {
                Journal("ConditionMet", start.Id);
                StartEventSubProcess(scope, start, null);
                return true;
            }
        }

        return false;
    }

    /// <summary>A condition of a token's element; a failure raises an incident on the token (the condition is not met).</summary>
    private bool Holds(TokenState token, string elementId, Guid scopeId, ConditionalDefinition condition)
    {
        try
        {
            return ConditionHolds(scopeId, condition);
        }
        catch (ExpressionException ex)
        {
            RaiseIncident(token, elementId, "expression", $"Condition of '{elementId}': {ex.Message}");
            return false;
        }
    }

    /// <summary>A change this condition listens to: of one of its variables (any when it names none), of a kind it names.</summary>
    private static bool Relevant(ConditionalDefinition condition, Dictionary<string, VariableChange> changed) =>
        changed.Any(c => (condition.VariableEvents & c.Value) != 0
            && (condition.VariableNames.IsDefaultOrEmpty || condition.VariableNames.Contains(c.Key, StringComparer.Ordinal)));

    /// <summary>For a non-interrupting event: whether the condition has just come to hold (and records that it holds).</summary>
    private bool Rising(Guid ownerId, string elementId, bool holds)
    {
        var key = $"{ownerId:N}:{elementId}";
        var held = State.ConditionsHeld ??= [];
        if (!holds)
        {
            held.Remove(key);
            if (held.Count == 0)
            {
                State.ConditionsHeld = null;
            }

            return false;
        }

        if (held.Contains(key))
        {
            return false;
        }

        held.Add(key);
        return true;
    }
}
