using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    /// <summary>Starts the called process in the same transaction and waits for it to end.</summary>
    private void StartCallActivity(TokenState token, CallActivity call)
    {
        var key = ExpressionValues.ToText(Evaluate(token, call.CalledElement)).Trim();
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var visible = Variables(token);
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
                variables[target] = MappedValue(token, mapping);
            }
        }

        var businessKey = call.BusinessKey is null ? null : ExpressionValues.ToText(Evaluate(token, call.BusinessKey));
        var jurisdiction = call.Jurisdiction is null ? State.Jurisdiction : ExpressionValues.ToText(Evaluate(token, call.Jurisdiction));
        token.Phase = TokenPhase.Waiting;
        var childId = Command.NewId();
        token.CalledInstanceId = childId;
        var version = call.Binding == "version" ? call.Version : null;
        Command.StartCalledInstance(new CalledInstanceRequest(childId, key, version, businessKey, jurisdiction, variables, State.Id, token.Id, call.Id));
    }

    private JsonNode? MappedValue(TokenState token, VariableMapping mapping)
    {
        if (mapping.SourceExpression is { } expression)
        {
            return ExpressionValues.ToJson(Evaluate(token, expression));
        }

        return mapping.Source is { } source && Variables(token).TryGetVariable(source, out var value) ? value?.DeepClone() : null;
    }

    /// <summary>The called instance has ended: map its variables back and leave the call activity.</summary>
    public void ResumeAfterCalledInstance(Guid tokenId, InstanceState called)
    {
        var token = State.FindToken(tokenId);
        if (token is null || token.CalledInstanceId != called.Id)
        {
            return;
        }

        var call = (CallActivity)Process.Node(token.NodeId);
        var childVariables = called.Scopes.Count > 0 ? called.RootScope.Variables : [];
        foreach (var mapping in call.Out)
        {
            if (mapping.All)
            {
                foreach (var (name, value) in childVariables)
                {
                    SetVariable(VariableScopeOf(token), name, value?.DeepClone());
                }
            }
            else if (mapping.Target is { } target)
            {
                JsonNode? value = null;
                if (mapping.SourceExpression is not null)
                {
                    // Out expressions are evaluated against the called instance's variables.
                    value = ExpressionValues.ToJson(Loaded.Definition.Expression(mapping.SourceExpression).Evaluate(new VariableSnapshot(childVariables, Command)));
                }
                else if (mapping.Source is { } source && childVariables.TryGetValue(source, out var v))
                {
                    value = v?.DeepClone();
                }

                SetVariable(VariableScopeOf(token), target, value);
            }
        }

        token.CalledInstanceId = null;
        Leave(token, call);
    }

    /// <summary>
    /// A handler starts an unrelated instance (no parent). The id is given now; <paramref name="starts"/> gets
    /// the action that creates and runs it after this instance, in the same transaction.
    /// </summary>
    private async ValueTask<Guid> PrepareDetachedStartAsync(ProcessStart start, List<Action> starts, CancellationToken cancellationToken)
    {
        var definition = await Command.Engine.Definitions.ResolveAsync(Command.Session, start.DefinitionKey, null, cancellationToken)
            ?? throw WorkflowException.NotFound($"No process with the key '{start.DefinitionKey}' is deployed.");
        if (definition.Process.NoneStartEvent is null)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Process '{definition.Key}' has no none start event.");
        }

        var id = Command.NewId();
        var jurisdiction = start.Jurisdiction ?? State.Jurisdiction;
        starts.Add(() =>
        {
            Journal("ProcessStarted", null, new JsonObject { ["instanceId"] = id.ToString(), ["definitionKey"] = definition.Key });
            Command.Defer(async ct =>
            {
                var child = Command.Engine.CreateInstance(Command, definition, id, start.BusinessKey, jurisdiction, start.Variables);
                await child.RunAsync(ct);
            });
        });
        return id;
    }
}
