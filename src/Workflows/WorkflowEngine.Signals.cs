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

    /// <summary>
    /// Evaluates the conditional start events of the latest process versions (Camunda 7 reference, "Conditional Start
    /// Event"; RuntimeService.createConditionEvaluation): with the given variables, every process-level conditional start
    /// whose condition holds starts an instance from it, with those variables. A condition naming variables
    /// (<c>camunda:variableName</c>) is evaluated only when one of them is given, and only when it listens to created
    /// variables (<c>camunda:variableEvents</c>); one that cannot be evaluated with them (an undefined variable, a
    /// failure) does not hold. One transaction; none holding starts nothing, which is no error.
    /// </summary>
    public Task<IReadOnlyList<Guid>> EvaluateStartConditionsAsync(StartConditionEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return RunAsync<IReadOnlyList<Guid>, IReadOnlyList<Guid>>(evaluation.Actor, async (context, ct) =>
        {
            var started = new List<Guid>();
            var variables = new VariableSnapshot(evaluation.Variables, context);
            foreach (var id in await context.Session.LatestDefinitionIdsAsync(ct))
            {
                var definition = await Definitions.GetAsync(context.Session, id, ct);
                if (evaluation.ProcessKey is { } key && definition.Key != key)
                {
                    continue;
                }

                foreach (var start in definition.Process.StartEvents.Select(s => (StartEvent)definition.Process.Nodes[s]))
                {
                    if (start is { Trigger: EventTrigger.Conditional, Conditional: { } condition }
                        && (condition.VariableEvents & VariableChange.Create) != 0
                        && (condition.VariableNames.IsDefaultOrEmpty || condition.VariableNames.Any(evaluation.Variables.ContainsKey))
                        && StartConditionHolds(definition, condition, variables))
                    {
                        var runner = CreateInstance(context, definition, context.NewId(), evaluation.BusinessKey, evaluation.Jurisdiction, evaluation.Variables, start.Id);
                        runner.Journal("ConditionMet", start.Id);
                        await runner.RunAsync(ct);
                        started.Add(runner.State.Id);
                    }
                }
            }

            return started;
        }, static started => started, cancellationToken);
    }

    private static bool StartConditionHolds(CompiledDefinition definition, ConditionalDefinition condition, VariableSnapshot variables)
    {
        try
        {
            var expression = definition.Expression(condition.Condition);
            return Expressions.ExpressionValues.ToBoolean(expression.Evaluate(variables), expression.Text);
        }
        catch (Expressions.ExpressionException)
        {
            return false;
        }
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

/// <summary>
/// Evaluate the conditional start events of the latest processes against the given variables (Camunda 7's
/// "evaluate start conditions"); optionally of one process only.
/// </summary>
public sealed record StartConditionEvaluation
{
    public required IReadOnlyDictionary<string, JsonNode?> Variables { get; init; }

    /// <summary>The started instances' jurisdiction; null: none.</summary>
    public string? Jurisdiction { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>Only this process's conditional start events; null: every latest process's.</summary>
    public string? ProcessKey { get; init; }

    public string? Actor { get; init; }
}
