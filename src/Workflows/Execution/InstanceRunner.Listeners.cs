using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Handlers;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// Execution and task listeners (Camunda 7 user guide, "Delegation Code" → "Execution Listener", "Task Listener"),
/// run inside the command's transaction in this order: an element's inputs, its <c>start</c> listeners, (a user task:
/// <c>assignment</c> when it has an assignee, then <c>create</c>) … (<c>complete</c>) its <c>end</c> listeners, its
/// outputs, then each flow's <c>take</c> listeners before the next element starts. A listener is a value expression
/// evaluated for its effect (it may call <c>execution.setVariable</c>, or <c>task.setVariable</c> in a task listener)
/// or a handler registered by name, as for service tasks. A failing listener stops the token with a
/// <c>listener</c> incident when the engine is moving the token, and refuses the call (nothing saved) when a user's
/// call (complete, claim) set it off.
/// </summary>
internal sealed partial class InstanceRunner
{
    /// <summary>The element starts: its local scope with the inputs, then its start listeners.</summary>
    internal void Begin(TokenState token, FlowNode node)
    {
        if (node.InputOutput is { } mapping)
        {
            EnterLocalScope(token, node, mapping);
        }

        RunListeners(token, node, node.Listeners, ListenerEvents.Start, task: null);
    }

    /// <summary>The element ends normally: its end listeners, then its outputs.</summary>
    internal void End(TokenState token, FlowNode node)
    {
        RunListeners(token, node, node.Listeners, ListenerEvents.End, task: null);
        LeaveLocalScope(token, node);
    }

    /// <summary>The token takes a sequence flow.</summary>
    internal void Take(TokenState token, SequenceFlow flow)
    {
        if (!flow.Listeners.IsDefaultOrEmpty)
        {
            RunListeners(token, null, flow.Listeners, ListenerEvents.Take, task: null, flow.Id);
        }
    }

    /// <summary>Runs the task listeners of <paramref name="task"/>'s user task for <paramref name="eventName"/>.</summary>
    public void RunTaskListeners(UserTaskState task, string eventName)
    {
        if (Process.Node(task.ActivityId) is not UserTask { TaskListeners.IsDefaultOrEmpty: false } element
            || State.FindToken(task.TokenId) is not { } token)
        {
            return;
        }

        var snapshot = new TaskObject.Snapshot(
            task.Id, task.Name, task.Assignee, task.ActivityId, task.Priority, task.DueAt, task.FollowUpAt, task.CreatedAt,
            task.CandidateUsers, task.CandidateGroups, State.Id, eventName);
        RunListeners(token, element, element.TaskListeners, eventName, snapshot);
    }

    /// <summary>
    /// A timeout listener's timer fired while its task is open (Camunda 7, "Task Listener" → "timeout"): the listener
    /// runs and the task stays; a cycle is set again for its next time.
    /// </summary>
    internal void RunTaskTimeout(TokenState token, JobState job)
    {
        if (State.Tasks.Find(t => t.TokenId == token.Id && t.ActivityId == job.ActivityId) is not { } task
            || Process.Node(task.ActivityId) is not UserTask element
            || element.TaskListeners.FirstOrDefault(l => l.Event == ListenerEvents.Timeout && l.Id == job.Listener) is not { } listener)
        {
            return;
        }

        Journal("TaskTimedOut", task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString(), ["listener"] = listener.Id });
        if (job.Cycle is not null && job.RepeatsLeft != 0 && TimerSchedule.Next(job.Cycle, job.DueAt, Now, Command.Calendar) is { } next)
        {
            State.Jobs.Add(new JobState
            {
                Id = Command.NewId(),
                Kind = JobKind.TaskTimeout,
                TokenId = token.Id,
                ActivityId = job.ActivityId,
                Listener = job.Listener,
                DueAt = next,
                Retries = job.Retries,
                Cycle = job.Cycle,
                RepeatsLeft = job.RepeatsLeft < 0 ? -1 : job.RepeatsLeft - 1,
            });
        }

