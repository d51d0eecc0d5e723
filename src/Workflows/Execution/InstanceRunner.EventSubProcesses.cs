using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Event subprocesses (Camunda 7 reference, "Event Subprocess"). While a process or embedded subprocess runs, the
/// start events of the event subprocesses directly inside it listen: a message or signal wait and a timer owned by the
/// scope itself (not by a token), gone with the scope. An error or escalation raised in the scope and not caught
/// nearer reaches an error or escalation start. Triggered, an interrupting one cancels every path of its scope (and
/// the scope's other listeners) and runs in its place, so the scope ends when it ends; a non-interrupting one runs
/// beside them and keeps listening (a message, signal or timer cycle can start it again).
/// </summary>
internal sealed partial class InstanceRunner
{
    /// <summary>Arms the listening event subprocesses directly inside <paramref name="containerId"/> (null: the process) for <paramref name="scope"/>.</summary>
    internal void ArmEventSubProcesses(ScopeState scope, string? containerId, HashSet<string>? only = null)
    {
        if (Process.EventSubProcesses.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var id in Process.EventSubProcesses)
        {
            var eventSubProcess = (SubProcess)Process.Node(id);
            if (eventSubProcess.ParentId != containerId || Process.Node(eventSubProcess.StartEventId) is not StartEvent start
                || (only is not null && !only.Contains(start.Id)))
            {
                continue;
            }

            switch (start.Trigger)
            {
                case EventTrigger.Message:
                    Subscribe(scope.Id, start.Id, start.MessageName!);
                    break;
                case EventTrigger.Signal:
                    Subscribe(scope.Id, start.Id, SignalKeys.Of(ResolveSignalName(scope.Id, start.Id, start.SignalName!)));
                    break;
                case EventTrigger.Timer:
                    AddTimer(scope.Id, scope.Id, start.Id, start.Timer!);
                    break;
            }
        }
    }

    /// <summary>
    /// Migration, before the instance moves: the listeners of event subprocesses its scopes hold are kept when their
    /// start event maps onto an event subprocess start of the same kind in the target (a timer keeps its due time,
    /// a message or signal takes the target's name as the subscriptions are renamed), and removed otherwise.
    /// Returns the target's event subprocess start events that nothing maps onto: new listeners to arm afterwards.
    /// </summary>
    internal HashSet<string> PruneEventSubProcessListeners(CompiledDefinition source, CompiledDefinition target, Func<string, string> to)
    {
        bool Kept(string startId) =>
            source.Process.Nodes.GetValueOrDefault(startId) is StartEvent from
            && target.Process.Nodes.GetValueOrDefault(to(startId)) is StartEvent mapped
            && mapped.Trigger == from.Trigger && IsEventSubProcessStart(target.Process, mapped);
        var scopes = State.Scopes.Select(s => s.Id).ToHashSet();
        State.Subscriptions.RemoveAll(s => scopes.Contains(s.TokenId) && !Kept(s.ActivityId));
        State.Jobs.RemoveAll(j => j.TokenId is { } owner && scopes.Contains(owner) && !Kept(j.ActivityId));

        var fresh = target.Process.EventSubProcesses.Select(id => ((SubProcess)target.Process.Node(id)).StartEventId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in source.Process.EventSubProcesses)
        {
            fresh.Remove(to(((SubProcess)source.Process.Node(id)).StartEventId));
        }

        return fresh;
    }

    /// <summary>Migration, after the instance moved: each scope arms the event subprocesses new in the target.</summary>
    internal void ArmNewEventSubProcesses(HashSet<string> starts)
    {
        if (starts.Count == 0)
        {
            return;
        }

        foreach (var scope in State.Scopes.Where(s => s.Kind is ScopeKind.Process or ScopeKind.SubProcess).ToList())
        {
            ArmEventSubProcesses(scope, scope.Kind == ScopeKind.Process ? null : scope.ActivityId, starts);
        }
    }

    private static bool IsEventSubProcessStart(ProcessDefinition process, StartEvent start) =>
        start.ParentId is { } parent && process.EventSubProcesses.Contains(parent);

