using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Access;

/// <summary>One open task by id, if the caller may see it (or, for actions, is of its audience).</summary>
internal static class TaskLookup
{
    public static async Task<TaskRow?> VisibleAsync(WorkflowStorage storage, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        return await TaskAccess.Visible(db, user).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    /// <summary>
    /// For claim, complete, return and delegate: a candidate who lost the race to claim learns that someone
    /// holds the task (409) instead of being told it does not exist; it was in their inbox a moment ago.
    /// </summary>
    public static async Task<TaskRow?> InAudienceAsync(WorkflowStorage storage, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        return await TaskAccess.Audience(db, user).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    /// <summary>Held by someone other than the caller.</summary>
    public static bool HeldByOther(TaskRow task, CurrentUser user) => task.Assignee is { } holder && holder != user.Username;
}
