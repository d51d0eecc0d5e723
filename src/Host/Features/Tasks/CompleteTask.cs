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

        var variables = request?.Variables ?? [];
        try
        {
            // The form is checked inside the engine's command, on the instance as it is being completed.
            var after = await engine.CompleteTaskAsync(id, variables, user.Username, (task, definition) =>
            {
                var errors = FormValidator.Validate(TaskView.FormFieldsOf(definition, task.ActivityId), task.FormDefaults, variables);
                if (errors.Count > 0)
                {
                    throw new FormRejected(errors);
                }
            }, cancellationToken);
            metrics.TasksCompleted.Add(1, new KeyValuePair<string, object?>("definition", after.DefinitionKey));
            metrics.Record(after, started: false);
        }
        catch (FormRejected rejected)
        {
            return new FieldErrors(rejected.Errors).ToProblem(context);
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}

/// <summary>The form's values did not pass: the engine command is abandoned and these errors answered (400).</summary>
internal sealed class FormRejected(Dictionary<string, List<FormValidator.FieldError>> errors) : Exception("The form's values were rejected.")
{
    public Dictionary<string, List<FormValidator.FieldError>> Errors { get; } = errors;
}
