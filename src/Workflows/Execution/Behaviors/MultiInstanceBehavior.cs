using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// Multi-instance activities (BPMN 2.0 §13.2.7), as Camunda 7 runs them: the token waits at the
/// "body"; a body scope holds nrOfInstances, nrOfActiveInstances and nrOfCompletedInstances; each iteration
/// runs in a scope of its own holding loopCounter and the element variable. 会签 is
/// completionCondition-less or "all approved"; 或签 completes on the first approval.
/// </summary>
internal static class MultiInstanceBehavior
{
    internal static void Start(InstanceRunner runner, TokenState body, Activity activity)
    {
        var mi = activity.MultiInstance!;
        var items = Items(runner, body, activity, mi);
        runner.Journal("ActivityStarted", activity.Id, new JsonObject { ["instances"] = items.Count });
        if (items.Count == 0)
        {
            runner.Leave(body, activity);
            return;
        }

        body.IsMultiInstanceBody = true;
        body.Phase = TokenPhase.Waiting;
        BoundaryEventBehavior.Attach(runner, body, activity);
        var bodyScope = runner.NewScope(ScopeKind.MultiInstanceBody, body.ScopeId, body, activity.Id);
        runner.SetLocal(bodyScope, "nrOfInstances", items.Count);
        runner.SetLocal(bodyScope, "nrOfCompletedInstances", 0);
        runner.SetLocal(bodyScope, "nrOfActiveInstances", mi.IsSequential ? 1 : items.Count);
        if (mi.IsSequential)
        {
            body.PendingItems = items.Skip(1).ToList();
            StartIteration(runner, body, bodyScope, activity, 0, items[0]);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            StartIteration(runner, body, bodyScope, activity, i, items[i]);
        }
    }

    /// <summary>The collection's items, or loopCardinality many nulls.</summary>
    internal static List<JsonNode?> Items(InstanceRunner runner, TokenState body, Activity activity, MultiInstance mi)
    {
        if (mi.Collection is { } collectionText)
        {
            var value = collectionText.Text.Contains("${", StringComparison.Ordinal) || collectionText.Text.Contains("#{", StringComparison.Ordinal)
                ? runner.Evaluate(body, collectionText)
                : runner.Variables(body).TryGetVariable(collectionText.Text.Trim(), out var v)
                    ? ExpressionValues.FromJson(v)
                    : throw new ElementFailure("expression", $"{activity.ElementType} '{activity.Id}': collection variable '{collectionText.Text}' is not defined.");
            return value switch
            {
                JsonArray array => array.Select(n => n?.DeepClone()).ToList(),
                null => [],
                _ => throw new ElementFailure("expression", $"{activity.ElementType} '{activity.Id}': collection '{collectionText.Text}' is not a list."),
            };
        }

        var cardinality = runner.Evaluate(body, mi.LoopCardinality!) switch
        {
            long l => l,
            double d => (long)d,
            string s when long.TryParse(s.Trim(), out var l) => l,
            var other => throw new ElementFailure("expression", $"{activity.ElementType} '{activity.Id}': loopCardinality gave '{other}', not a number."),
        };
        if (cardinality is < 0 or > 10_000)
        {
            throw new ElementFailure("expression", $"{activity.ElementType} '{activity.Id}': loopCardinality {cardinality} is outside 0–10000.");
        }

        return Enumerable.Repeat<JsonNode?>(null, (int)cardinality).ToList();
    }

    internal static void StartIteration(InstanceRunner runner, TokenState body, ScopeState bodyScope, Activity activity, int index, JsonNode? item)
    {
        var scope = runner.NewScope(ScopeKind.Iteration, bodyScope.Id, body, activity.Id);
        runner.SetLocal(scope, "loopCounter", index);
        if (activity.MultiInstance!.ElementVariable is { Length: > 0 } elementVariable)
        {
            runner.SetLocal(scope, elementVariable, item?.DeepClone());
        }

        var token = runner.NewToken(scope.Id, activity.Id);
        token.IsIteration = true;
        runner.Schedule(token);
    }

    internal static void CompleteIteration(InstanceRunner runner, ScopeState iteration)
    {
        var bodyScope = runner.State.Scope(iteration.ParentId!.Value);
        var body = runner.State.FindToken(bodyScope.OwnerTokenId!.Value)!;
        var activity = (Activity)runner.Process.Node(body.NodeId);
        var mi = activity.MultiInstance!;

        var completed = Count(bodyScope, "nrOfCompletedInstances") + 1;
        var active = Count(bodyScope, "nrOfActiveInstances") - 1;
        runner.SetLocal(bodyScope, "nrOfCompletedInstances", completed);
        runner.SetLocal(bodyScope, "nrOfActiveInstances", active);

        var done = false;
        if (mi.CompletionCondition is { } condition)
        {
            var context = new ScopeVariables(runner, iteration.Id);
            var expression = runner.Loaded.Definition.Expression(condition);
            done = ExpressionValues.ToBoolean(expression.Evaluate(context), expression.Text);
        }

        runner.State.Scopes.Remove(iteration);
        if (!done && mi.IsSequential && body.PendingItems is { Count: > 0 } pending)
        {
            var next = pending[0];
            pending.RemoveAt(0);
            runner.SetLocal(bodyScope, "nrOfActiveInstances", 1);
            StartIteration(runner, body, bodyScope, activity, (int)completed, next);
            return;
        }

        if (!done && active > 0)
        {
            return;
        }

        // Completion condition met or all done: withdraw the iterations still running (或签's other signers).
        foreach (var other in runner.State.Scopes.Where(s => s.ParentId == bodyScope.Id).ToList())
        {
            runner.CancelScope(other);
        }

        runner.State.Scopes.Remove(bodyScope);
        body.IsMultiInstanceBody = false;
        body.PendingItems = null;
        runner.Leave(body, activity);
    }

    internal static long Count(ScopeState scope, string name) =>
        scope.Variables.TryGetValue(name, out var node) && node is JsonValue value && value.TryGetValue<long>(out var n) ? n : 0;
}
