using Anju.Workflows.Execution;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Anju.Host.Problems;

/// <summary>Every error is problem+json: engine refusals by kind, bad bodies as 400, anything else as 500.</summary>
public static partial class ProblemSetup
{
    public static WebApplicationBuilder AddAnjuProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseAnjuProblems(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var details = error switch
            {
                WorkflowException workflow => ToDetails(context, workflow),
                BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => Requests.RequestBodyLimits.TooLarge(context, null),
                BadHttpRequestException bad => Problem.Details(context, 400, "invalidRequest", bad.Message),
                System.Text.Json.JsonException json => Problem.Details(context, 400, "invalidRequest", json.Message),
                _ when Security.StorageFailures.IsDatabaseBusy(error) => Problem.Details(context, 503, "databaseBusy"),
                _ when Security.StorageFailures.IsDiskFull(error) => Problem.Details(context, 507, "diskFull"),
                _ => Problem.Details(context, 500, "internal"),
            };
            if (details.Status == 500)
            {
                LogUnhandled(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Anju.Host"), error, context.Request.Path);
            }
            else if (details.Status is 503 or 507)
            {
                LogStorageFailure(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Anju.Host"), context.Request.Path, error?.Message);
            }

            context.Response.StatusCode = details.Status ?? 500;
            if (details.Status == 503)
            {
                context.Response.Headers.RetryAfter = Security.StorageFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }));
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            if (context.Response.HasStarted || context.Response.ContentLength > 0)
            {
                return;
            }

            var code = context.Response.StatusCode switch
            {
                401 => "unauthenticated",
                403 => "forbidden",
                404 => "notFound",
                405 => "invalidRequest",
                413 => "payloadTooLarge",
                415 => "unsupportedMediaType",
                _ => "invalidRequest",
            };
            var details = code == "payloadTooLarge" ? Requests.RequestBodyLimits.TooLarge(context, null) : Problem.Details(context, context.Response.StatusCode, code, context.Request.Method);
            await context.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        });
        return app;
    }

    private static ProblemDetails ToDetails(HttpContext context, WorkflowException error)
    {
        var mapping = EngineErrors.Of(error);
        return Problem.Details(context, mapping.Status, mapping.Code, EngineErrors.Arguments(error));
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, string path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Storage unavailable on {Path}: {Reason}")]
    private static partial void LogStorageFailure(ILogger logger, string path, string? reason);
}
