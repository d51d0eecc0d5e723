using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// POST /api/tasks/{id}/complete: inside the engine's command, on the task as it is being completed, the caller
/// must be of its audience (else 404, as for a task that does not exist) and not see it held by someone else
/// (409), and the form's values must pass (400 with every field's errors); then the task is completed with the
/// caller as actor and the case runs on. Any refusal changes nothing.
/// </summary>
public static class CompleteTask
{
    public sealed record Request(Dictionary<string, JsonNode?>? Variables);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, Request? request, HttpContext context, WorkflowEngine engine, Telemetry.AnjuMetrics metrics, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var variables = request?.Variables ?? [];
        if (VariableBounds.Check(context, variables) is { } tooMuch)
        {
            return tooMuch;
        }

        try
        {
            var after = await engine.CompleteTaskAsync(id, variables, user.Username, check =>
            {
                var task = check.Task;
                if (!TaskAccess.InAudience(user, task.Assignee, task.CandidateUsers, task.CandidateGroups, check.Jurisdiction))
                {
                    throw new CompletionRefused(Problem.NotFound(context));
                }

                if (task.Assignee is { } holder && holder != user.Username)
                {
                    throw new CompletionRefused(Problem.Of(context, StatusCodes.Status409Conflict, "task.claimedByOther", holder));
                }

                var errors = FormValidator.Validate(TaskView.FormFieldsOf(check.Definition, task.ActivityId), task.FormDefaults, variables);
                if (errors.Count > 0)
                {
                    throw new CompletionRefused(new FieldErrors(errors).ToProblem(context));
                }
            }, cancellationToken);
            metrics.TasksCompleted.Add(1, new KeyValuePair<string, object?>("definition", after.DefinitionKey));
            metrics.Record(after, started: false);
        }
        catch (CompletionRefused refused)
        {
            return refused.Problem;
        }
        catch (WorkflowException error)
        {
            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }
}

/// <summary>The completion was refused by the check inside the engine command, which is abandoned; this is the answer.</summary>
internal sealed class CompletionRefused(ProblemHttpResult problem) : Exception("The task completion was refused.")
{
    public ProblemHttpResult Problem { get; } = problem;
}
