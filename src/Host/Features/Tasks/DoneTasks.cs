using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Validation;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// GET /api/tasks/done: tasks the caller completed (已办), newest first, from the engine's journal, each with its step's
/// name, its procedure's name and its case's number and summary.
/// </summary>
public static class DoneTasks
{
    public sealed record DoneTaskView(Guid? TaskId, string? ActivityId, Guid InstanceId, string DefinitionKey, string? BusinessKey, string? Jurisdiction, DateTimeOffset CompletedAt)
    {
        /// <summary>The step's name (the user task's name in the version the case ran).</summary>
        public string? Name { get; init; }

        public string? Procedure { get; init; }
        public string? CaseNumber { get; init; }
        public string? CaseSummary { get; init; }
    }

    public sealed record Response(IReadOnlyList<DoneTaskView> Items, int Total, int Page, int PageSize);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string? page, string? pageSize, HttpContext context, WorkflowStorage storage, Workflows.WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var pageNumber = Paging(errors, "page", page, 1, 1_000_000);
        var size = Paging(errors, "pageSize", pageSize, 20, ListTasks.MaxPageSize);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var me = CurrentUser.From(context).Username;
        await using var db = storage.CreateContext();
        var done = db.Journal.AsNoTracking()
            .Where(j => j.Type == "TaskCompleted" && j.Actor == me)
            .Join(db.Instances, j => j.InstanceId, i => i.Id, (j, i) => new { j.InstanceId, j.Seq, j.At, j.ActivityId, j.Details, i.DefinitionKey, i.DefinitionId, i.BusinessKey, i.Jurisdiction, i.CaseNumber, i.CaseSummary });
        var total = await done.CountAsync(cancellationToken);
        var rows = await done.OrderByDescending(x => x.At).ThenByDescending(x => x.Seq)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = new List<DoneTaskView>(rows.Count);
        foreach (var r in rows)
        {
            Workflows.Execution.CompiledDefinition? definition = null;
            try
            {
                definition = await engine.Definitions.GetAsync(r.DefinitionId, cancellationToken);
            }
            catch (Workflows.Execution.WorkflowException)
            {
                // A version removed since: the row stays, without names.
            }

            items.Add(new DoneTaskView(
                TaskIdOf(r.Details), r.ActivityId, r.InstanceId, r.DefinitionKey, r.BusinessKey, r.Jurisdiction,
                new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)))
            {
                Name = r.ActivityId is { } activity && definition?.Process.Nodes.TryGetValue(activity, out var node) == true ? node.Name : null,
                Procedure = definition?.Process.Name,
                CaseNumber = r.CaseNumber,
                CaseSummary = r.CaseSummary,
            });
        }
        return TypedResults.Ok(new Response(items, total, pageNumber, size));
    }

    private static Guid? TaskIdOf(string? details) =>
        details is not null && JsonNode.Parse(details)?["taskId"]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : null;

    private static int Paging(FieldErrors errors, string name, string? value, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1 || number > max)
        {
            errors.Add(name, "field.max", max);
            return fallback;
        }

        return number;
    }
}
