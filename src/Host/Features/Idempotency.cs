using System.Security.Cryptography;
using System.Text;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features;

/// <summary>
/// Idempotency-Key on state-changing calls: the first response (2xx or 4xx) is stored per user and key and
/// replayed for a retry with the same body, so a double click cannot advance a procedure twice. A key reused
/// with a different body is refused (422). Keys are kept for 24 hours.
/// </summary>
public sealed class Idempotency : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return await next(context);
        }

        if (key.Length > 200)
        {
            return Problem.BadRequest(http, "Idempotency-Key is longer than 200 characters.");
        }

        var user = CurrentUser.From(http).Username;
        var hash = RequestHash(context);
        var db = http.RequestServices.GetRequiredService<HostDbContext>();
        var stored = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserName == user && r.Key == key);
        if (stored is not null && stored.CreatedAt > DateTime.UtcNow.AddHours(-24))
        {
            if (stored.RequestHash != hash)
            {
                return Problem.Of(http, StatusCodes.Status422UnprocessableEntity, "idempotencyMismatch");
            }

            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Text(stored.Body ?? "", stored.ContentType, Encoding.UTF8, stored.StatusCode);
        }

        var result = await next(context);
        if (result is IResult asResult)
        {
            var (status, contentType, body) = await Capture(http, asResult);
            if (status < 500)
            {
                if (stored is not null)
                {
                    db.IdempotencyRecords.Remove(await db.IdempotencyRecords.FirstAsync(r => r.UserName == user && r.Key == key));
                }

                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, UserName = user, RequestHash = hash, StatusCode = status, ContentType = contentType, Body = body, CreatedAt = DateTime.UtcNow });
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // A concurrent request with the same key stored first; this one's result stands as it is.
                }
            }

            return Results.Text(body, contentType, Encoding.UTF8, status);
        }

        return result;
    }

    /// <summary>Runs the result against a buffer to learn its status and body.</summary>
    private static async Task<(int Status, string? ContentType, string Body)> Capture(HttpContext http, IResult result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        var contentType = http.Response.ContentType;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = null;
        return (status, contentType, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The request's identity: method, path, query and the bound arguments (the body's DTO, ids).</summary>
    private static string RequestHash(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var text = new StringBuilder(http.Request.Method).Append(' ').Append(http.Request.Path).Append(http.Request.QueryString);
        foreach (var argument in context.Arguments)
        {
            var part = argument switch
            {
                null => "null",
                string or Guid or int or long or bool => argument.ToString(),
                IFormFile file => $"{file.FileName}:{file.Length}",
                _ when argument.GetType().Namespace?.StartsWith("Anju.Host.Features", StringComparison.Ordinal) == true =>
                    System.Text.Json.JsonSerializer.Serialize(argument, argument.GetType()),
                _ => null,
            };
            if (part is not null)
            {
                text.Append('|').Append(part);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
