using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    /// <summary>
    /// 退回: the token of the current task moves back to an earlier user task at the same level (same
    /// process or subprocess), which is created again; boundary events of the current task are withdrawn.
    /// </summary>
    public void ReturnTask(UserTaskState task, string? toActivityId, string reason)
    {
        var token = State.FindToken(task.TokenId)!;
        if (token.IsIteration)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Task '{task.ActivityId}' is one of several parallel signatures (会签/或签) and cannot be returned on its own.", task.ActivityId);
        }

        var current = Process.Node(task.ActivityId);
        var target = toActivityId ?? (ReturnTargets(Process, State, task) is [var last, ..] ? last.Id : null);
        if (target is null)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"There is no earlier user task to return task '{task.ActivityId}' to.", task.ActivityId);
        }

        if (!Process.Nodes.TryGetValue(target, out var targetNode) || targetNode is not UserTask || targetNode.ParentId != current.ParentId)
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"'{target}' is not a user task at the same level as '{task.ActivityId}'.", target);
        }

        if (!State.CompletedActivities.Contains(target))
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"User task '{target}' has not been done in this case yet, so the case cannot be returned to it.", target);
        }

        CancelToken(token, removeToken: false);
        State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
        State.Jobs.RemoveAll(j => j.TokenId == token.Id);
        Journal("TaskReturned", task.ActivityId, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["to"] = target,
            ["reason"] = reason,
        });
        token.NodeId = target;
        token.ArrivedVia = null;
        Schedule(token);
    }

    /// <summary>
    /// The steps a task may be returned to, the one done last first: user tasks at the task's level (same process
    /// or subprocess) that this case has completed. None for one signature of a 会签/或签.
    /// </summary>
    public static IReadOnlyList<FlowNode> ReturnTargets(ProcessDefinition process, InstanceState state, UserTaskState task)
    {
        if (state.FindToken(task.TokenId) is not { IsIteration: false })
        {
            return [];
        }

        var current = process.Node(task.ActivityId);
        return [.. state.CompletedActivities
            .AsEnumerable().Reverse()
            .Distinct(StringComparer.Ordinal)
            .Where(id => id != current.Id)
            .Select(id => process.Nodes.TryGetValue(id, out var node) ? node : null)
            .OfType<UserTask>()
            .Where(node => node.ParentId == current.ParentId)];
    }
}
