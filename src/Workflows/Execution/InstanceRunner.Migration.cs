using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    /// <summary>
    /// Moves this instance to <paramref name="target"/> under a checked plan: tokens, scopes, tasks, jobs,
    /// subscriptions, external tasks and incidents follow their activities' mapping; timers and message
    /// subscriptions of mapped boundary events are kept, those of unmapped ones removed, and boundary events new
    /// in the target are attached (Camunda 7's rules); the same holds for the listeners of event subprocesses in each
    /// scope (their start events' subscriptions and timers). The save rewrites every projection row whose values moved (new version, mapped activities).
    /// </summary>
    public void Migrate(CompiledDefinition target, IReadOnlyDictionary<string, string> map, string reason)
    {
        var source = Loaded.Definition;
        string To(string id) => map.TryGetValue(id, out var mapped) ? mapped : id;
        var active = MigrationPlanner.ActiveActivities(State);

        var boundaryTokens = new List<TokenState>();
        foreach (var token in State.Tokens)
        {
            var from = source.Process.Node(token.NodeId);
            var hasBoundaries = from is Activity && token.Phase == TokenPhase.Waiting && !token.IsIteration
                && !State.Jobs.Exists(j => j.TokenId == token.Id && j.Kind == JobKind.Async);

            // Boundary events of the source activity: kept when mapped onto a boundary event of the target activity.
            var targetNodeId = To(token.NodeId);
            bool KeptBoundary(string eventId) =>
                source.Process.Nodes.GetValueOrDefault(eventId) is not BoundaryEvent
                || (map.TryGetValue(eventId, out var mapped) && target.Process.Nodes.GetValueOrDefault(mapped) is BoundaryEvent b && b.AttachedToId == targetNodeId);
            State.Jobs.RemoveAll(j => j.TokenId == token.Id && !KeptBoundary(j.ActivityId));
            State.Subscriptions.RemoveAll(s => s.TokenId == token.Id && !KeptBoundary(s.ActivityId));

            token.NodeId = targetNodeId;
            if (token.ArrivedVia is { } via && !target.Process.Flows.ContainsKey(via))
            {
                token.ArrivedVia = null;
            }

            if (hasBoundaries)
            {
                boundaryTokens.Add(token);
            }
        }

        var newEventSubProcessStarts = PruneEventSubProcessListeners(source, target, To);
        foreach (var scope in State.Scopes)
        {
            if (scope.ActivityId is { } activityId)
            {
                scope.ActivityId = To(activityId);
            }
        }

        foreach (var task in State.Tasks)
        {
            task.ActivityId = To(task.ActivityId);
            if (target.Process.Nodes.GetValueOrDefault(task.ActivityId) is UserTask { Name: { Length: > 0 } name })
            {
                task.Name = name;
            }
        }

        foreach (var job in State.Jobs)
        {
            job.ActivityId = To(job.ActivityId);
        }

        foreach (var subscription in State.Subscriptions)
        {
            var sourceSignal = SignalOf(source.Process.Nodes.GetValueOrDefault(subscription.ActivityId));
            subscription.ActivityId = To(subscription.ActivityId);
            var node = target.Process.Nodes.GetValueOrDefault(subscription.ActivityId);
            subscription.MessageName = node switch
            {
                BoundaryEvent { MessageName: { } name } => name,
                IntermediateCatchEvent { MessageName: { } name } => name,
                ReceiveTask { MessageName: var name } => name,
                StartEvent { MessageName: { } name } => name,
                _ when SignalOf(node) is { } signal && signal != sourceSignal => MigratedSignalWait(subscription, signal),
                _ => subscription.MessageName,
            };
        }

        foreach (var task in State.ExternalTasks)
        {
            task.ActivityId = To(task.ActivityId);
        }

        foreach (var incident in State.Incidents)
        {
            incident.ActivityId = To(incident.ActivityId);
        }

        for (var i = 0; i < State.CompletedActivities.Count; i++)
        {
            State.CompletedActivities[i] = To(State.CompletedActivities[i]);
        }

        State.DefinitionId = target.Id;
        State.DefinitionVersion = target.Version;
        Loaded.Definition = target;

        ArmNewEventSubProcesses(newEventSubProcessStarts);

        // Boundary events the target adds to an activity a token waits at are attached now.
        foreach (var token in boundaryTokens)
        {
            if (Process.Node(token.NodeId) is not Activity activity)
            {
                continue;
            }

            foreach (var id in activity.BoundaryEvents)
            {
                if (State.Jobs.Exists(j => j.TokenId == token.Id && j.ActivityId == id) || State.Subscriptions.Exists(s => s.TokenId == token.Id && s.ActivityId == id))
                {
                    continue;
                }

                var boundary = (BoundaryEvent)Process.Node(id);
                try
                {
                    if (boundary.Trigger == EventTrigger.Message)
                    {
                        Subscribe(token, boundary.Id, boundary.MessageName!);
                    }
                    else if (boundary.Trigger == EventTrigger.Timer)
                    {
                        AddTimer(token, boundary.Id, boundary.Timer!);
                    }
                }
                catch (ExpressionException ex)
                {
                    throw new MigrationRefusedException([new MigrationProblem(id, "boundaryEventFailed", $"{boundary.Label}: {ex.Message}")]);
                }
            }
        }

        var mapping = new JsonObject();
        foreach (var id in active)
        {
            mapping[id] = To(id);
        }

        Journal("InstanceMigrated", null, new JsonObject
        {
            ["reason"] = reason,
            ["from"] = source.Id,
            ["to"] = target.Id,
            ["mapping"] = mapping,
        });
    }

    private static string? SignalOf(FlowNode? node) => node switch
    {
        BoundaryEvent b => b.SignalName,
        IntermediateCatchEvent c => c.SignalName,
        StartEvent s => s.SignalName,
        _ => null,
    };

    /// <summary>A signal wait whose name the target changed: the new name, resolved where the wait is (a token's scope or the scope itself).</summary>
    private string MigratedSignalWait(SubscriptionState subscription, string signal)
    {
        var scopeId = State.FindToken(subscription.TokenId) is { } owner ? VariableScopeOf(owner) : subscription.TokenId;
        try
        {
            return SignalKeys.Of(ResolveSignalName(scopeId, subscription.ActivityId, signal));
        }
        catch (ElementFailure ex)
        {
            throw new MigrationRefusedException([new MigrationProblem(subscription.ActivityId, "boundaryEventFailed", ex.Message)]);
        }
    }
}
