using Anju.Host.Access;
using Anju.Host.Attachments;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Instances;

/// <summary>
/// GET and POST /api/instances/{id}/attachments: the photos of a case as a whole. A filer attaches the photos of
/// a complaint, repair or violation report right after starting it, before any task of it is his to see; the
/// case's page lists them after its tasks are done. Whoever may see the case (<see cref="InstanceAccess"/>) may
/// list and add; files are checked and stored as task attachments are (<see cref="TaskAttachments.StoreAsync"/>).
/// </summary>
public static class InstanceAttachments
{
    public static async Task<Results<Created<TaskAttachments.AttachmentView>, ProblemHttpResult>> Upload(
        Guid id, IFormFile? file, HttpContext context, WorkflowStorage storage, HostDbContext db, DataDirectory data,
        IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        if (!await InstanceAccess.CanSeeAsync(storage, user, id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        return await TaskAttachments.StoreAsync(context, file, id, null, user.Username, db, data, configuration, time, cancellationToken);
    }

    public static async Task<Results<Ok<List<TaskAttachments.AttachmentView>>, ProblemHttpResult>> List(
        Guid id, HttpContext context, WorkflowStorage storage, HostDbContext db, CancellationToken cancellationToken)
    {
        if (!await InstanceAccess.CanSeeAsync(storage, CurrentUser.From(context), id, cancellationToken))
        {
            return Problem.NotFound(context);
        }

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.InstanceId == id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(attachments.Select(TaskAttachments.AttachmentView.From).ToList());
    }
}
