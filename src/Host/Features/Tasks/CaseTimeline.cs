using System.Text.Json.Nodes;
using Anju.Host.Calendars;
using Anju.Host.Access;
using Anju.Host.Features.Tasks;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// GET /api/instances/{id}/timeline: one case told for people, oldest first — filed, each step done (its name, who by
/// display name, when, the choice made in plain words and the note written), 退回 with its reason (from which step to
/// which), 转办 (from whom to whom, why), comments of every step, attachments, the end; and the current steps with
/// their due dates (what happens next and by when). Built from the journal, the comments and the attachments; no
/// variable names, no element ids, and for owners no usernames (a person without a display name is left unnamed).
/// Who may follow the case: see <see cref="CaseFollowers"/>.
/// </summary>
public static class CaseTimeline
{
    /// <summary>A note of a step is cut to this many characters in the timeline (the case page has the full text).</summary>
    public const int MaxNoteLength = 500;

    /// <summary>At most this many attachments are told (the oldest); comments are bounded by <see cref="TaskComments.MaxListed"/>.</summary>
    public const int MaxAttachments = 200;

    /// <summary>
    /// One event. <see cref="Kind"/>: <c>filed</c>, <c>done</c>, <c>returned</c>, <c>delegated</c>, <c>comment</c>,
    /// <c>attachment</c>, <c>closed</c> (the end's name as <see cref="Outcome"/>), <c>cancelled</c>. Only the fields of the kind are set.
    /// </summary>
    public sealed record Item(
        string Kind,
        DateTimeOffset At,
        string? Step = null,
        string? By = null,
        string? Outcome = null,
        string? NoteLabel = null,
        string? Note = null,
        string? Reason = null,
        string? FromStep = null,
        string? ToStep = null,
        string? From = null,
        string? To = null,
        string? Text = null,
        Guid? AttachmentId = null,
        string? FileName = null,
        string? ContentType = null,
        string? Url = null);

    /// <summary>
    /// A step waiting now: who holds it (a name), or the roles that may take it; its due date; <see cref="Yours"/> when
    /// the caller is the one to act (an owner's review); <see cref="Returned"/> when a 退回 created it.
    /// </summary>
    public sealed record CurrentStep(
        Guid TaskId, string Step, string? Handler, IReadOnlyList<string> Roles, DateTimeOffset? DueAt, bool DueIsEstimate, bool Yours, ReturnMark.View? Returned);

    public sealed record Response(Guid InstanceId, string? CaseNumber, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
        IReadOnlyList<Item> Items, IReadOnlyList<CurrentStep> Current);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Guid id, HttpContext context, WorkflowStorage storage, WorkflowEngine engine, HostDbContext db, CalendarStore calendar,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (!await CaseFollowers.MayFollowAsync(storage, user, id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        await using var wf = storage.CreateContext();
        var instance = await wf.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null)
        {
            return Problem.NotFound(context);
        }

        var definition = await engine.GetDefinitionAsync(instance.DefinitionId, cancellationToken);
        var journal = await wf.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Seq).ToListAsync(cancellationToken);
        var openTasks = await wf.Tasks.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var comments = await db.TaskComments.AsNoTracking().Where(c => c.InstanceId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(TaskComments.MaxListed).ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.InstanceId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Take(MaxAttachments).ToListAsync(cancellationToken);

        var parsed = journal.Select(j => (Row: j, Details: j.Details is null ? null : JsonNode.Parse(j.Details) as JsonObject)).ToList();
        var people = await People.LoadAsync(db, user, parsed.SelectMany(PeopleOf)
            .Concat(comments.Select(c => c.Author)).Concat(attachments.Select(a => a.UploadedBy)).Concat(openTasks.Select(t => t.Assignee)), cancellationToken);
        var stepOfTask = parsed.Where(e => e.Row.Type == "TaskCreated" && e.Row.ActivityId is not null)
            .Select(e => (Task: Text(e.Details, "taskId"), e.Row.ActivityId))
            .Where(e => Guid.TryParse(e.Task, out _))
            .GroupBy(e => Guid.Parse(e.Task!)).ToDictionary(g => g.Key, g => g.First().ActivityId!);
        string? StepName(string? activityId) => NameOf(definition, activityId);

        var items = new List<Item>();
        foreach (var (row, details) in parsed)
        {
            var at = Utc(row.At);
            switch (row.Type)
            {
                case "InstanceStarted":
                    items.Add(new Item("filed", at, By: people.Name(row.Actor)));
                    break;
                case "TaskCompleted":
                    var (outcome, noteLabel, note) = Outcome(definition, row.ActivityId, details?["variables"] as JsonObject);
                    items.Add(new Item("done", at, Step: StepName(row.ActivityId), By: people.Name(row.Actor), Outcome: outcome, NoteLabel: noteLabel, Note: note));
                    break;
                case "TaskReturned":
                    items.Add(new Item("returned", at, By: people.Name(row.Actor), Reason: Text(details, "reason"),
                        FromStep: StepName(row.ActivityId), ToStep: StepName(Text(details, "to"))));
                    break;
                case "TaskDelegated":
                    items.Add(new Item("delegated", at, Step: StepName(row.ActivityId), By: people.Name(row.Actor), Reason: Text(details, "reason"),
                        From: people.Name(Text(details, "from")), To: people.Name(Text(details, "to"))));
                    break;
                case "InstanceCompleted":
                    items.Add(new Item("closed", at, Outcome: StepName(row.ActivityId)));
                    break;
                case "InstanceCancelled":
                    items.Add(new Item("cancelled", at, Reason: Text(details, "reason")));
                    break;
            }
        }

        items.AddRange(comments.Select(c => new Item("comment", Utc(c.CreatedAt),
            Step: stepOfTask.TryGetValue(c.TaskId, out var activity) ? StepName(activity) : null, By: people.Name(c.Author), Text: c.Text)));
        items.AddRange(attachments.Select(a => new Item("attachment", Utc(a.CreatedAt),
            Step: a.TaskId is { } task && stepOfTask.TryGetValue(task, out var activity) ? StepName(activity) : null, By: people.Name(a.UploadedBy),
            AttachmentId: a.Id, FileName: a.FileName, ContentType: a.ContentType, Url: $"/api/attachments/{a.Id}")));

        // Journal entries first at equal times (a comment is never written in the same instant as the step it follows).
        var ordered = items.Select((item, index) => (item, index)).OrderBy(e => e.item.At).ThenBy(e => e.index).Select(e => e.item).ToList();
        var snapshot = calendar.Current;
        var current = openTasks.Select(t => new CurrentStep(
            t.Id,
            t.Name ?? StepName(t.ActivityId) ?? "",
            t.Assignee is null ? null : people.Name(t.Assignee),
            Split(t.CandidateGroups).Where(g => !g.Contains(':', StringComparison.Ordinal)).ToList(),
            t.DueAt is { } due ? Utc(due) : null,
            snapshot.IsEstimate(Utc(t.CreatedAt), t.DueAt is { } dueAt ? Utc(dueAt) : null),
            t.Assignee == user.Username,
            ReturnMark.Find(parsed, t.Id, t.ActivityId, definition, people))).ToList();

        var status = instance.HasIncident && instance.Status.Equals("Active", StringComparison.OrdinalIgnoreCase) ? "incident" : instance.Status.ToLowerInvariant();
        return TypedResults.Ok(new Response(instance.Id, instance.CaseNumber ?? instance.BusinessKey, status, Utc(instance.StartedAt),
            instance.EndedAt is { } ended ? Utc(ended) : null, ordered, current));
    }

