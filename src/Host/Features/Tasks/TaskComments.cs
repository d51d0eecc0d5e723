using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>GET and POST /api/tasks/{id}/comments: remarks on a task (办理意见), oldest first.</summary>
public static class TaskComments
{
    /// <summary>The default of <see cref="RequestLimits.MaxCommentLength"/>.</summary>
    public const int MaxLength = 2000;

    public sealed record Request(string? Text);

    public sealed record CommentView(Guid Id, Guid TaskId, string Author, string Text, DateTimeOffset CreatedAt)
    {
        public static CommentView From(TaskComment c) => new(c.Id, c.TaskId, c.Author, c.Text, new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)));
    }

    public static async Task<Results<Ok<List<CommentView>>, ProblemHttpResult>> List(
        Guid id, HttpContext context, WorkflowStorage storage, HostDbContext db, CancellationToken cancellationToken)
    {
        if (await TaskLookup.VisibleAsync(storage, CurrentUser.From(context), id, cancellationToken) is null)
        {
            return Problem.NotFound(context);
        }

        var comments = await db.TaskComments.AsNoTracking().Where(c => c.TaskId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(comments.Select(CommentView.From).ToList());
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

        var errors = new FieldErrors();
        var text = errors.RequireText("text", request.Text, RequestLimits.From(context).MaxCommentLength);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var comment = new TaskComment
        {
            Id = Guid.NewGuid(),
            TaskId = id,
            InstanceId = task.InstanceId,
            Author = user.Username,
            Text = text!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TaskComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/tasks/{id}/comments/{comment.Id}", CommentView.From(comment));
    }
}
