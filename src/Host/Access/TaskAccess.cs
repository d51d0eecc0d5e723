using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Workflows.Persistence;

namespace Anju.Host.Access;

/// <summary>
/// Who may see a task, as SQL filters (so that paging counts only what the caller may see).
/// The audience of a task is its assignee and its candidates (users, or holders of a candidate group role)
/// whose jurisdiction is at or above the task's. Of the audience, a caller sees the task while it is
/// unassigned or assigned to them: a task someone else holds leaves the other candidates' inboxes.
/// Administrators see everything. Outside the audience a task does not exist (404, never 403).
/// </summary>
internal static class TaskAccess
{
    /// <summary>
    /// Tasks whose audience includes the caller, held by anyone; from <c>source</c> when given (the task table
    /// with a query hint, as the inbox's due order), else from the task table.
    /// </summary>
    public static IQueryable<TaskRow> Audience(WorkflowDbContext db, CurrentUser user, IQueryable<TaskRow>? source = null)
    {
        var tasks = source ?? db.Tasks;
        if (user.IsAdmin)
        {
            return tasks;
        }

        var me = user.Username;
        var roles = user.Groups.ToList();
        return tasks
            // A count rather than Any(): PostgreSQL may turn EXISTS into a hash of every candidate row of the
            // caller's roles (all tasks of the city for a street office), where a per-task probe of the covering
            // index is what a bounded inbox needs; both databases probe a scalar subquery per task.
            .Where(t => t.Assignee == me || db.TaskCandidates.Count(c => c.TaskId == t.Id
                && ((c.Kind == 'u' && c.Value == me) || (c.Kind == 'g' && roles.Contains(c.Value)))) > 0)
            .Within(t => t.Jurisdiction, user.Jurisdictions, binaryOrder: true); // wf_tasks.Jurisdiction is byte-ordered on both databases
    }

    /// <summary>
    /// <see cref="Audience"/> for one task in memory, decided inside the engine command that acts on it (no
    /// query of its own): the same rule, and <c>TaskAccessTests</c> holds the two to the same answers.
    /// </summary>
    public static bool InAudience(CurrentUser user, string? assignee, IReadOnlyCollection<string> candidateUsers, IReadOnlyCollection<string> candidateGroups, string? jurisdiction)
    {
        if (user.IsAdmin)
        {
            return true;
        }

        var me = user.Username;
        var offered = assignee == me || candidateUsers.Contains(me) || candidateGroups.Any(user.Groups.Contains);
        return offered && Jurisdiction.CoversAny(user.Jurisdictions, jurisdiction);
    }

    /// <summary>Tasks the caller sees: of the audience, those unassigned or assigned to the caller.</summary>
    public static IQueryable<TaskRow> Visible(WorkflowDbContext db, CurrentUser user, IQueryable<TaskRow>? source = null)
    {
        if (user.IsAdmin)
        {
            return source ?? db.Tasks;
        }

        var me = user.Username;
        return Audience(db, user, source).Where(t => t.Assignee == null || t.Assignee == me);
    }
}
