using System.Text.Json.Nodes;

namespace Anju.Workflows.Execution;

/// <summary>
/// Signals (Camunda 7 reference, "Signal Events"): a throw broadcasts the signal by name, in the thrower's transaction,
/// to every signal catch event, boundary event and event-based gateway waiting for it — in this instance first, then in
/// every other instance within the thrower's jurisdiction (an instance without one hears every signal) — and starts an
/// instance of each latest process with a signal start event of that name. Unlike a message, nobody need be listening.
/// </summary>
internal sealed partial class InstanceRunner
{
    /// <summary>Broadcasts <paramref name="signal"/> from <paramref name="token"/>'s element.</summary>
    internal void ThrowSignal(TokenState token, string signal)
    {
        Journal("SignalThrown", token.NodeId, new JsonObject { ["signal"] = signal });
        var key = SignalKeys.Of(signal);
        foreach (var subscription in State.Subscriptions.Where(s => s.MessageName == key).ToList())
        {
            DeliverSignal(subscription, null);
        }

        var scope = State.Jurisdiction;
        var thrower = State.Id;
        Command.Defer(async ct => await Command.Engine.DeliverSignalAsync(Command, signal, scope, null, thrower, ct));
    }

    /// <summary>
    /// The signal reaches one waiting element: a catch event or an interrupting boundary stops listening; a
    /// non-interrupting boundary keeps listening while its activity runs (each broadcast starts its path again).
    /// </summary>
    public void DeliverSignal(SubscriptionState subscription, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (!State.Subscriptions.Contains(subscription))
        {
            return;
        }

        if (State.FindToken(subscription.TokenId) is not { } token)
        {
            Journal("SignalReceived", subscription.ActivityId, new JsonObject { ["signal"] = subscription.MessageName[SignalKeys.Prefix.Length..] });
            TriggerEventSubProcess(subscription, variables);
            return;
        }

        var node = Process.Node(subscription.ActivityId);
        if (node is not Model.BoundaryEvent { CancelActivity: false })
        {
            State.Subscriptions.Remove(subscription);
        }

        Journal("SignalReceived", node.Id, new JsonObject { ["signal"] = subscription.MessageName[SignalKeys.Prefix.Length..] });
        SetVariables(token.ScopeId, variables);
        Trigger(token, node);
    }
}

/// <summary>
/// Signal waits are stored with the message waits, under a name no message can have (the API refuses message names
/// that begin with the prefix), so that finding every instance waiting for a signal is one indexed lookup.
/// </summary>
internal static class SignalKeys
{
    public const string Prefix = "#signal:";

    public static string Of(string signal) => Prefix + signal;
}
