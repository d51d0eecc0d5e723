using System.Text.Json.Nodes;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution.Behaviors;

/// <summary>
/// A user task: created with its assignment, dates, priority and form defaults evaluated in the token's scope, it
/// waits until someone completes it (Camunda 7 reference, "User Task").
/// </summary>
internal static class UserTaskBehavior
{
    internal static void Execute(InstanceRunner runner, TokenState token, UserTask element)
    {
        runner.Command.Budget.SpendTask(runner, element);
        var task = new UserTaskState
        {
            Id = runner.Command.NewId(),
            TokenId = token.Id,
            ActivityId = element.Id,
            Name = element.Name,
            CreatedAt = runner.Now,
            FormKey = element.FormKey,
            Assignee = AttributeValues.Text(runner, token, element.Assignee),
            CandidateUsers = AttributeValues.List(runner, token, element.CandidateUsers),
            CandidateGroups = AttributeValues.List(runner, token, element.CandidateGroups),
            DueAt = AttributeValues.Date(runner, token, element.DueDate, "dueDate"),
            FollowUpAt = AttributeValues.Date(runner, token, element.FollowUpDate, "followUpDate"),
            Priority = element.Priority is null ? 50 : (int)Math.Clamp(AttributeValues.Number(runner, token, element.Priority, "priority"), 0, 1000),
            Jurisdiction = AttributeValues.Text(runner, token, element.Jurisdiction),
        };

        foreach (var field in element.FormFields)
        {
            if (field.ValueExpression is not null)
            {
                task.FormDefaults[field.Id] = ExpressionValues.ToJson(runner.Evaluate(token, field.ValueExpression));
            }
            else if (field.Variable is { } variable && runner.Variables(token).TryGetVariable(variable, out var current))
            {
                task.FormDefaults[field.Id] = current?.DeepClone();
            }
            else if (!field.WritePath.IsDefaultOrEmpty && runner.Variables(token).TryGetVariable(field.WritePath[0], out var root))
            {
                // The property's current value when the path leads to one (a missing step shows nothing).
                var value = field.WritePath.Skip(1).Aggregate(root, (node, name) => node is JsonObject o ? o[name] : null);
                if (value is not null)
                {
                    task.FormDefaults[field.Id] = value.DeepClone();
                }
            }
            else if (field.DefaultValue is not null)
            {
                task.FormDefaults[field.Id] = ExpressionValues.ToJson(runner.Evaluate(token, field.DefaultValue));
            }
        }

        runner.State.Tasks.Add(task);
        token.Phase = TokenPhase.Waiting;
        runner.Journal("TaskCreated", element.Id, new JsonObject { ["taskId"] = task.Id.ToString(), ["assignee"] = task.Assignee });

        // Camunda 7: no task event fires before create; a task created with an assignee then fires assignment.
        runner.RunTaskListeners(task, ListenerEvents.Create);
        if (task.Assignee is not null)
        {
            runner.RunTaskListeners(task, ListenerEvents.Assignment);
        }

        foreach (var timeout in element.TaskListeners.Where(l => l.Timer is not null))
        {
            runner.AddTimer(token.Id, runner.VariableScopeOf(token), element.Id, timeout.Timer!, JobKind.TaskTimeout, timeout.Id);
        }
    }

    /// <summary>Completes a user task: its variables are set, then the token leaves the task.</summary>
    internal static void Complete(InstanceRunner runner, UserTaskState task, IReadOnlyDictionary<string, JsonNode?>? variables)
    {
        var token = runner.State.FindToken(task.TokenId)
            ?? throw new InvalidOperationException($"Task {task.Id} has no token.");

        // The completion's variables are set first, so that the complete listeners (and the end listeners and
        // outputs after them) see them.
        var element = (UserTask)runner.Process.Node(task.ActivityId);
        runner.SetFormVariables(runner.VariableScopeOf(token), element.FormFields, variables);
        runner.RunTaskListeners(task, ListenerEvents.Complete);
        runner.State.Tasks.Remove(task);
        runner.State.Jobs.RemoveAll(j => j.TokenId == token.Id && j.Kind == JobKind.TaskTimeout);
        runner.Journal("TaskCompleted", task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString(), ["variables"] = InstanceRunner.ToJsonObject(variables) });
        runner.Leave(token, runner.Process.Node(task.ActivityId));
    }
}
