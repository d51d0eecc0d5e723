namespace Anju.Host.Telemetry;

/// <summary>
/// Puts the id of the instance, task, job, incident or external task a request is about into the logging
/// scope, so that every log line of that request (JSON console, OTLP) carries it.
/// </summary>
public static class RequestLogScope
{
    private static readonly Dictionary<string, string> ScopeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["instances"] = "InstanceId",
        ["tasks"] = "TaskId",
        ["jobs"] = "JobId",
        ["incidents"] = "IncidentId",
        ["external-tasks"] = "ExternalTaskId",
        ["attachments"] = "AttachmentId",
    };

    public static WebApplication UseRequestLogScope(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var scope = Describe(context);
            if (scope is null)
            {
                await next(context);
                return;
            }

            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Anju.Host.Request");
            using (logger.BeginScope(scope))
            {
                await next(context);
            }
        });
        return app;
    }

    /// <summary>"/api/tasks/{id}/…" → { TaskId = id }; null for requests about no single item.</summary>
    public static Dictionary<string, object>? Describe(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetRouteValue("id") is not { } id)
        {
            return null;
        }

        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var area = segments.Length > 1 && segments[0] == "api" ? segments[1] : null;
        return area is not null && ScopeNames.TryGetValue(area, out var name)
            ? new Dictionary<string, object> { [name] = id }
            : null;
    }
}
