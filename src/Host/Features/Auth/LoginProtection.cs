using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Anju.Host.Identity;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Anju.Host.Features.Auth;

/// <summary>
/// What stands in front of POST /api/auth/login: the per-client rate limit (ASP.NET Core's rate limiter, policy
/// <see cref="ClientPolicy"/>), the cap on the body's size, and <see cref="LoginThrottle"/> (per-account limit, per-account
/// serialisation, per account-and-client lockout) used by <see cref="Login"/>. Settings: <see cref="LoginOptions"/>.
/// </summary>
public static class LoginProtection
{
    public const string ClientPolicy = "login-per-client";

    public static WebApplicationBuilder AddAnjuLoginProtection(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LoginOptions>(builder.Configuration.GetSection(LoginOptions.Section));
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, PerClientPolicy>(ClientPolicy));
        return builder;
    }

    /// <summary>After UseRouting: the rate limiter, then the login body's cap.</summary>
    public static WebApplication UseAnjuLoginProtection(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(LimitBodyAsync);
        return app;
    }

    /// <summary>The endpoint's protections: the per-client limit and the body cap.</summary>
    public static RouteHandlerBuilder WithLoginProtection(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireRateLimiting(ClientPolicy).WithMetadata(new LoginBodyLimit());

    /// <summary>
    /// Who is signing in, as far as the network tells: the remote address (IPv4, or an IPv6 address's /64, which one
    /// subscriber usually holds whole), or "unknown" when there is none (in-process test servers). Behind a reverse proxy
    /// this is the proxy unless forwarded headers from it are trusted (docs/security.md).
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>429 rateLimited with Retry-After (whole seconds) when the lease says how long to wait.</summary>
    public static ProblemHttpResult RateLimited(HttpContext context, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        seconds = Math.Max(1, seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem.Of(context, StatusCodes.Status429TooManyRequests, "rateLimited", seconds);
    }

    /// <summary>
    /// A login body larger than <see cref="LoginOptions.MaxBodyBytes"/> is 413 login.tooLarge: by its Content-Length,
    /// or, without one, once that many bytes have been read (the body is then buffered, a few KB at most).
    /// </summary>
    private static async Task LimitBodyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<LoginBodyLimit>() is null)
        {
            await next(context);
            return;
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<LoginOptions>>().Value.MaxBodyBytes;
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > limit)
            {
                await TooLargeAsync(context, limit);
                return;
            }
        }
        else
        {
            var buffer = new MemoryStream();
            var chunk = new byte[1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    await TooLargeAsync(context, limit);
                    return;
                }
            }

            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }

        await next(context);
    }

    private static Task TooLargeAsync(HttpContext context, int limit) =>
        Problem.Of(context, StatusCodes.Status413PayloadTooLarge, "login.tooLarge", limit >= 1024 && limit % 1024 == 0 ? $"{limit / 1024} KB" : $"{limit} B")
            .ExecuteAsync(context);

    private sealed class LoginBodyLimit;

    /// <summary>Per client address, a fixed window of one minute; rejections answer 429 rateLimited with Retry-After.</summary>
    private sealed class PerClientPolicy(IOptions<LoginOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
            await RateLimited(rejected.HttpContext, rejected.Lease).ExecuteAsync(rejected.HttpContext);

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.Value.PerClientPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }
}
