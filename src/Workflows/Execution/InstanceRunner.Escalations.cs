using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>Escalation events: throwing, catching by boundary events, passing to the calling activity.</summary>
internal sealed partial class InstanceRunner
{
    /// <summary>
    /// Throws an escalation from the token at <paramref name="thrownAt"/> (Camunda 7 reference, "Escalation Events"):
    /// the nearest enclosing subprocess, or past the process the calling activity, with an escalation boundary event of
    /// that code (else a catch-all one) catches it. An interrupting one cancels that activity, the throwing path with
    /// it; a non-interrupting one starts its path beside it. Uncaught, nothing happens (an escalation is not critical,
    /// unlike an error). Returns whether the throwing token is still there to go on.
    /// </summary>
    internal bool ThrowEscalation(TokenState token, string? code, string thrownAt)
    {
        var details = new JsonObject { ["escalationCode"] = code };
        if (State.Scope(token.ScopeId).OwnerTokenId is { } owner && FindEscalationBoundary(State.FindToken(owner)!, code) is { } found)
        {
            details["caughtBy"] = found.Boundary.Id;
            Journal("EscalationThrown", thrownAt, details);
            CatchEscalation(found.Token, found.Boundary, code);
            return State.FindToken(token.Id) is not null;
        }

        if (State.ParentInstanceId is { } parent)
        {
            // The calling activity (or what encloses it, up the call hierarchy) may catch it; the path goes on meanwhile.
            details["toCaller"] = parent.ToString();
            Journal("EscalationThrown", thrownAt, details);
            Command.PropagateEscalationToCaller(parent, State.ParentTokenId!.Value, code, State.Id);
            return true;
        }

        Journal("EscalationThrown", thrownAt, details);
        return true;
    }

    /// <summary>
    /// An escalation from the instance <paramref name="fromInstance"/> this one called, at the call activity's token:
    /// caught here (journaled as <c>EscalationCaught</c>), or passed on to this instance's own caller.
    /// </summary>
    public void EscalationFromCalled(TokenState callToken, string? code, Guid fromInstance)
    {
        if (FindEscalationBoundary(callToken, code) is { } found)
        {
            Journal("EscalationCaught", found.Boundary.Id, new JsonObject { ["escalationCode"] = code, ["fromInstance"] = fromInstance.ToString() });
            CatchEscalation(found.Token, found.Boundary, code);
        }
        else if (State.ParentInstanceId is { } parent)
        {
            Command.PropagateEscalationToCaller(parent, State.ParentTokenId!.Value, code, State.Id);
        }
    }

    /// <summary>From <paramref name="from"/> outward: the first activity with an escalation boundary of the code, else a catch-all one.</summary>
    internal (TokenState Token, BoundaryEvent Boundary)? FindEscalationBoundary(TokenState from, string? code)
    {
        for (var current = from; ;)
        {
            if (!current.IsIteration && Process.Node(current.NodeId) is Activity activity)
            {
                var boundaries = activity.BoundaryEvents.Select(Process.Node).OfType<BoundaryEvent>().Where(b => b.Trigger == EventTrigger.Escalation).ToList();
                if ((boundaries.Find(b => code is not null && b.EscalationCode == code) ?? boundaries.Find(b => b.EscalationCode is null)) is { } boundary)
                {
                    return (current, boundary);
                }
            }

            if (State.Scope(current.ScopeId).OwnerTokenId is not { } owner)
            {
                return null;
            }

            current = State.FindToken(owner)!;
        }
    }

    internal void CatchEscalation(TokenState at, BoundaryEvent boundary, string? code)
    {
        SetVariable(at.ScopeId, "escalationCode", code);
        BoundaryEventBehavior.Fire(this, at, boundary);
    }
}