        var snapshot = new TaskObject.Snapshot(
            task.Id, task.Name, task.Assignee, task.ActivityId, task.Priority, task.DueAt, task.FollowUpAt, task.CreatedAt,
            task.CandidateUsers, task.CandidateGroups, State.Id, ListenerEvents.Timeout);
        RunListeners(token, element, [listener], ListenerEvents.Timeout, snapshot);
    }

    /// <summary>
    /// The listeners of an element that is cancelled (an interrupting event, a terminate end event, a completed 或签,
    /// a 退回, a modification), as Camunda 7 runs them unless told to skip custom listeners: its task's <c>delete</c>
    /// listeners, then its <c>end</c> listeners when the token had begun the element — it waits there (a task, a
    /// catching event, a subprocess, a call) and not for an asynchronous continuation (before: not begun; after: ended).
    /// A multi-instance body has none of its own (each iteration runs them); a token stopped by an incident or
    /// waiting at a join runs none. A listener failing here refuses the whole command: a half-cancelled element cannot
    /// be left behind, so nothing of it is saved (a job that set it off is retried, then becomes a failedJob incident;
    /// a user's call gets the reason).
    /// </summary>
    internal void RunCancellationListeners(TokenState token)
    {
        try
        {
            foreach (var task in State.Tasks.Where(t => t.TokenId == token.Id).ToList())
            {
                RunTaskListeners(task, ListenerEvents.Delete);
            }

            if (token is { Phase: TokenPhase.Waiting, IsMultiInstanceBody: false }
                && Process.Node(token.NodeId) is { Listeners.IsDefaultOrEmpty: false } node
                && !State.Jobs.Exists(j => j.TokenId == token.Id && j.Kind == JobKind.Async))
            {
                RunListeners(token, node, node.Listeners, ListenerEvents.End, task: null);
            }
        }
        catch (ElementFailure ex)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Nothing was changed: {ex.Message} (while it was being cancelled)", innerException: ex);
        }
    }

    internal void RunListeners(TokenState token, FlowNode? node, System.Collections.Immutable.ImmutableArray<Listener> listeners, string eventName, TaskObject.Snapshot? task, string? flowId = null)
    {
        if (!listeners.IsDefaultOrEmpty)
        {
            var where = node is null ? $"sequenceFlow '{flowId}'" : $"{node.ElementType} '{node.Id}'";
            RunListeners(VariableScopeOf(token), token.Id, node?.Id ?? flowId!, where, listeners, eventName, task);
        }
    }

    /// <summary>
    /// The process's own start and end listeners (Camunda 7: the process is an execution too): start before its start
    /// event, end as the instance completes. One that fails makes the whole command fail (nothing of it is saved), as
    /// Camunda rolls the transaction back: there is no element to stop at.
    /// </summary>
    internal void RunProcessListeners(string eventName)
    {
        if (Process.Listeners.IsDefaultOrEmpty)
        {
            return;
        }

        try
        {
            RunListeners(State.RootScope.Id, State.RootScope.Id, Process.Key, $"process '{Process.Key}'", Process.Listeners, eventName, null);
        }
        catch (ElementFailure ex)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Nothing was changed: {ex.Message}", innerException: ex);
        }
    }

    private void RunListeners(Guid scopeId, Guid ownerId, string elementId, string where, System.Collections.Immutable.ImmutableArray<Listener> listeners, string eventName, TaskObject.Snapshot? task)
    {
        foreach (var listener in listeners)
        {
            if (listener.Event != eventName)
            {
                continue;
            }

            switch (listener.Implementation)
            {
                case ValueExpressionImplementation value:
                    try
                    {
                        Loaded.Definition.Expression(value.Expression).Evaluate(new ScopeVariables(this, scopeId, writable: true, task));
                    }
                    catch (ExpressionException ex)
                    {
                        throw new ElementFailure("listener", $"The {eventName} listener of {where}: {ex.Message}");
                    }

                    break;
                case HandlerImplementation handler:
                    RunListenerHandler(scopeId, ownerId, elementId, handler, eventName, where);
                    break;
            }
        }
    }

    /// <summary>
    /// A listener handler runs like a service-task handler (same registry, same context, on the command's transaction),
    /// synchronously where the element starts or ends; what it wrote is rolled back if it fails.
    /// </summary>
    internal void RunListenerHandler(Guid scopeId, Guid ownerId, string elementId, HandlerImplementation implementation, string eventName, string where)
    {
        if (!Command.Handlers.TryGet(implementation.HandlerName, out var handler))
        {
            throw new ElementFailure("listener", $"The {eventName} listener of {where}: no handler is registered under the name '{implementation.HandlerName}'.");
        }

        Command.RequireWriter();
        var transaction = Command.Session.Transaction;
        var savepoint = "listener_" + ownerId.ToString("N");
        Wait(transaction.SavepointAsync(savepoint, CancellationToken.None));
        var undo = new List<Action>();
        var context = new ServiceTaskContext(
            State.Id, State.DefinitionKey, elementId, State.BusinessKey, State.Jurisdiction, Now,
            name => new ScopeVariables(this, scopeId).TryGetVariable(name, out var v) ? v : null,
            (name, value) => undo.Add(SetVariableUndoably(scopeId, name, value)),
            (_, _) => throw new InvalidOperationException("A listener cannot start processes; use a service task."),
            _ => null,
            [])
        {
            Transaction = transaction.DbTransaction,
            Actor = Command.Actor,
        };
        try
        {
            Wait(handler.ExecuteAsync(context, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not CommandBudgetExceededException and not NeedsWriterException)
        {
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                undo[i]();
            }

            Wait(transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None));
            var reason = ex is BpmnErrorException ? $"it threw the BPMN error '{((BpmnErrorException)ex).ErrorCode}', which a listener cannot throw" : ex.Message;
            throw new ElementFailure("listener", $"The {eventName} listener '{implementation.HandlerName}' of {where} failed: {reason}");
        }

        Journal("ListenerRan", elementId, new JsonObject { ["event"] = eventName, ["handler"] = implementation.HandlerName });
    }

    /// <summary>Waits for a handler's work: listeners run inside the element's synchronous step.</summary>
    internal static void Wait(ValueTask pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            return;
        }

        pending.AsTask().GetAwaiter().GetResult();
    }
}
