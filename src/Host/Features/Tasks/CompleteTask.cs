using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/complete: the form's values are checked on the server (all errors at once, nothing
/// changed), then the engine completes the task with the caller as actor and runs the case on.
/// </summary>
public static class CompleteTask
{
    public sealed record Request(Dictionary<string, JsonNode?>? Variables);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, Request? request, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, Telemetry.AnjuMetrics metrics, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var task = await TaskLookup.InAudienceAsync(storage, user, id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        if (TaskLookup.HeldByOther(task, user))
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "task.claimedByOther", task.Assignee);
        }

        if (await engine.GetTaskDetailsAsync(id, cancellationToken) is not { } details)
        {
            return Problem.Of(context, StatusCodes.Status409Conflict, "conflict");
        }

        var variables = request?.Variables ?? [];
        var errors = FormValidator.Validate(TaskView.FormFieldsOf(details.Definition, details.Task.ActivityId), details.Task.FormDefaults, variables);
        if (errors.Count > 0)
        {
            return new FieldErrors(errors).ToProblem(context);
        }

        try
        {
            var after = await engine.CompleteTaskAsync(id, variables, user.Username, cancellationToken);
            metrics.TasksCompleted.Add(1, new KeyValuePair<string, object?>("definition", after.DefinitionKey));
            metrics.Record(after, started: false);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}
