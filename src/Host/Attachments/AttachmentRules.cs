using System.Globalization;
using System.Text;
using Anju.Host.Features;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Anju.Host.Requests;

namespace Anju.Host.Attachments;

/// <summary>
/// What an upload must respect besides size and type (<see cref="TaskAttachments.StoreAsync"/>): exactly one
/// file per request, a file name that cannot mislead (no control, format or bidi characters, no path
/// separators, at most <see cref="RequestLimits.MaxFileNameLength"/> characters, the extension kept) and the
/// quotas per case and per uploader in 24 hours (<see cref="RequestLimits"/>), counted from the attachments table.
/// </summary>
public static class AttachmentRules
{
    /// <summary>
    /// One host checks a quota and stores the file under this gate, so that parallel uploads cannot all pass
    /// the same count (several hosts may each let one more through).
    /// </summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Null when the multipart form carries exactly one file, else the 400.</summary>
    public static async Task<ProblemHttpResult?> OneFileAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        return form.Files.Count == 1 ? null : Problem.Of(context, StatusCodes.Status400BadRequest, "attachment.oneFile", form.Files.Count);
    }

    /// <summary>
    /// The name as shown and sent back on download: the last path segment ('/' or '\'), without control, format (bidi
    /// overrides and isolates, LRM/RLM/ALM, zero-width) or separator characters and path separators, trimmed,
    /// and shortened to <paramref name="maxLength"/> characters keeping the extension. Never empty.
    /// </summary>
    public static string SafeFileName(string? name, int maxLength)
    {
        var clean = new StringBuilder();
        var lastSegment = (name ?? "").Split('/', '\\')[^1];
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                || rune == Rune.ReplacementChar)
            {
                continue;
            }

            clean.Append(rune.ToString());
        }

        var text = clean.ToString().Trim();
        if (text.Trim('.').Length == 0)
        {
            text = "attachment";
        }

        if (text.Length <= maxLength)
        {
            return text;
        }

        var extension = Path.GetExtension(text);
        if (extension.Length > maxLength / 2)
        {
            extension = "";
        }

        var cut = maxLength - extension.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + extension;
    }

    /// <summary>
    /// Runs <paramref name="store"/> when one more file of <paramref name="size"/> bytes keeps the case and the
    /// uploader within their quotas; else answers 413 (case full) or 429 (uploader's 24 hours) "attachmentQuota"
    /// and stores nothing.
    /// </summary>
    public static async Task<TResult> WithinQuotaAsync<TResult>(
        HttpContext context, HostDbContext db, RequestLimits limits, Guid instanceId, string uploadedBy, long size, DateTime now,
        Func<Task<TResult>> store, Func<ProblemHttpResult, TResult> refused, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var ofCase = db.Attachments.AsNoTracking().Where(a => a.InstanceId == instanceId);
            var caseCount = await ofCase.CountAsync(cancellationToken);
            var caseBytes = await ofCase.SumAsync(a => (long?)a.Size, cancellationToken) ?? 0;
            if (caseCount + 1 > limits.MaxAttachmentsPerInstance || caseBytes + size > limits.MaxAttachmentBytesPerInstance)
            {
                return refused(Refuse(context, StatusCodes.Status413PayloadTooLarge, "attachmentQuota.instance", limits.MaxAttachmentsPerInstance, limits.MaxAttachmentBytesPerInstance));
            }

            var since = now.AddHours(-24);
            var ofUser = db.Attachments.AsNoTracking().Where(a => a.UploadedBy == uploadedBy && a.CreatedAt > since);
            var userCount = await ofUser.CountAsync(cancellationToken);
            var userBytes = await ofUser.SumAsync(a => (long?)a.Size, cancellationToken) ?? 0;
            if (userCount + 1 > limits.MaxAttachmentsPerUserPerDay || userBytes + size > limits.MaxAttachmentBytesPerUserPerDay)
            {
                return refused(Refuse(context, StatusCodes.Status429TooManyRequests, "attachmentQuota.user", limits.MaxAttachmentsPerUserPerDay, limits.MaxAttachmentBytesPerUserPerDay));
            }

            return await store();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static ProblemHttpResult Refuse(HttpContext context, int status, string which, int files, long bytes) =>
        Problem.Of(context, status, "attachmentQuota", Messages.Text(context, which, files, FormatBytes(bytes)));

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.##} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KB");
}
