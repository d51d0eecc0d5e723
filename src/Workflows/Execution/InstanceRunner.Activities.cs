using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    private void CreateUserTask(TokenState token, UserTask element)
    {
        Command.Budget.SpendTask(this, element);
        var task = new UserTaskState
        {
            Id = Command.NewId(),
            TokenId = token.Id,
            ActivityId = element.Id,
            Name = element.Name,
            CreatedAt = Now,
            FormKey = element.FormKey,
            Assignee = TextOrNull(token, element.Assignee),
            CandidateUsers = ListOf(token, element.CandidateUsers),
            CandidateGroups = ListOf(token, element.CandidateGroups),
            DueAt = DateOrNull(token, element.DueDate, "dueDate"),
            FollowUpAt = DateOrNull(token, element.FollowUpDate, "followUpDate"),
            Priority = element.Priority is null ? 50 : (int)Math.Clamp(NumberOf(token, element.Priority, "priority"), 0, 1000),
            Jurisdiction = TextOrNull(token, element.Jurisdiction),
        };

        foreach (var field in element.FormFields)
        {
            if (field.DefaultValue is not null)
            {
                task.FormDefaults[field.Id] = ExpressionValues.ToJson(Evaluate(token, field.DefaultValue));
            }
        }

        State.Tasks.Add(task);
        token.Phase = TokenPhase.Waiting;
        Journal("TaskCreated", element.Id, new JsonObject { ["taskId"] = task.Id.ToString(), ["assignee"] = task.Assignee });

        // Camunda 7: no task event fires before create; a task created with an assignee then fires assignment.
        RunTaskListeners(task, ListenerEvents.Create);
        if (task.Assignee is not null)
        {
            RunTaskListeners(task, ListenerEvents.Assignment);
        }
    }

    /// <summary>Completes a user task: its variables are set, then the token leaves the task.</summary>
    public void CompleteUserTask(UserTaskState task, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var token = State.FindToken(task.TokenId)
            ?? throw new InvalidOperationException($"Task {task.Id} has no token.");

        // The completion's variables are set first, so that the complete listeners (and the end listeners and
        // outputs after them) see them.
        SetVariables(VariableScopeOf(token), variables);
        RunTaskListeners(task, ListenerEvents.Complete);
        State.Tasks.Remove(task);
        Journal("TaskCompleted", task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString(), ["variables"] = ToJsonObject(variables) });
        Leave(token, Process.Node(task.ActivityId));
    }

    private void CreateExternalTask(TokenState token, ServiceTask element, ExternalImplementation external)
    {
        Command.Budget.SpendTask(this, element);
        var task = new ExternalTaskState
        {
            Id = Command.NewId(),
            TokenId = token.Id,
            ActivityId = element.Id,
            Topic = external.Topic,
            CreatedAt = Now,
        };
        State.ExternalTasks.Add(task);
        token.Phase = TokenPhase.Waiting;
    }

    public void CompleteExternalTask(ExternalTaskState task, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var token = State.FindToken(task.TokenId)!;
        State.ExternalTasks.Remove(task);
        SetVariables(VariableScopeOf(token), variables);
        Journal("ExternalTaskCompleted", task.ActivityId, new JsonObject { ["variables"] = ToJsonObject(variables) });
        Leave(token, Process.Node(task.ActivityId));
    }

    private async ValueTask RunHandlerAsync(TokenState token, ServiceTask element, HandlerImplementation implementation, CancellationToken cancellationToken)
    {
        if (!token.IsIteration && !token.IsMultiInstanceBody)
        {
            AttachBoundaryEvents(token, element);
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
    private void ScheduleRetry(TokenState token, Activity element, string error)
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

    private void AddAsyncJob(TokenState token, FlowNode node, bool after)
    {
        token.Phase = TokenPhase.Waiting;
        State.Jobs.Add(new JobState
        {
            Id = Command.NewId(),
            Kind = JobKind.Async,
            TokenId = token.Id,
            ActivityId = node.Id,
            DueAt = Now,
            Retries = RetryPolicy.Parse(node.RetryTimeCycle, Command.Options.DefaultRetries).Retries,
            AsyncAfter = after,
        });
    }

    private void ExecuteEndEvent(TokenState token, EndEvent end)
    {
        if (!token.AsyncAfterDone)
        {
            End(token, end);
        }

        switch (end.Trigger)
        {
            case EventTrigger.Terminate:
                MarkCompleted(end.Id);
                Terminate(token);
                break;
            case EventTrigger.Error:
                MarkCompleted(end.Id);
                ThrowBpmnError(token, end.ErrorCode ?? "", $"Error end event '{end.Id}'");
                break;
            case EventTrigger.Escalation:
                MarkCompleted(end.Id);
                if (ThrowEscalation(token, end.EscalationCode, end.Id))
                {
                    EndToken(token);
                }

                break;
            default:
                MarkCompleted(end.Id);
                if (end.AsyncAfter && !token.AsyncAfterDone)
                {
                    // The path ends (and its scope completes) in a job of its own transaction.
                    AddAsyncJob(token, end, after: true);
                    break;
                }

                EndToken(token);
                break;
        }
    }

    /// <summary>A terminate end event ends every token of its scope; at process level, the instance.</summary>
    private void Terminate(TokenState token)
    {
        var scope = State.Scope(token.ScopeId);
        if (scope.Kind == ScopeKind.Process)
        {
            foreach (var other in State.Tokens.ToList())
            {
                CancelCalledInstance(other);
            }

            CompleteInstance(token.NodeId, new JsonObject { ["terminated"] = true });
            return;
        }

        foreach (var other in State.Tokens.Where(t => t.ScopeId == scope.Id && t.Id != token.Id).ToList())
        {
            CancelToken(other);
        }

        foreach (var child in State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
        {
            CancelScope(child);
        }

        EndToken(token);
    }

    private string? TextOrNull(TokenState token, ExpressionText? text)
    {
        if (text is null)
        {
            return null;
        }

        var value = Evaluate(token, text);
        var result = value is null ? null : ExpressionValues.ToText(value).Trim();
        return string.IsNullOrEmpty(result) ? null : result;
    }

    /// <summary>candidateUsers/Groups: a comma-separated text, or an expression giving a list.</summary>
    private List<string> ListOf(TokenState token, ExpressionText? text)
    {
        if (text is null)
        {
            return [];
        }

        var value = Evaluate(token, text);
        if (value is JsonArray array)
        {
            return array.Select(n => ExpressionValues.ToText(ExpressionValues.FromJson(n)).Trim()).Where(s => s.Length > 0).Distinct().ToList();
        }

        return ExpressionValues.ToText(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
    }

    private DateTimeOffset? DateOrNull(TokenState token, ExpressionText? text, string attribute)
    {
        if (text is null)
        {
            return null;
        }

        var value = Evaluate(token, text);
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            return null;
        }

        if (ExpressionValues.ToDateTime(value) is { } date)
        {
            return date;
        }

        if (value is string iso && IsoDuration.TryParse(iso, out var duration))
        {
            return duration.AddTo(Now);
        }

        throw new ElementFailure("expression", $"{attribute} '{text.Text}' did not give a date or an ISO 8601 duration.");
    }

    private long NumberOf(TokenState token, ExpressionText text, string attribute)
    {
        var value = Evaluate(token, text);
        return value switch
        {
            long l => l,
            double d => (long)d,
            string s when long.TryParse(s, out var l) => l,
            _ => throw new ElementFailure("expression", $"{attribute} '{text.Text}' did not give a number."),
        };
    }

    private static JsonObject? ToJsonObject(IReadOnlyDictionary<string, JsonNode?>? variables)
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

    private static async ValueTask UndoAttemptAsync(List<Action> undo, ICommandTransaction transaction, string savepoint, CancellationToken cancellationToken)
    {
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            undo[i]();
        }

        await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
    }
}
