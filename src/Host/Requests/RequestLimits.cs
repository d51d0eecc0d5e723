namespace Anju.Host.Requests;

/// <summary>
/// The bounds on what one request may carry (configuration section <c>Anju:Limits</c>): variables, free texts,
/// body sizes and attachment quotas. Every value has a safe default; read per request, so a changed setting
/// applies to the next request.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Anju:Limits";

    /// <summary>Variables of one command (start, complete, correlate, external task).</summary>
    public int MaxVariables { get; set; } = 100;

    /// <summary>Characters of one variable's name.</summary>
    public int MaxVariableNameLength { get; set; } = 128;

    /// <summary>UTF-8 bytes of one variable's value as JSON.</summary>
    public int MaxVariableBytes { get; set; } = 64 * 1024;

    /// <summary>Characters of any one string inside a variable's value.</summary>
    public int MaxStringLength { get; set; } = 20_000;

    /// <summary>UTF-8 bytes of all variables of one command (names and values as JSON).</summary>
    public int MaxVariablesBytes { get; set; } = 256 * 1024;

    /// <summary>Nesting of arrays and objects inside one variable's value (a plain value is 0, {"a":1} is 1).</summary>
    public int MaxVariableDepth { get; set; } = 16;

    /// <summary>Characters of a business key (start, correlate).</summary>
    public int MaxBusinessKeyLength { get; set; } = 128;

    /// <summary>Characters of a name sent by a system: message name, worker id, error code, topic name.</summary>
    public int MaxNameLength { get; set; } = 128;

    /// <summary>Characters of a task comment and of an external task's error message.</summary>
    public int MaxCommentLength { get; set; } = 2_000;

    /// <summary>Characters of a reason: the repair actions (cancel, modify, edit a variable, retry; return and delegate have their own 500).</summary>
    public int MaxReasonLength { get; set; } = 500;

    /// <summary>Ids in one bulk repair (cancel or retry several instances or incidents together).</summary>
    public int MaxBulkItems { get; set; } = 200;

    /// <summary>Instructions in one process instance modification.</summary>
    public int MaxModificationInstructions { get; set; } = 50;

    /// <summary>Characters of a password set by an administrator (create user, reset password).</summary>
    public int MaxPasswordLength { get; set; } = 128;

    /// <summary>Characters of a deployment's note.</summary>
    public int MaxNoteLength { get; set; } = 500;

    /// <summary>Bytes of a request body on a route without a limit of its own (JSON API routes).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Bytes a multipart upload may have beyond the attachment's own limit (headers, boundaries).</summary>
    public long MultipartOverheadBytes { get; set; } = 64 * 1024;

    /// <summary>Attachments of one instance: number and total bytes.</summary>
    public int MaxAttachmentsPerInstance { get; set; } = 50;

    public long MaxAttachmentBytesPerInstance { get; set; } = 100L * 1024 * 1024;

    /// <summary>Attachments one user uploads in 24 hours: number and total bytes.</summary>
    public int MaxAttachmentsPerUserPerDay { get; set; } = 100;

    public long MaxAttachmentBytesPerUserPerDay { get; set; } = 200L * 1024 * 1024;

    /// <summary>Characters of an attachment's file name, extension included.</summary>
    public int MaxFileNameLength { get; set; } = 120;

    public static RequestLimits From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RequestLimits>() ?? new RequestLimits();

    public static RequestLimits From(HttpContext context) => From(context.RequestServices.GetRequiredService<IConfiguration>());
}
