using Microsoft.Net.Http.Headers;

namespace Anju.Host.Security;

/// <summary>
/// Browser hardening on every response (API, problems, health, the console's static files): a Content Security
/// Policy that allows only the Host's own scripts (no inline script, no eval, no plugins, no framing),
/// nosniff, no framing, no referrer, and no Server header. A response that set its own policy (an attachment's
/// sandbox) keeps it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Styles allow 'unsafe-inline': bpmn-js/diagram-js write <c>style</c> attributes into the SVG markup they
    /// render (labels, markers, the direct-editing box), which a strict style-src would drop. Inline styles
    /// cannot run script; scripts stay 'self' only.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Scalar API reference page starts itself with an inline script; it is served only in Development or to
    /// administrators, and gets this policy instead of <see cref="Policy"/>.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseAnjuSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, so that answers rewritten by the exception handler (which clears
        // headers) carry them too.
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
                    ? ApiReferencePolicy
                    : Policy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.Remove(HeaderNames.Server);
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
