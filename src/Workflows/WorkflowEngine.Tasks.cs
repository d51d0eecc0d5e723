using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Execution.Behaviors;
using Anju.Workflows.Model;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>Completes a user task with the given variables; the instance runs on until it waits.</summary>
    public Task<InstanceView> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, JsonNode?>? variables, string? actor, CancellationToken cancellationToken = default) =>
        WithTaskAsync(taskId, actor, (runner, task) => UserTaskBehavior.Complete(runner, task, variables), cancellationToken, computeBeforeWriter: true);

    /// <summary>
    /// Completes a user task after <paramref name="check"/> has seen it, in the same command (one load of the
    /// instance): who may act on it and whether its form is valid are decided on the state being completed, not on
    /// an earlier read. An exception from the check abandons the command: nothing is saved.
    /// </summary>
    public Task<InstanceView> CompleteTaskAsync(
        Guid taskId, IReadOnlyDictionary<string, JsonNode?>? variables, string? actor, Action<UserTaskCheck> check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        return WithTaskAsync(taskId, actor, (runner, task) =>
        {
            // The jurisdiction as projected to wf_tasks: the task's own, else its instance's.
            check(new UserTaskCheck(task, task.Jurisdiction ?? runner.State.Jurisdiction, runner.Loaded.Definition));
            UserTaskBehavior.Complete(runner, task, variables);
        }, cancellationToken, computeBeforeWriter: true);
    }

    /// <summary>Takes a task for <paramref name="user"/>; a task someone else holds is a conflict.</summary>
    public Task<InstanceView> ClaimTaskAsync(Guid taskId, string user, CancellationToken cancellationToken = default) =>
        WithTaskAsync(taskId, user, (runner, task) =>
        {
            if (task.Assignee is { } holder && holder != user)
            {
                throw WorkflowException.Conflict($"Task {taskId} is already claimed by '{holder}'.");
            }

            task.Assignee = user;
            runner.Journal("TaskClaimed", task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString(), ["user"] = user });
            runner.RunTaskListeners(task, ListenerEvents.Assignment);
        }, cancellationToken);

    public Task<InstanceView> UnclaimTaskAsync(Guid taskId, string? actor, CancellationToken cancellationToken = default) =>
        WithTaskAsync(taskId, actor, (runner, task) =>
        {
            task.Assignee = null;
            runner.Journal("TaskUnclaimed", task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString() });
        }, cancellationToken);

    /// <summary>转办: hands the task to another user, recording from whom and why.</summary>
    public Task<InstanceView> DelegateTaskAsync(Guid taskId, string toUser, string reason, string? actor, CancellationToken cancellationToken = default) =>
        WithTaskAsync(taskId, actor, (runner, task) =>
        {
            var from = task.Assignee ?? actor;
            task.DelegatedFrom = from;
            task.Assignee = toUser;
            runner.Journal("TaskDelegated", task.ActivityId, new JsonObject
            {
                ["taskId"] = task.Id.ToString(),
                ["from"] = from,
                ["to"] = toUser,
                ["reason"] = reason,
            });
            runner.RunTaskListeners(task, ListenerEvents.Assignment);
        }, cancellationToken);

    /// <summary>
    /// 退回: sends the case back to an earlier user task of the same instance (the given one, or the user task
    /// completed most recently). The current task is withdrawn and the earlier one created afresh.
    /// </summary>
    public Task<InstanceView> ReturnTaskAsync(Guid taskId, string? toActivityId, string reason, string? actor, CancellationToken cancellationToken = default) =>
        WithTaskAsync(taskId, actor, (runner, task) => runner.ReturnTask(task, toActivityId, reason), cancellationToken);

    /// <summary>The instance of a task, from the task table; a missing task is NotFound.</summary>
    private Task<InstanceView> WithTaskAsync(Guid taskId, string? actor, Action<InstanceRunner, UserTaskState> action, CancellationToken cancellationToken, bool computeBeforeWriter = false) =>
        RunAsync(actor, async (context, ct) =>
        {
            var runner = await context.GetByTaskAsync(taskId, ct)
                ?? throw WorkflowException.NotFound($"Task {taskId} does not exist or is already completed.");
            var task = runner.State.Tasks.Find(t => t.Id == taskId)
                ?? throw WorkflowException.Conflict($"Task {taskId} was completed or withdrawn meanwhile.");
            action(runner, task);
            await runner.RunAsync(ct);
            return runner;
        }, static runner => InstanceView.From(runner.State), cancellationToken, computeBeforeWriter);
}

/// <summary>What a completion check sees: the open task, the jurisdiction it is in, and its definition.</summary>
public sealed record UserTaskCheck(UserTaskState Task, string? Jurisdiction, CompiledDefinition Definition);
