using Anju.Host.Access;
using Anju.Host.Features;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Anju.Host.Validation;
using Anju.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

namespace Anju.Host.Attachments;

/// <summary>
/// POST and GET /api/tasks/{id}/attachments: photos and scans for a case (整改照片, 证明材料). The type is decided
/// by the content's first bytes, not by the name or the client's header. Files are kept under the data folder
/// per instance; the list shows every attachment of the task's case.
/// </summary>
public static class TaskAttachments
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public sealed record AttachmentView(Guid Id, Guid InstanceId, Guid? TaskId, string FileName, string ContentType, long Size, string UploadedBy, DateTimeOffset CreatedAt)
    {
        public static AttachmentView From(Attachment a) =>
            new(a.Id, a.InstanceId, a.TaskId, a.FileName, a.ContentType, a.Size, a.UploadedBy, new DateTimeOffset(DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc)));
    }

    public static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Upload(
        Guid id, IFormFile? file, HttpContext context, WorkflowStorage storage, HostDbContext db, DataDirectory data,
        IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context);
        var task = await TaskLookup.VisibleAsync(storage, user, id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        return await StoreAsync(context, file, task.InstanceId, id, user.Username, db, data, configuration, time, cancellationToken);
    }

    /// <summary>
    /// Checks and stores one uploaded file for a case (and the task it came with, if any): one file per request,
    /// size limit, type by content, a safe file name, the quotas (<see cref="AttachmentRules"/>), kept under the
    /// data folder per instance. Shared by task and instance uploads.
    /// </summary>
    public static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> StoreAsync(
        HttpContext context, IFormFile? file, Guid instanceId, Guid? taskId, string uploadedBy, HostDbContext db, DataDirectory data,
        IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            var errors = new FieldErrors();
            errors.Add("file", "field.required");
            return errors.ToProblem(context);
        }

        if (await AttachmentRules.OneFileAsync(context, cancellationToken) is { } notOne)
        {
            return notOne;
        }

        var limits = RequestLimits.From(configuration);
        var fileName = AttachmentRules.SafeFileName(file.FileName, limits.MaxFileNameLength);
        var maxBytes = configuration.GetValue("Anju:Attachments:MaxBytes", DefaultMaxBytes);
        if (file.Length > maxBytes)
        {
            return Problem.Of(context, StatusCodes.Status413PayloadTooLarge, "tooLarge", $"{maxBytes / 1024.0 / 1024.0:0.#} MB");
        }

        var allowed = configuration.GetSection("Anju:Attachments:AllowedTypes").Get<string[]>() ?? [.. FileSignature.Known];
        string? contentType;
        await using (var head = file.OpenReadStream())
        {
            contentType = await FileSignature.DetectAsync(head, cancellationToken);
        }

        if (contentType is null || !allowed.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return Problem.Of(context, StatusCodes.Status415UnsupportedMediaType, "unsupportedMediaType", fileName);
        }

        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            InstanceId = instanceId,
            TaskId = taskId,
            FileName = fileName,
            ContentType = contentType,
            Size = file.Length,
            StoredName = Guid.NewGuid().ToString("N"),
            UploadedBy = uploadedBy,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        return await AttachmentRules.WithinQuotaAsync<Results<Created<AttachmentView>, ProblemHttpResult>>(
            context, db, limits, instanceId, uploadedBy, file.Length, attachment.CreatedAt,
            async () =>
            {
                var folder = Path.Combine(data.Path, "attachments", instanceId.ToString("N"));
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, attachment.StoredName);
                var files = context.RequestServices.GetService<IAttachmentFiles>() ?? AttachmentFiles.Disk;
                try
                {
                    await using (var target = files.Create(path))
                    {
                        await file.CopyToAsync(target, cancellationToken);
                    }

                    db.Attachments.Add(attachment);
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch
                {
                    // A full disk or a failed insert leaves neither a partial file nor a row (ProblemSetup: 507 diskFull).
                    db.ChangeTracker.Clear();
                    File.Delete(path);
                    throw;
                }

                return TypedResults.Created($"/api/attachments/{attachment.Id}", AttachmentView.From(attachment));
            },
            refused => refused,
            cancellationToken);
    }

    public static async Task<Results<Ok<List<AttachmentView>>, ProblemHttpResult>> List(
        Guid id, HttpContext context, WorkflowStorage storage, HostDbContext db, CancellationToken cancellationToken)
    {
        var task = await TaskLookup.VisibleAsync(storage, CurrentUser.From(context), id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound(context);
        }

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.InstanceId == task.InstanceId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(attachments.Select(AttachmentView.From).ToList());
    }
}