    /// <summary>The name of an element of the definition (null when it has none: ids are not shown).</summary>
    internal static string? NameOf(CompiledDefinition? definition, string? activityId) =>
        activityId is not null && definition?.Process.Nodes.TryGetValue(activityId, out var node) == true && !string.IsNullOrWhiteSpace(node.Name) ? node.Name : null;

    /// <summary>
    /// What a step decided, in the words of its form: the chosen name of its first enum field (受理，派物业办理), and the
    /// first text written in one of its other string fields (处理结果: …), cut to <see cref="MaxNoteLength"/>.
    /// </summary>
    internal static (string? Outcome, string? NoteLabel, string? Note) Outcome(CompiledDefinition? definition, string? activityId, JsonObject? variables)
    {
        if (variables is null || activityId is null || definition?.Process.Nodes.TryGetValue(activityId, out var node) != true || node is not UserTask task)
        {
            return (null, null, null);
        }

        string? outcome = null;
        string? noteLabel = null;
        string? note = null;
        foreach (var field in task.FormFields)
        {
            if (field.IsReadOnly || !variables.TryGetPropertyValue(field.Id, out var value) || value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (outcome is null && field.Type == "enum")
            {
                outcome = field.EnumValues.FirstOrDefault(v => v.Id == text) is { } chosen ? chosen.Name ?? chosen.Id : null;
            }
            else if (note is null && field.Type == "string" && field.Label is { } label)
            {
                noteLabel = label;
                note = text.Length > MaxNoteLength ? text[..MaxNoteLength] + "…" : text;
            }
        }

        return (outcome, noteLabel, note);
    }

    private static IEnumerable<string?> PeopleOf((JournalRow Row, JsonObject? Details) entry) =>
        entry.Row.Type == "TaskDelegated" ? [entry.Row.Actor, Text(entry.Details, "from"), Text(entry.Details, "to")] : [entry.Row.Actor];

    internal static string? Text(JsonObject? details, string name) =>
        details?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Display names of the users a timeline mentions, in one query. Officials see a username where a user has no display
/// name; owners never see a username (that person stays unnamed: "工作人员" on the page).
/// </summary>
internal sealed class People
{
    private readonly Dictionary<string, string> _names;
    private readonly bool _hideUsernames;

    private People(Dictionary<string, string> names, bool hideUsernames)
    {
        _names = names;
        _hideUsernames = hideUsernames;
    }

    public static async Task<People> LoadAsync(HostDbContext db, CurrentUser user, IEnumerable<string?> usernames, CancellationToken cancellationToken)
    {
        var wanted = usernames.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!).Distinct(StringComparer.Ordinal).ToList();
        var names = wanted.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        return new People(names, InstanceAccess.IsOwnerOnly(user) || !user.Roles.Any(r => r != Roles.Owner && r != Roles.OwnersCommittee && r != Roles.PropertyFirm));
    }

    /// <summary>The person's display name; for officials the username when there is none; null for nobody (the engine).</summary>
    public string? Name(string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return null;
        }

        if (_names.TryGetValue(username, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return _hideUsernames ? null : username;
    }
}

/// <summary>
/// Who may follow a case (its timeline and comments): whoever may see the instance (<see cref="InstanceAccess"/>:
/// the filer, staff in its jurisdiction, administrators), and the audience of one of its open tasks (an assignee or
/// candidate whose jurisdiction covers the task). Anyone else gets 404.
/// </summary>
public static class CaseFollowers
{
    public static async Task<bool> MayFollowAsync(WorkflowStorage storage, CurrentUser user, Guid instanceId, CancellationToken cancellationToken)
    {
        if (await InstanceAccess.CanSeeAsync(storage, user, instanceId, cancellationToken))
        {
            return true;
        }

        await using var db = storage.CreateContext();
        return await TaskAccess.Audience(db, user, db.Tasks.Where(t => t.InstanceId == instanceId)).AnyAsync(cancellationToken);
    }
}