    /// <summary>The scope ends (or an interrupting event subprocess took it over): its listeners stop.</summary>
    internal void DisarmEventSubProcesses(Guid scopeId)
    {
        State.Subscriptions.RemoveAll(s => s.TokenId == scopeId);
        State.Jobs.RemoveAll(j => j.TokenId == scopeId);
    }

    /// <summary>A message or signal reached a scope's listener.</summary>
    internal void TriggerEventSubProcess(SubscriptionState subscription, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (State.Scopes.Find(s => s.Id == subscription.TokenId) is not { } scope || Process.Node(subscription.ActivityId) is not StartEvent start)
        {
            State.Subscriptions.Remove(subscription);
            return;
        }

        if (start.IsInterrupting)
        {
            State.Subscriptions.Remove(subscription);
        }

        StartEventSubProcess(scope, start, variables);
    }

    /// <summary>A scope's timer fired; a non-interrupting cycle is set again for its next time.</summary>
    internal void FireEventSubProcessTimer(JobState job)
    {
        if (job.TokenId is not { } owner || State.Scopes.Find(s => s.Id == owner) is not { } scope || Process.Node(job.ActivityId) is not StartEvent start)
        {
            return;
        }

        Journal("TimerFired", start.Id);
        if (!start.IsInterrupting && job.Cycle is not null && job.RepeatsLeft != 0
            && TimerSchedule.Next(job.Cycle, job.DueAt, Now, Command.Calendar) is { } next)
        {
            State.Jobs.Add(new JobState
            {
                Id = Command.NewId(),
                Kind = JobKind.Timer,
                TokenId = owner,
                ActivityId = job.ActivityId,
                DueAt = next,
                Retries = job.Retries,
                Cycle = job.Cycle,
                RepeatsLeft = job.RepeatsLeft < 0 ? -1 : job.RepeatsLeft - 1,
            });
        }

        StartEventSubProcess(scope, start, null);
    }

    /// <summary>
    /// The start of an event subprocess directly inside <paramref name="scope"/> for an error or escalation of
    /// <paramref name="code"/>: one of that code, else a catch-all one; null when the scope has none (or is not a
    /// process or subprocess scope).
    /// </summary>
    internal StartEvent? EventSubProcessStart(ScopeState scope, EventTrigger trigger, string? code)
    {
        if (Process.EventSubProcesses.IsDefaultOrEmpty || scope.Kind is not (ScopeKind.Process or ScopeKind.SubProcess))
        {
            return null;
        }

        var container = scope.Kind == ScopeKind.Process ? null : scope.ActivityId;
        var starts = Process.EventSubProcesses
            .Select(id => (SubProcess)Process.Node(id))
            .Where(s => s.ParentId == container)
            .Select(s => Process.Node(s.StartEventId))
            .OfType<StartEvent>()
            .Where(s => s.Trigger == trigger)
            .ToList();
        string? CodeOf(StartEvent s) => trigger == EventTrigger.Error ? s.ErrorCode : s.EscalationCode;
        return starts.Find(s => code is not null && CodeOf(s) == code) ?? starts.Find(s => CodeOf(s) is null);
    }

    /// <summary>Runs the event subprocess that <paramref name="start"/> begins, in <paramref name="scope"/>.</summary>
    internal void StartEventSubProcess(ScopeState scope, StartEvent start, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var eventSubProcess = (SubProcess)Process.Node(start.ParentId!);
        Journal("EventSubProcessStarted", eventSubProcess.Id, new JsonObject { ["startEvent"] = start.Id, ["interrupting"] = start.IsInterrupting });
        if (start.IsInterrupting)
        {
            foreach (var other in State.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
            {
                CancelToken(other);
            }

            DisarmEventSubProcesses(scope.Id);
        }

        var owner = NewToken(scope.Id, eventSubProcess.Id);
        owner.Phase = TokenPhase.Waiting;
        var inner = NewScope(ScopeKind.SubProcess, scope.Id, owner, eventSubProcess.Id);
        ArmEventSubProcesses(inner, eventSubProcess.Id);
        SetVariables(inner.Id, variables);
        Schedule(NewToken(inner.Id, start.Id));
    }
}
