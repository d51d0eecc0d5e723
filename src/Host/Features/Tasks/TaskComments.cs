using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// Remarks (办理意见) belong to the case, not to one step: GET and POST /api/tasks/{id}/comments list every comment of
/// the task's case (oldest first) and add one at this step; GET and POST /api/instances/{id}/comments do the same for
/// whoever may follow the case (<see cref="CaseFollowers"/>), a comment posted there belonging to no step. The next
/// step's assignee so reads what the previous one wrote; someone out of reach gets 404.
/// </summary>
public static class TaskComments
{
    /// <summary>The default of <see cref="RequestLimits.MaxCommentLength"/>.</summary>
    public const int MaxLength = 2000;

    /// <summary>At most this many comments are listed (the oldest); a case has a handful.</summary>
    public const int MaxListed = 500;

    public sealed record Request(string? Text);

    /// <summary>TaskId: the step it was written at (null for a comment on the case as a whole); AuthorName: the author's display name.</summary>
    public sealed record CommentView(Guid Id, Guid? TaskId, Guid InstanceId, string Author, string AuthorName, string Text, DateTimeOffset CreatedAt)
    {
        public static CommentView From(TaskComment c, string? authorName) => new(
            c.Id, c.TaskId == Guid.Empty ? null : c.TaskId, c.InstanceId, c.Author, string.IsNullOrWhiteSpace(authorName) ? c.Author : authorName, c.Text,
            new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)));
    }

    public static async Task<Results<Ok<List<CommentView>>, ProblemHttpResult>> List(
        Guid id, HttpContext context, WorkflowStorage storage, HostDbContext db, CancellationToken cancellationToken)
    {
        var task = await TaskLookup.VisibleAsync(storage, CurrentUser.From(context), id, cancellationToken);
        return task is null ? Problem.NotFound(context) : TypedResults.Ok(await ListAsync(db, task.InstanceId, cancellationToken));
    }

    public static async Task<Results<Ok<List<CommentView>>, ProblemHttpResult>> ListForCase(
        Guid id, HttpContext context, WorkflowStorage storage, HostDbContext db, CancellationToken cancellationToken)
    {
        return await CaseFollowers.MayFollowAsync(storage, CurrentUser.From(context), id, cancellationToken)
            ? TypedResults.Ok(await ListAsync(db, id, cancellationToken))
            : Problem.NotFound(context);
    }

    public static async Task<Results<Created<CommentView>, ProblemHttpResult>> Add(
        Guid id, Request request, HttpContext context, WorkflowStorage storage, HostDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var task = await TaskLookup.VisibleAsync(storage, user, id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        return await StoreAsync(context, request, user, task.InstanceId, id, db, time, cancellationToken);
    }

    public static async Task<Results<Created<CommentView>, ProblemHttpResult>> AddToCase(
        Guid id, Request request, HttpContext context, WorkflowStorage storage, HostDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (!await CaseFollowers.MayFollowAsync(storage, user, id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        return await StoreAsync(context, request, user, id, Guid.Empty, db, time, cancellationToken);
    }

    private static async Task<List<CommentView>> ListAsync(HostDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var comments = await db.TaskComments.AsNoTracking().Where(c => c.InstanceId == instanceId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(MaxListed).ToListAsync(cancellationToken);
        var authors = comments.Select(c => c.Author).Distinct(StringComparer.Ordinal).ToList();
        var names = authors.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => authors.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        return [.. comments.Select(c => CommentView.From(c, names.GetValueOrDefault(c.Author)))];
    }

    private static async Task<Results<Created<CommentView>, ProblemHttpResult>> StoreAsync(
        HttpContext context, Request request, CurrentUser user, Guid instanceId, Guid taskId, HostDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = errors.RequireText("text", request.Text, RequestLimits.From(context).MaxCommentLength);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var comment = new TaskComment
        {
            Id = Guid.NewGuid(),
            TaskId = taskId,
            InstanceId = instanceId,
            Author = user.Username,
            Text = text!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TaskComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        var location = taskId == Guid.Empty ? $"/api/instances/{instanceId}/comments/{comment.Id}" : $"/api/tasks/{taskId}/comments/{comment.Id}";
        return TypedResults.Created(location, CommentView.From(comment, user.DisplayName));
    }
}
