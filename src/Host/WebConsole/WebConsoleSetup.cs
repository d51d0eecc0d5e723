using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Anju.Host.WebConsole;

/// <summary>
/// Serves the built web console (src/Designer, a single-page app) at "/": its static files, and index.html for
/// any other path outside the API, health, OpenAPI and Scalar routes so that reloading a deep link works.
/// The folder is <c>Anju:ConsoleDirectory</c>, else <c>wwwroot</c> beside the app when it holds index.html
/// (a published Host), else <c>../Designer/dist</c> from the project folder (<c>dotnet run</c>, which builds it).
/// Without a built console the Host runs API-only. Its files are sent precompressed (Brotli or gzip) to clients that
/// accept it, and its source maps only in Development (<see cref="PrecompressedFiles"/>).
/// </summary>
public static class WebConsoleSetup
{
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/openapi", "/scalar"];

    public static WebApplication MapAnjuConsole(this WebApplication app)
    {
        var directory = FindConsole(app.Configuration, app.Environment);
        if (directory is null)
        {
            return app;
        }

        var files = new PhysicalFileProvider(directory);
        var staticFiles = new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new PrecompressedFiles.ContentTypes(),
            OnPrepareResponse = context =>
            {
                // Vite names bundles by content hash; index.html must be fetched fresh to pick up new ones.
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.File.Name.StartsWith("index.html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=31536000, immutable";
                PrecompressedFiles.MarkEncoding(context);
            },
        };
        app.UsePrecompressedConsoleFiles(files, serveSourceMaps: app.Environment.IsDevelopment());
        app.UseStaticFiles(staticFiles);
        var index = files.GetFileInfo("index.html");
        app.MapFallback("{*path:nonfile}", async context =>
        {
            // Unknown server routes stay a 404 problem; everything else is a console route for the client router.
            // An anonymous call under /api is 401 (the contract: every /api call needs a token), as it is when a
            // route exists but its request shape does not match.
            if (IsServerPath(context.Request.Path))
            {
                context.Response.StatusCode = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    && context.User.Identity?.IsAuthenticated != true
                        ? StatusCodes.Status401Unauthorized
                        : StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static string? FindConsole(IConfiguration configuration, IWebHostEnvironment environment)
    {
        string[] candidates = configuration["Anju:ConsoleDirectory"] is { Length: > 0 } configured
            ? [configured]
            : ["wwwroot", Path.Combine("..", "Designer", "dist")];
        return candidates
            .Select(c => Path.GetFullPath(c, environment.ContentRootPath))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }
}
