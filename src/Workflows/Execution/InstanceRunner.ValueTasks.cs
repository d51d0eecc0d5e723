using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>Service, send and business-rule tasks that evaluate a value expression.</summary>
internal sealed partial class InstanceRunner
{
    /// <summary>
    /// A service, send or business-rule task whose camunda:expression is a value expression: evaluated in the token's
    /// scope, the value stored in the result variable (where a variable of that name is found up the scopes, else on
    /// the process instance; none named: the value is dropped), and the token leaves. A failing expression stops the
    /// token with an incident, like every other expression.
    /// </summary>
    private void EvaluateValueTask(TokenState token, ServiceTask task, ValueExpressionImplementation value)
    {
        // Camunda's expression tasks may change variables (execution.setVariable); conditions and the like only read.
        var result = Loaded.Definition.Expression(value.Expression).Evaluate(new ScopeVariables(this, VariableScopeOf(token), writable: true));
        if (task.ResultVariable is { Length: > 0 } name)
        {
            SetVariable(VariableScopeOf(token), name, Expressions.ExpressionValues.ToJson(result));
        }

        Leave(token, task);
    }
}
