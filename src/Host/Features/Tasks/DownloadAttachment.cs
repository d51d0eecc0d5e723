using Anju.Host.Access;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// GET /api/attachments/{id}: the file, for anyone who reaches the case's jurisdiction (the case outlives its
/// tasks, so this does not ask for an open task).
/// </summary>
public static class DownloadAttachment
{
    public static async Task<IResult> Handle(
        Guid id, HttpContext context, WorkflowStorage storage, HostDbContext db, DataDirectory data, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return Problem.NotFound(context);
        }

        await using var workflows = storage.CreateContext();
        var instance = await workflows.Instances.AsNoTracking().Where(i => i.Id == attachment.InstanceId)
            .Select(i => new { i.Jurisdiction, i.StartedBy }).FirstOrDefaultAsync(cancellationToken);
        var path = Path.Combine(data.Path, "attachments", attachment.InstanceId.ToString("N"), attachment.StoredName);
        var user = CurrentUser.From(context);
        if (instance is null || !user.Reaches(instance.Jurisdiction) || (InstanceAccess.IsOwnerOnly(user) && instance.StartedBy != user.Username) || !File.Exists(path))
        {
            return Problem.NotFound(context);
        }

        // Always a download, never rendered in the console's origin: attachment disposition (ASCII filename plus
        // UTF-8 filename*), nosniff (SecurityHeaders) and a sandboxing policy in case a browser displays it anyway.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.PhysicalFile(path, attachment.ContentType, SafeFileName(attachment.FileName));
    }

    /// <summary>The stored name without control characters, quotes, separators or path parts; "attachment" if nothing is left.</summary>
    public static string SafeFileName(string name)
    {
        var cleaned = new string([.. Path.GetFileName(name.Replace('\\', '/')).Select(c => char.IsControl(c) || c is '"' or '/' or '\\' or ';' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c)]).Trim(' ', '.');
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }
}
