using System.Text.Json.Nodes;

namespace Anju.Workflows.Expressions;

/// <summary>
/// A context in which an expression may change variables (<c>execution.setVariable</c>, <c>task.setVariable</c>): the
/// engine's listeners and expression tasks. Conditions, assignments, timers and mappings only read.
/// </summary>
public interface IVariableWriter
{
    /// <summary>Whether this evaluation may write.</summary>
    bool CanWrite { get; }

    /// <summary>Sets a variable by Camunda's rule: where it is found up the scopes, else on the process instance.</summary>
    void SetVariable(string name, JsonNode? value);
}
