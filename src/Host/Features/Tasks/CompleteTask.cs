using System.Text.Json.Nodes;
using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

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
        Guid id, Request? request, HttpContext context, WorkflowEngine engine, WorkflowStorage storage, Telemetry.AnjuMetrics metrics, CancellationToken cancellationToken)
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
            // The caller's own repeat (a retry without an Idempotency-Key, a double click): 409 已办理, not 404.
            if (error.Kind == WorkflowErrorKind.NotFound && await CompletedByAsync(storage, id, user.Username, cancellationToken) is { } completedAt)
            {
                var beijing = completedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                return Problem.Of(context, StatusCodes.Status409Conflict, "task.alreadyCompleted", beijing);
            }

            return Problem.From(context, error);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// When the caller completed this task: its TaskCompleted journal entry by this actor (the partial index on the
    /// journal's actor for TaskCompleted entries keeps this to the caller's own completions); null when the
    /// caller did not complete it, so a task out of reach, or completed by someone else, stays 404.
    /// </summary>
    internal static async Task<DateTimeOffset?> CompletedByAsync(WorkflowStorage storage, Guid taskId, string username, CancellationToken cancellationToken)
    {
        var text = taskId.ToString();
        await using var db = storage.CreateContext();
        var at = await db.Journal.AsNoTracking()
            .Where(j => j.Type == "TaskCompleted" && j.Actor == username && j.Details != null && j.Details.Contains(text))
            .Select(j => (DateTime?)j.At)
            .FirstOrDefaultAsync(cancellationToken);
        return at is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }
}

/// <summary>The completion was refused by the check inside the engine command, which is abandoned; this is the answer.</summary>
internal sealed class CompletionRefused(ProblemHttpResult problem) : Exception("The task completion was refused.")
{
    public ProblemHttpResult Problem { get; } = problem;
}
