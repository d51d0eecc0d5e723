using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// Service, send and business-rule tasks: an external task waits for a worker; a value expression is evaluated and
/// the token leaves; a handler is called by the runner (<c>InstanceRunner.HandlerCall.cs</c>: it is asynchronous and
/// retried).
/// </summary>
internal static class ServiceTaskBehavior
{
    /// <summary>An external task or a value expression; a handler never comes here (the runner calls it).</summary>
    internal static void Execute(InstanceRunner runner, TokenState token, ServiceTask service)
    {
        switch (service.Implementation)
        {
            case ExternalImplementation external:
                CreateExternalTask(runner, token, service, external);
                break;
            case ValueExpressionImplementation value:
                EvaluateValue(runner, token, service, value);
                break;
            default:
                throw new ElementFailure("unsupported", $"{service.ElementType} '{service.Id}' has no implementation the engine can run here.");
        }
    }

    internal static void CreateExternalTask(InstanceRunner runner, TokenState token, ServiceTask element, ExternalImplementation external)
    {
        runner.Command.Budget.SpendTask(runner, element);
        var task = new ExternalTaskState
        {
            Id = runner.Command.NewId(),
            TokenId = token.Id,
            ActivityId = element.Id,
            Topic = external.Topic,
            CreatedAt = runner.Now,
        };
        runner.State.ExternalTasks.Add(task);
        token.Phase = TokenPhase.Waiting;
    }

    internal static void CompleteExternal(InstanceRunner runner, ExternalTaskState task, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var token = runner.State.FindToken(task.TokenId)!;
        runner.State.ExternalTasks.Remove(task);
        runner.SetVariables(runner.VariableScopeOf(token), variables);
        runner.Journal("ExternalTaskCompleted", task.ActivityId, new JsonObject { ["variables"] = InstanceRunner.ToJsonObject(variables) });
        runner.Leave(token, runner.Process.Node(task.ActivityId));
    }

    /// <summary>
    /// A service, send or business-rule task whose camunda:expression is a value expression: evaluated in the token's
    /// scope, the value stored in the result variable (where a variable of that name is found up the scopes, else on
    /// the process instance; none named: the value is dropped), and the token leaves. A failing expression stops the
    /// token with an incident, like every other expression.
    /// </summary>
    internal static void EvaluateValue(InstanceRunner runner, TokenState token, ServiceTask task, ValueExpressionImplementation value)
    {
        // Camunda's expression tasks may change variables (execution.setVariable); conditions and the like only read.
        var result = runner.Loaded.Definition.Expression(value.Expression).Evaluate(new ScopeVariables(runner, runner.VariableScopeOf(token), writable: true));
        if (task.ResultVariable is { Length: > 0 } name)
        {
            runner.SetVariable(runner.VariableScopeOf(token), name, Expressions.ExpressionValues.ToJson(result));
        }

        runner.Leave(token, task);
    }
}
