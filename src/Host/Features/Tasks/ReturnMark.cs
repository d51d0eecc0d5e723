using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// Whether a task was created by a 退回, and by whom, from which step and why: the journal entry just before the task's
/// TaskCreated (among the creations of its step and the returns to it) is a TaskReturned to its step. Read from the
/// journal when a task is shown, so the engine keeps no extra state for it.
/// </summary>
public static class ReturnMark
{
    /// <summary>From: the step's name the case was returned from; By: the display name of who returned it.</summary>
    public sealed record View(string? From, string? Reason, string? By, DateTimeOffset At);

    /// <summary>The mark of one task (GET /api/tasks/{id}), or null when a 退回 did not create it.</summary>
    public static async Task<View?> ForTaskAsync(
        WorkflowStorage storage, HostDbContext db, CurrentUser user, Guid taskId, Guid instanceId, string activityId, CompiledDefinition definition,
        CancellationToken cancellationToken)
    {
        await using var wf = storage.CreateContext();
        var rows = await wf.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && (j.Type == "TaskReturned" || (j.Type == "TaskCreated" && j.ActivityId == activityId)))
            .OrderBy(j => j.Seq).ToListAsync(cancellationToken);
        if (!rows.Any(r => r.Type == "TaskReturned"))
        {
            return null;
        }

        var entries = rows.Select(r => (Row: r, Details: r.Details is null ? null : JsonNode.Parse(r.Details) as JsonObject)).ToList();
        var actors = entries.Where(e => e.Row.Type == "TaskReturned").Select(e => e.Row.Actor);
        return Find(entries, taskId, activityId, definition, await People.LoadAsync(db, user, actors, cancellationToken));
    }

    internal static View? Find(IReadOnlyList<(JournalRow Row, JsonObject? Details)> journal, Guid taskId, string activityId, CompiledDefinition? definition, People people)
    {
        var id = taskId.ToString();
        (JournalRow Row, JsonObject? Details)? previous = null;
        foreach (var entry in journal)
        {
            var (row, details) = entry;
            if (row.Type == "TaskCreated" && row.ActivityId == activityId)
            {
                if (CaseTimeline.Text(details, "taskId") == id)
                {
                    return previous is { } returned
                        ? new View(CaseTimeline.NameOf(definition, returned.Row.ActivityId), CaseTimeline.Text(returned.Details, "reason"),
                            people.Name(returned.Row.Actor), CaseTimeline.Utc(returned.Row.At))
                        : null;
                }

                previous = null;
            }
            else if (row.Type == "TaskReturned" && CaseTimeline.Text(details, "to") == activityId)
            {
                previous = entry;
            }
        }

        return null;
    }
}
