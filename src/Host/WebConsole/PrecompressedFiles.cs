using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Anju.Host.WebConsole;

/// <summary>
/// The console's files compressed ahead of time: its build (src/Designer/scripts/compress.mjs) writes
/// <c>name.br</c> (Brotli) and <c>name.gz</c> (gzip) beside each bundle, stylesheet and page, and a request whose
/// Accept-Encoding allows one gets that file with <c>Content-Encoding</c> and the original's content type (no
/// compression work per request). Outside Development the source maps (<c>*.map</c>) are not served at all (404):
/// they give the whole source away and are for developers' own builds.
/// </summary>
public static class PrecompressedFiles
{
    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Rewrites a request for a console file to its precompressed copy when the client accepts it; refuses source maps outside Development.</summary>
    public static IApplicationBuilder UsePrecompressedConsoleFiles(this IApplicationBuilder app, IFileProvider files, bool serveSourceMaps) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if (path is null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !Path.HasExtension(path))
            {
                await next(context);
                return;
            }

            if (!serveSourceMaps && path.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!IsCompressed(path))
            {
                var accepted = Accepted(request.Headers.AcceptEncoding);
                var compressible = false;
                foreach (var (encoding, extension) in Encodings)
                {
                    if (!files.GetFileInfo(path + extension).Exists)
                    {
                        continue;
                    }

                    compressible = true;
                    if (accepted.Contains(encoding))
                    {
                        request.Path = path + extension;
                        break;
                    }
                }

                if (compressible)
                {
                    context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                }
            }

            await next(context);
        });

    /// <summary>Content types by the original's extension (<c>app.js.br</c> is JavaScript), for the static files middleware.</summary>
    public sealed class ContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _inner = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            ArgumentNullException.ThrowIfNull(subpath);
            return _inner.TryGetContentType(IsCompressed(subpath) ? subpath[..^3] : subpath, out contentType!);
        }
    }

    /// <summary>Sets Content-Encoding on a precompressed file's response (from OnPrepareResponse).</summary>
    public static void MarkEncoding(StaticFileResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.File.Name;
        foreach (var (encoding, extension) in Encodings)
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                context.Context.Response.Headers.ContentEncoding = encoding;
                context.Context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            }
        }
    }

    private static bool IsCompressed(string path) =>
        path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> Accepted(Microsoft.Extensions.Primitives.StringValues header)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (StringWithQualityHeaderValue.TryParseList(header, out var values))
        {
            foreach (var value in values)
            {
                if (value.Quality is not 0)
                {
                    accepted.Add(value.Value.Value ?? "");
                }
            }
        }

        return accepted;
    }
}
