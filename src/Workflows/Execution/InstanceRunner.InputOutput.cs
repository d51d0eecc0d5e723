using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// camunda:inputOutput (Camunda 7 user guide, "Process Variables" → "Input/Output Variable Mapping"). An element with
/// a mapping runs in a local scope of its own: the inputs are evaluated in the enclosing scope when it starts (before
/// its start listeners) and become its local variables; everything the element sets (a task's completion, a handler)
/// follows Camunda's rule from that scope, so a variable named like an input stays local. When the element ends
/// normally (after its end listeners) the outputs are evaluated in the local scope and set in the enclosing one, and
/// the local scope goes. An element left by an interrupting event, an error or a cancellation maps nothing out.
/// </summary>
internal sealed partial class InstanceRunner
{
    /// <summary>The scope the token's element reads and writes its variables in: its local scope when it has one.</summary>
    public Guid VariableScopeOf(TokenState token) => token.LocalScopeId ?? token.ScopeId;

    /// <summary>Creates the element's local scope and sets its inputs (again, when the element runs again).</summary>
    internal void EnterLocalScope(TokenState token, FlowNode node, InputOutput mapping)
    {
        DropLocalScope(token);

        // Inputs see the enclosing scope only, not each other (Camunda evaluates each in the parent scope).
        var values = new List<(string Name, JsonNode? Value)>(mapping.Inputs.Length);
        foreach (var parameter in mapping.Inputs)
        {
            values.Add((parameter.Name, MapValue(token.ScopeId, node, parameter, "input")));
        }

        var scope = new ScopeState { Id = Command.NewId(), ParentId = token.ScopeId, Kind = ScopeKind.Local, OwnerTokenId = token.Id, ActivityId = node.Id };
        State.Scopes.Add(scope);
        token.LocalScopeId = scope.Id;
        foreach (var (name, value) in values)
        {
            SetLocal(scope, name, value);
        }
    }

    /// <summary>Maps the outputs of an element that ends normally into the enclosing scope and drops its local scope.</summary>
    internal void LeaveLocalScope(TokenState token, FlowNode node)
    {
        if (token.LocalScopeId is not { } localId)
        {
            return;
        }

        if (node.InputOutput is { Outputs.Length: > 0 } mapping)
        {
            var values = new List<(string Name, JsonNode? Value)>(mapping.Outputs.Length);
            foreach (var parameter in mapping.Outputs)
            {
                values.Add((parameter.Name, MapValue(localId, node, parameter, "output")));
            }

            DropLocalScope(token);
            foreach (var (name, value) in values)
            {
                SetVariable(token.ScopeId, name, value);
            }

            return;
        }

        DropLocalScope(token);
    }

    /// <summary>Removes the token's local scope without mapping anything out.</summary>
    internal void DropLocalScope(TokenState token)
    {
        if (token.LocalScopeId is { } localId)
        {
            State.Scopes.RemoveAll(s => s.Id == localId);
            token.LocalScopeId = null;
        }
    }

    internal JsonNode? MapValue(Guid scopeId, FlowNode node, IoParameter parameter, string direction)
    {
        try
        {
            return Value(parameter.Value, new ScopeVariables(this, scopeId));
        }
        catch (ExpressionException ex)
        {
            throw new ElementFailure("expression", $"{node.ElementType} '{node.Id}', {direction} parameter '{parameter.Name}': {ex.Message}");
        }
    }

    internal JsonNode? Value(IoValue value, ScopeVariables variables)
    {
        switch (value)
        {
            case IoText text:
                return ExpressionValues.ToJson(Loaded.Definition.Expression(text.Text).Evaluate(variables));
            case IoList list:
                var array = new JsonArray();
                foreach (var item in list.Items)
                {
                    array.Add(Value(item, variables));
                }

                return array;
            case IoMap map:
                var result = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    result[entry.Key] = Value(entry.Value, variables);
                }

                return result;
            default:
                return null;
        }
    }
}
