using System.Globalization;
using Anju.Host.Cases;
using Anju.Host.Calendars;
using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Validation;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// GET /api/tasks: the caller's inbox, filtered and paged in SQL, soonest due first (no due date last), then
/// oldest; the total is counted up to <see cref="CountCap"/>. Items carry no form (see <see cref="TaskView"/>), but their
/// case's number, one-line summary and procedure name. <c>text</c> finds tasks by name or by their case (number, phone,
/// compound, description: <see cref="CaseSearch"/>), within what the caller may see.
/// </summary>
public static class ListTasks
{
    public const int MaxPageSize = 200;

    /// <summary>Above this many tasks the total is given as "more than CountCap" (<c>totalExact</c> false).</summary>
    public const int CountCap = 1000;

    /// <summary>Up to this many matches a page is read in one query with full rows, above it as ids first.</summary>
    private const int DirectRowsUpTo = 200;

    /// <summary>Query parameters as text, so that a bad value is a field error rather than a binding failure.</summary>
    public sealed record Query(
        string? AssignedToMe, string? Candidate, string? InstanceId, string? DefinitionKey, string? Overdue,
        string? DueBefore, string? Text, string? Jurisdiction, string? Page, string? PageSize);

    /// <summary>A page; <c>Total</c> is exact when <c>TotalExact</c>, otherwise the caller has more than that many.</summary>
    public sealed record Response(IReadOnlyList<TaskView> Items, int Total, bool TotalExact, int Page, int PageSize);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        [AsParameters] Query query, HttpContext context, WorkflowStorage storage, JurisdictionDirectory jurisdictions,
        TimeProvider time, CalendarStore calendarStore, Workflows.WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var calendar = calendarStore.Current;
        var errors = new FieldErrors();
        var assignedToMe = Flag(errors, "assignedToMe", query.AssignedToMe);
        var candidate = Flag(errors, "candidate", query.Candidate);
        var overdue = Flag(errors, "overdue", query.Overdue);
        var page = Number(errors, "page", query.Page, 1, 1, 1_000_000);
        var pageSize = Number(errors, "pageSize", query.PageSize, 20, 1, MaxPageSize);
        Guid? instanceId = null;
        if (!string.IsNullOrWhiteSpace(query.InstanceId))
        {
            if (Guid.TryParse(query.InstanceId, out var id))
            {
                instanceId = id;
            }
            else
            {
                errors.Add("instanceId", "field.invalid");
            }
        }

        DateTime? dueBefore = null;
        if (!string.IsNullOrWhiteSpace(query.DueBefore))
        {
            if (FormValidator.ParseDate(query.DueBefore) is { } date)
            {
                dueBefore = date.UtcDateTime;
            }
            else
            {
                errors.Add("dueBefore", "field.type.date");
            }
        }

        string? jurisdiction = null;
        if (!string.IsNullOrWhiteSpace(query.Jurisdiction))
        {
            jurisdiction = jurisdictions.Resolve(query.Jurisdiction);
            if (jurisdiction is null)
            {
                errors.Add("jurisdiction", "field.unknownJurisdiction");
            }
        }

        if (query.Text is { Length: > CaseSearch.MaxLength })
        {
            errors.Add("text", "field.maxlength", CaseSearch.MaxLength);
        }

        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var user = CurrentUser.From(context);
        var now = time.GetUtcNow().UtcDateTime;
        IQueryable<TaskRow> Filtered(WorkflowDbContext db, IQueryable<TaskRow> source)
        {
            var tasks = TaskAccess.Visible(db, user, source).AsNoTracking();
            if (assignedToMe == true)
            {
                tasks = tasks.Where(t => t.Assignee == user.Username);
            }

            if (candidate == true)
            {
                // Offered to me and not yet taken: the "to claim" list.
                tasks = tasks.Where(t => t.Assignee == null);
            }

            if (instanceId is { } instance)
            {
                tasks = tasks.Where(t => t.InstanceId == instance);
            }

            if (!string.IsNullOrWhiteSpace(query.DefinitionKey))
            {
                var key = query.DefinitionKey.Trim();
                tasks = tasks.Where(t => t.DefinitionKey == key);
            }

            if (overdue is { } late)
            {
                tasks = late ? tasks.Where(t => t.DueAt != null && t.DueAt < now) : tasks.Where(t => t.DueAt == null || t.DueAt >= now);
            }

            if (dueBefore is { } before)
            {
                tasks = tasks.Where(t => t.DueAt != null && t.DueAt < before);
            }

            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                tasks = CaseSearch.Matching(db, tasks, query.Text.Trim());
            }

