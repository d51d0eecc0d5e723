using System.Globalization;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Anju.Host.Requests;

/// <summary>
/// The request body limit of each route, enforced right after routing and before anything reads the body:
/// an attachment upload may carry the attachment limit plus <see cref="RequestLimits.MultipartOverheadBytes"/>;
/// a route with its own <see cref="IRequestSizeLimitMetadata"/> (deployments: 10 MB) that; every other route
/// <see cref="RequestLimits.MaxRequestBodyBytes"/> (1 MB). A declared Content-Length over the limit is refused at
/// once; a body of unknown length (chunked) is buffered up to the limit and refused beyond it. Either way the
/// answer is a 413 "payloadTooLarge" problem and the handler never runs. Kestrel's own limit is lowered to the
/// route's too, and its 413 (<see cref="BadHttpRequestException"/>) is mapped to the same problem in
/// <see cref="ProblemSetup"/>.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>Endpoint metadata of an upload route: its limit follows Anju:Attachments:MaxBytes.</summary>
    public sealed class AttachmentUpload;

    public static TBuilder WithAttachmentBodyLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AttachmentUpload());

    public static WebApplication UseAnjuRequestBodyLimits(this WebApplication app)
    {
        app.Use(InvokeAsync);
        return app;
    }

    /// <summary>The limit of the matched route in bytes; null when the route takes bodies of any size.</summary>
    public static long? LimitOf(HttpContext context, Endpoint endpoint)
    {
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        var limits = RequestLimits.From(configuration);
        if (endpoint.Metadata.GetMetadata<AttachmentUpload>() is not null)
        {
            return configuration.GetValue("Anju:Attachments:MaxBytes", Attachments.TaskAttachments.DefaultMaxBytes) + limits.MultipartOverheadBytes;
        }

        return endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own ? own.MaxRequestBodySize : limits.MaxRequestBodyBytes;
    }

    /// <summary>The 413 problem, naming the limit when it is known.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails TooLarge(HttpContext context, long? limit) =>
        Problem.Details(context, StatusCodes.Status413PayloadTooLarge, "payloadTooLarge", Format(limit ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize));

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is not { } endpoint || LimitOf(context, endpoint) is not { } limit)
        {
            await next(context);
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > limit)
            {
                await RefuseAsync(context, limit);
                return;
            }
        }
        else if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !await BufferAsync(context, limit))
        {
            await RefuseAsync(context, limit);
            return;
        }

        await next(context);
    }

    /// <summary>Reads a body of unknown length into a rewindable buffer; false as soon as it passes the limit.</summary>
    private static async Task<bool> BufferAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        request.EnableBuffering();
        var chunk = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return false;
                }
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }

        request.Body.Position = 0;
        return true;
    }

    private static async Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.Response.WriteAsJsonAsync(TooLarge(context, limit), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    private static string Format(long? bytes) => bytes switch
    {
        null => "?",
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.##} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
