using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>Escalation events: throwing, catching by boundary events or event subprocesses, passing to the calling activity.</summary>
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
        if (FindEscalationCatcher(null, State.Scope(token.ScopeId), code) is { } found)
        {
            details["caughtBy"] = found.CatcherId;
            Journal("EscalationThrown", thrownAt, details);
            Catch(found, code);
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
        if (FindEscalationCatcher(callToken, State.Scope(callToken.ScopeId), code) is { } found)
        {
            Journal("EscalationCaught", found.CatcherId, new JsonObject { ["escalationCode"] = code, ["fromInstance"] = fromInstance.ToString() });
            Catch(found, code);
        }
        else if (State.ParentInstanceId is { } parent)
        {
            Command.PropagateEscalationToCaller(parent, State.ParentTokenId!.Value, code, State.Id);
        }
    }

    /// <summary>
    /// From the activity at <paramref name="at"/> (none for a throw event) in <paramref name="scope"/> outward: at each
    /// level the activity's escalation boundary of the code (else a catch-all one), then an escalation event subprocess
    /// of the scope it runs in, then the enclosing subprocess.
    /// </summary>
    internal EscalationCatcher? FindEscalationCatcher(TokenState? at, ScopeState scope, string? code)
    {
        for (var current = at; ;)
        {
            if (current is { IsIteration: false } && Process.Node(current.NodeId) is Activity activity)
            {
                var boundaries = activity.BoundaryEvents.Select(Process.Node).OfType<BoundaryEvent>().Where(b => b.Trigger == EventTrigger.Escalation).ToList();
                if ((boundaries.Find(b => code is not null && b.EscalationCode == code) ?? boundaries.Find(b => b.EscalationCode is null)) is { } boundary)
                {
                    return new EscalationCatcher(current, boundary, null, null);
                }
            }

            var level = current is null ? scope : State.Scope(current.ScopeId);
            if (EventSubProcessStart(level, EventTrigger.Escalation, code) is { } start)
            {
                return new EscalationCatcher(null, null, level, start);
            }

            if (level.OwnerTokenId is not { } owner)
            {
                return null;
            }

            current = State.FindToken(owner)!;
        }
    }

    private void Catch(EscalationCatcher found, string? code)
    {
        if (found.Boundary is { } boundary)
        {
            CatchEscalation(found.Token!, boundary, code);
            return;
        }

        SetVariable(found.Scope!.Id, "escalationCode", code);
        StartEventSubProcess(found.Scope, found.Start!, null);
    }

    internal void CatchEscalation(TokenState at, BoundaryEvent boundary, string? code)
    {
        SetVariable(at.ScopeId, "escalationCode", code);
        BoundaryEventBehavior.Fire(this, at, boundary);
    }
}

/// <summary>What catches an escalation: a boundary event on an activity's token, or an event subprocess of a scope.</summary>
internal sealed record EscalationCatcher(TokenState? Token, BoundaryEvent? Boundary, ScopeState? Scope, StartEvent? Start)
{
    public string CatcherId => Boundary?.Id ?? Start!.Id;
}
