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
    /// <summary>
    /// The name a signal has here: written as an expression (Camunda 7 reference, "Signal Events" → signal names with
    /// expressions) it is resolved in <paramref name="scopeId"/> — where the signal is thrown, or where a catch starts to
    /// wait (and then kept: a later change of the variables does not rename the wait). A failure is an
    /// <c>expression</c> failure of the element.
    /// </summary>
    internal string ResolveSignalName(Guid scopeId, string elementId, string name)
    {
        if (!SignalKeys.IsExpression(name))
        {
            return name;
        }

        string? resolved;
        try
        {
            var value = Loaded.Definition.Expression(new Model.ExpressionText(name)).Evaluate(new ScopeVariables(this, scopeId));
            resolved = value is null ? null : Expressions.ExpressionValues.ToText(value).Trim();
        }
        catch (Expressions.ExpressionException ex)
        {
            throw new ElementFailure("expression", $"The signal name '{name}' of '{elementId}': {ex.Message}");
        }

        return resolved switch
        {
            null or "" => throw new ElementFailure("expression", $"The signal name '{name}' of '{elementId}' is empty once resolved."),
            { Length: > SignalKeys.MaxResolvedLength } => throw new ElementFailure("expression", $"The signal name '{name}' of '{elementId}' has more than {SignalKeys.MaxResolvedLength} characters once resolved."),
            _ => resolved,
        };
    }

    /// <summary>The wait key of a signal catch of <paramref name="token"/>'s, its name resolved in the token's scope.</summary>
    internal string SignalWait(TokenState token, string elementId, string name) =>
        SignalKeys.Of(ResolveSignalName(VariableScopeOf(token), elementId, name));

    /// <summary>Broadcasts <paramref name="signal"/> from <paramref name="token"/>'s element (its name resolved there).</summary>
    internal void ThrowSignal(TokenState token, string signal)
    {
        signal = ResolveSignalName(VariableScopeOf(token), token.NodeId, signal);
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

    /// <summary>The most characters a signal name resolved from an expression may have.</summary>
    public const int MaxResolvedLength = 256;

    public static string Of(string signal) => Prefix + signal;

    /// <summary>A signal name written as an expression (<c>alert-${compound}</c>), resolved where it is thrown or caught.</summary>
    public static bool IsExpression(string name) =>
        name.Contains("${", StringComparison.Ordinal) || name.Contains("#{", StringComparison.Ordinal);
}