            if (jurisdiction is not null)
            {
                tasks = tasks.Within(t => t.Jurisdiction, [jurisdiction], binaryOrder: true);
            }

            return tasks;
        }

        static IQueryable<TaskRow> InDueOrder(IQueryable<TaskRow> tasks) =>
            tasks.OrderBy(t => t.DueSort).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);

        await using var db = storage.CreateContext();

        if (instanceId is not null && page == 1)
        {
            // One instance's open tasks are few (a 会签 has one per signer): the page itself tells the total when it
            // is not full, so the count is only asked for when it is.
            var own = await InDueOrder(Filtered(db, db.Tasks))
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            if (own.Count < pageSize)
            {
                return TypedResults.Ok(new Response(await ViewsAsync(own), own.Count, true, page, pageSize));
            }
        }

        // Counting stops after CountCap: an exact figure for a reach of thousands costs a walk over all of them
        // on every inbox read, and says nothing an official acts on (the 督办看板 has the exact figures).
        var counted = await Filtered(db, db.Tasks).Select(t => t.Id).Take(CountCap + 1).CountAsync(cancellationToken);
        var exact = counted <= CountCap;

        // A page in due order, as ids first, so that only the page's rows are read in full. For a reach of up to
        // CountCap tasks the database sorts them (by jurisdiction, covering index); for a larger one it walks the
        // due-order index and stops at the page. SQLite's planner prefers the sort even there (its statistics see
        // one jurisdiction value, not a street's subtree), so it is told which index to use; PostgreSQL's planner
        // weighs LIMIT against the filter itself.
        if (exact && counted <= DirectRowsUpTo)
        {
            // Few enough to read in full and sort: one query (the usual inbox, and any filtered one).
            var few = await InDueOrder(Filtered(db, db.Tasks))
                .Skip((page - 1) * pageSize).Take(pageSize)
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(new Response(await ViewsAsync(few), counted, true, page, pageSize));
        }

        var source = exact || db.IsPostgres
            ? db.Tasks
            : db.Tasks.FromSqlRaw($"SELECT * FROM \"wf_tasks\" INDEXED BY \"{WorkflowDbContext.DueOrderIndex}\"");
        var ids = await InDueOrder(Filtered(db, source))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        var rows = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var items = await ViewsAsync([.. ids.Where(rows.ContainsKey).Select(id => rows[id])]);
        return TypedResults.Ok(new Response(items, exact ? counted : CountCap, exact, page, pageSize));

        // The page's rows with their case's number and summary (one query by key) and the procedure's name (cached).
        async Task<List<TaskView>> ViewsAsync(List<TaskRow> page)
        {
            var lines = await CaseSearch.LinesAsync(db, page.Select(t => t.InstanceId), cancellationToken);
            var views = new List<TaskView>(page.Count);
            foreach (var row in page)
            {
                var line = lines.GetValueOrDefault(row.InstanceId);
                views.Add(TaskView.FromRow(row, calendar) with
                {
                    CaseNumber = line?.CaseNumber,
                    CaseSummary = line?.Summary,
                    Procedure = await CaseSearch.ProcedureNameAsync(engine, row.DefinitionId, cancellationToken),
                });
            }

            return views;
        }
    }

    private static bool? Flag(FieldErrors errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors.Add(name, "field.type.boolean");
        return null;
    }

    private static int Number(FieldErrors errors, string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(name, "field.type.long");
            return fallback;
        }

        if (number < min)
        {
            errors.Add(name, "field.min", min);
        }
        else if (number > max)
        {
            errors.Add(name, "field.max", max);
        }

        return number;
    }
}
