using System.Text;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Parsing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Requests;

namespace Anju.Host.Features.Definitions;

/// <summary>
/// POST /api/deployments: one or more BPMN files (multipart field "files") or one document as
/// application/xml. All or nothing: any problem in any file deploys nothing. With <c>?dryRun=true</c> the
/// same validation runs and its problems (errors and warnings) are answered with 200; nothing is stored.
/// </summary>
public static class Deploy
{
    /// <summary>10 MB per request: far above any real model, low enough that parsing stays cheap.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record DefinitionView(string Key, int Version, string? Name, string Id);

    public sealed record Response(Guid DeploymentId, IReadOnlyList<DefinitionView> Definitions)
    {
        /// <summary>What does not block a deployment but a modeller should see (a call activity's target not deployed).</summary>
        public IReadOnlyList<ProblemView> Warnings { get; init; } = [];
    }

    /// <summary>
    /// One problem: the element, a stable code, "error" or "warning", the message in the caller's language
    /// (Chinese by default) and the engine's English detail.
    /// </summary>
    public sealed record ProblemView(string? ElementId, int Line, string Message)
    {
        public string Code { get; init; } = ProblemCodes.Model;
        public string Severity { get; init; } = "error";
        public string Detail { get; init; } = "";
    }

    public sealed record DryRunDefinitionView(string Key, int Version, string? Name, bool IsNew);

    /// <summary>The dry run's answer: whether a deploy would succeed, what it would create, and every problem.</summary>
    public sealed record DryRunResponse(bool Valid, IReadOnlyList<DryRunDefinitionView> Definitions, IReadOnlyList<ProblemView> Errors, IReadOnlyList<ProblemView> Warnings);

    public static async Task<Results<Created<Response>, Ok<Response>, Ok<DryRunResponse>, ProblemHttpResult>> Handle(
        HttpContext context, WorkflowEngine engine, string? note, string? unknownServiceTasks, bool? dryRun, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            return TooLarge(context);
        }

        if (TextBounds.Check(context, ("note", note, RequestLimits.From(context).MaxNoteLength)) is { } tooLong)
        {
            return tooLong;
        }

        var asExternal = string.Equals(unknownServiceTasks, "external", StringComparison.OrdinalIgnoreCase);
        if (unknownServiceTasks is not null && !asExternal && !string.Equals(unknownServiceTasks, "reject", StringComparison.OrdinalIgnoreCase))
        {
            return Problem.BadRequest(context, "unknownServiceTasks must be 'external' or 'reject'.");
        }

        List<DeploymentFile> files;
        try
        {
            var read = await ReadFilesAsync(context, cancellationToken);
            if (read is null)
            {
                return Problem.Of(context, StatusCodes.Status415UnsupportedMediaType, "unsupportedMediaType", context.Request.ContentType);
            }

            files = read;
        }
        catch (InvalidDataException)
        {
            // The form reader's own length limits.
            return TooLarge(context);
        }

        if (files.Count == 0)
        {
            return Problem.BadRequest(context, "no BPMN file (multipart field 'files' or an application/xml body).");
        }

        var result = await engine.DeployAsync(new DeploymentRequest
        {
            Files = files,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            DeployedBy = CurrentUser.From(context).Username,
            Source = DefinitionSources.User(CurrentUser.From(context).Username),
            UnknownServiceTasksAsExternal = asExternal,
            DryRun = dryRun == true,
        }, cancellationToken);
        var english = Messages.IsEnglish(context);
        if (dryRun == true)
        {
            return TypedResults.Ok(new DryRunResponse(
                result.Succeeded,
                [.. result.Definitions.Select(d => new DryRunDefinitionView(d.Key, d.Version, d.Name, d.IsNew))],
                [.. result.Problems.Select(p => View(p, english))],
                [.. result.Warnings.Select(p => View(p, english))]));
        }

        if (!result.Succeeded)
        {
            var details = Problem.Details(context, StatusCodes.Status400BadRequest, "deploymentInvalid");
            details.Extensions["errors"] = result.Problems.Select(p => View(p, english)).ToList();
            details.Extensions["warnings"] = result.Warnings.Select(p => View(p, english)).ToList();
            return TypedResults.Problem(details);
        }

        var response = new Response(result.DeploymentId, [.. result.Definitions.Select(d => new DefinitionView(d.Key, d.Version, d.Name, d.Id))])
        {
            Warnings = [.. result.Warnings.Select(p => View(p, english))],
        };
        return result.CreatedAny
            ? TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(result.Definitions[0].Key)}", response)
            : TypedResults.Ok(response);
    }

    /// <summary>A problem for clients: Chinese from its code and arguments (English: the engine's own sentence).</summary>
    internal static ProblemView View(BpmnProblem problem, bool english) =>
        new(problem.ElementId, problem.Line, english ? problem.Message
            : problem.Code == ProblemCodes.Model ? Messages.Text(false, "bpmn.model", problem.Message)
            : Messages.Text(false, $"bpmn.{problem.Code}", [.. problem.Arguments]))
        {
            Code = problem.Code,
            Severity = problem.Severity == ProblemSeverity.Warning ? "warning" : "error",
            Detail = problem.Message,
        };

    private static ProblemHttpResult TooLarge(HttpContext context) =>
        Problem.Of(context, StatusCodes.Status413PayloadTooLarge, "tooLarge", "10 MB");

    /// <summary>The uploaded documents, or null when the content type is neither multipart nor XML.</summary>
    private static async Task<List<DeploymentFile>?> ReadFilesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes, ValueLengthLimit = (int)MaxBytes }, cancellationToken);
            var uploads = form.Files.GetFiles("files");
            var files = new List<DeploymentFile>();
            foreach (var upload in uploads.Count > 0 ? uploads : form.Files)
            {
                using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                files.Add(new DeploymentFile(upload.FileName, await reader.ReadToEndAsync(cancellationToken)));
            }

            return files;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/xml" or "text/xml" or "application/bpmn+xml"))
        {
            return null;
        }

        var text = await ReadLimitedAsync(request.Body, cancellationToken);
        return [new DeploymentFile("upload.bpmn", text)];
    }

    /// <summary>Reads a body of unknown length (chunked) without letting it grow past the limit.</summary>
    private static async Task<string> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new InvalidDataException("The body is larger than the limit.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
