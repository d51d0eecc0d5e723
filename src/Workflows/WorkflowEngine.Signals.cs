using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>The most instances one broadcast wakes; a signal that finds more is refused (nothing is delivered).</summary>
    public const int MaxSignalReceivers = 1000;

    /// <summary>
    /// Broadcasts a signal from outside (an administrator): every instance waiting for it within the jurisdiction (all,
    /// when none is given; instances without a jurisdiction always) goes on, and every latest process with a signal
    /// start event of that name starts, in that jurisdiction. One transaction; nobody listening is not an error.
    /// </summary>
    public Task<SignalDelivery> BroadcastSignalAsync(BroadcastSignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.Name);
        return RunAsync<SignalDelivery, SignalDelivery>(
            signal.Actor,
            (context, ct) => DeliverSignalAsync(context, signal.Name.Trim(), signal.Jurisdiction, signal.Variables, null, ct),
            static delivery => delivery,
            cancellationToken);
    }

    /// <summary>Delivers a signal to the instances waiting for it (but <paramref name="except"/>) and starts its signal starts.</summary>
    internal async ValueTask<SignalDelivery> DeliverSignalAsync(
        CommandContext context, string signal, string? scope, IReadOnlyDictionary<string, JsonNode?>? variables, Guid? except, CancellationToken cancellationToken)
    {
        var key = SignalKeys.Of(signal);
        var waits = await context.Session.FindMessageWaitsAsync(key, null, null, MaxSignalReceivers + 1, cancellationToken);
        var instances = waits.Select(w => w.InstanceId).Where(id => id != except).Distinct().ToList();
        if (instances.Count > MaxSignalReceivers)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState,
                $"Signal '{signal}' would reach more than {MaxSignalReceivers} instances at once; narrow it to a jurisdiction.");
        }

        var resumed = new List<Guid>();
        foreach (var instanceId in instances)
        {
            var runner = await context.GetAsync(instanceId, cancellationToken);
            if (!Within(scope, runner.State.Jurisdiction))
            {
                continue;
            }

            var subscriptions = runner.State.Subscriptions.Where(s => s.MessageName == key).ToList();
            foreach (var subscription in subscriptions)
            {
                runner.DeliverSignal(subscription, variables);
            }

            await runner.RunAsync(cancellationToken);
            resumed.Add(instanceId);
        }

        var started = new List<Guid>();
        foreach (var id in await context.Session.LatestDefinitionIdsAsync(cancellationToken))
        {
            var definition = await Definitions.GetAsync(context.Session, id, cancellationToken);
            foreach (var start in definition.Process.StartEvents.Select(s => (StartEvent)definition.Process.Nodes[s]))
            {
                if (start.Trigger == EventTrigger.Signal && start.SignalName == signal)
                {
                    var runner = CreateInstance(context, definition, context.NewId(), null, scope, variables, start.Id);
                    await runner.RunAsync(cancellationToken);
                    started.Add(runner.State.Id);
                }
            }
        }

        return new SignalDelivery(resumed, started);
    }

    /// <summary>An instance hears a signal of <paramref name="scope"/> when it has no jurisdiction or one at or below it.</summary>
    private static bool Within(string? scope, string? jurisdiction) =>
        scope is null || jurisdiction is null || jurisdiction == scope || jurisdiction.StartsWith(scope + "/", StringComparison.Ordinal);
}

/// <summary>Broadcast a signal by name, optionally only within a jurisdiction.</summary>
public sealed record BroadcastSignal
{
    public required string Name { get; init; }

    /// <summary>Only instances at or below this jurisdiction path hear it (and signal starts get it); null: everywhere.</summary>
    public string? Jurisdiction { get; init; }

    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }
    public string? Actor { get; init; }
}

/// <summary>What a broadcast did: the instances that went on, and the instances it started.</summary>
public sealed record SignalDelivery(IReadOnlyList<Guid> ResumedInstanceIds, IReadOnlyList<Guid> StartedInstanceIds);
