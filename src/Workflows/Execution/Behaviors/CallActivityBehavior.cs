using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// A call activity: starts the called process in the same transaction and waits for it to end.
/// </summary>
internal static class CallActivityBehavior
{
    /// <summary>Starts the called process in the same transaction and waits for it to end.</summary>
    internal static void Execute(InstanceRunner runner, TokenState token, CallActivity call)
    {
        var key = ExpressionValues.ToText(runner.Evaluate(token, call.CalledElement)).Trim();
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var visible = runner.Variables(token);
        foreach (var mapping in call.In)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in visible.Flatten())
                {
                    variables[name] = value?.DeepClone();
                }
            }
            else if (mapping.Target is { } target)
            {
                variables[target] = MappedValue(runner, token, mapping);
            }
        }

        var businessKey = call.BusinessKey is null ? null : ExpressionValues.ToText(runner.Evaluate(token, call.BusinessKey));
        var jurisdiction = call.Jurisdiction is null ? runner.State.Jurisdiction : ExpressionValues.ToText(runner.Evaluate(token, call.Jurisdiction));
        token.Phase = TokenPhase.Waiting;
        var childId = runner.Command.NewId();
        token.CalledInstanceId = childId;
        var version = call.Binding == "version" ? call.Version : null;
        runner.Command.StartCalledInstance(new CalledInstanceRequest(childId, key, version, businessKey, jurisdiction, variables, runner.State.Id, token.Id, call.Id));
    }

    internal static JsonNode? MappedValue(InstanceRunner runner, TokenState token, VariableMapping mapping)
    {
        if (mapping.SourceExpression is { } expression)
        {
            return ExpressionValues.ToJson(runner.Evaluate(token, expression));
        }

        return mapping.Source is { } source && runner.Variables(token).TryGetVariable(source, out var value) ? value?.DeepClone() : null;
    }

    /// <summary>The called instance has ended: map its variables back and leave the call activity.</summary>
    internal static void Resume(InstanceRunner runner, Guid tokenId, InstanceState called)
    {
        var token = runner.State.FindToken(tokenId);
        if (token is null || token.CalledInstanceId != called.Id)
        {
            return;
        }

        var call = (CallActivity)runner.Process.Node(token.NodeId);
        var childVariables = called.Scopes.Count > 0 ? called.RootScope.Variables : [];
        foreach (var mapping in call.Out)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in childVariables)
                {
                    runner.SetVariable(runner.VariableScopeOf(token), name, value?.DeepClone());
                }
            }
            else if (mapping.Target is { } target)
            {
                JsonNode? value = null;
                if (mapping.SourceExpression is not null)
                {
                    // Out expressions are evaluated against the called instance's variables.
                    value = ExpressionValues.ToJson(runner.Loaded.Definition.Expression(mapping.SourceExpression).Evaluate(new VariableSnapshot(childVariables, runner.Command)));
                }
                else if (mapping.Source is { } source && childVariables.TryGetValue(source, out var v))
                {
                    value = v?.DeepClone();
                }

                runner.SetVariable(runner.VariableScopeOf(token), target, value);
            }
        }

        token.CalledInstanceId = null;
        runner.Leave(token, call);
    }
}
