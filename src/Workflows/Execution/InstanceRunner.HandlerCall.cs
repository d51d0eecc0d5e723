using System.Text.Json.Nodes;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Expressions;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// The call of a service task's handler: once, under the writer, with a savepoint, so that a failed attempt leaves
/// nothing behind and is retried with back-off (camunda:failedJobRetryTimeCycle) until an incident.
/// </summary>
internal sealed partial class InstanceRunner
{
    internal async ValueTask RunHandlerAsync(TokenState token, ServiceTask element, HandlerImplementation implementation, CancellationToken cancellationToken)
    {
        if (!token.IsIteration && !token.IsMultiInstanceBody)
        {
            BoundaryEventBehavior.Attach(this, token, element);
        }

        Begin(token, element);
        if (!Command.Handlers.TryGet(implementation.HandlerName, out var handler))
        {
            RaiseIncident(token, element.Id, "unknownHandler", $"No handler is registered under the name '{implementation.HandlerName}' ({element.ElementType} '{element.Id}').");
            return;
        }

        // A handler may write on the command's transaction and act on the world: it runs once, under the writer.
        Command.RequireWriter();

        // Processes the handler starts are created only if it succeeds (or ends in a BPMN error, which is an
        // outcome, not a failure); a failed attempt that will be retried must not leave instances behind.
        var starts = new List<Action>();

        // A failed attempt leaves nothing behind: the variables it set are restored and the rows it wrote on
        // the command's transaction are rolled back to a savepoint, so the retry starts from the same state.
        var undo = new List<Action>();
        var transaction = Command.Session.Transaction;
        var savepoint = "handler_" + token.Id.ToString("N");
        await transaction.SavepointAsync(savepoint, cancellationToken);

        var context = new ServiceTaskContext(
            State.Id, State.DefinitionKey, element.Id, State.BusinessKey, State.Jurisdiction, Now,
            name => Variables(token).TryGetVariable(name, out var v) ? v : null,
            (name, value) => undo.Add(SetVariableUndoably(VariableScopeOf(token), name, value)),
            (start, ct) => PrepareDetachedStartAsync(start, starts, ct),
            name => element.Properties.FirstOrDefault(p => p.Name == name) is { } property
                ? ExpressionValues.ToJson(Evaluate(token, property.Value))
                : null,
            [.. element.Properties.Select(p => p.Name)])
        {
            Transaction = transaction.DbTransaction,
            Actor = Command.Actor,
        };
        try
        {
            await handler.ExecuteAsync(context, cancellationToken);
        }
        catch (BpmnErrorException error)
        {
            starts.ForEach(s => s());
            ThrowBpmnError(token, error.ErrorCode, error.Message);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ElementFailure and not ExpressionException and not CommandBudgetExceededException)
        {
            await UndoAttemptAsync(undo, transaction, savepoint, cancellationToken);
            ScheduleRetry(token, element, ex.Message);
            return;
        }
        catch (Exception)
        {
            // An expression error or element failure becomes an incident; the attempt's writes go as well.
            await UndoAttemptAsync(undo, transaction, savepoint, cancellationToken);
            throw;
        }

        starts.ForEach(s => s());
        State.Jobs.RemoveAll(j => j.TokenId == token.Id && j.Kind == JobKind.Retry);
        Leave(token, element);
    }

    /// <summary>
    /// A technical failure: try again later with back-off (camunda:failedJobRetryTimeCycle or the default),
    /// and raise an incident when no retries are left.
    /// </summary>
    internal void ScheduleRetry(TokenState token, Activity element, string error)
    {
        var previous = State.Jobs.Find(j => j.TokenId == token.Id && j.Kind == JobKind.Retry);
        var policy = RetryPolicy.Parse(element.RetryTimeCycle, Command.Options.DefaultRetries);
        var retriesLeft = (previous?.Retries ?? policy.Retries) - 1;
        if (previous is not null)
        {
            State.Jobs.Remove(previous);
        }

        Journal("ActivityFailed", element.Id, new JsonObject { ["error"] = error, ["retriesLeft"] = Math.Max(retriesLeft, 0) });
        if (retriesLeft <= 0)
        {
            RaiseIncident(token, element.Id, "failedJob", $"{element.ElementType} '{element.Id}' failed and has no retries left: {error}");
            return;
        }

        token.Phase = TokenPhase.Waiting;
        State.Jobs.Add(new JobState
        {
            Id = Command.NewId(),
            Kind = JobKind.Retry,
            TokenId = token.Id,
            ActivityId = element.Id,
            DueAt = Now + policy.DelayBefore(policy.Retries - retriesLeft),
            Retries = retriesLeft,
            LastError = error,
        });
    }

    internal static JsonObject? ToJsonObject(IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        if (variables is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, value) in variables)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    internal static async ValueTask UndoAttemptAsync(List<Action> undo, ICommandTransaction transaction, string savepoint, CancellationToken cancellationToken)
    {
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            undo[i]();
        }

        await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
    }

    /// <summary>
    /// A handler starts an unrelated instance (no parent). The id is given now; <paramref name="starts"/> gets
    /// the action that creates and runs it after this instance, in the same transaction.
    /// </summary>
    internal async ValueTask<Guid> PrepareDetachedStartAsync(ProcessStart start, List<Action> starts, CancellationToken cancellationToken)
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
