using Anju.Host.Features;
using Anju.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Requests;

namespace Anju.Host.Validation;

/// <summary>
/// The reason every repair action takes (cancel, modify, edit a variable, retry, and their bulk forms): required,
/// at most <see cref="RequestLimits.MaxReasonLength"/> characters; the engine journals it with the actor.
/// </summary>
public static class RepairReason
{
    /// <summary>The trimmed reason, or the 400 naming the field "reason" when it is missing or too long.</summary>
    public static string? Read(HttpContext context, string? reason, out ProblemHttpResult? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(reason))
        {
            problem = FieldErrors.One(context, "reason", "field.required");
            return null;
        }

        var text = reason.Trim();
        problem = TextBounds.Check(context, ("reason", text, RequestLimits.From(context).MaxReasonLength));
        return problem is null ? text : null;
    }

    private sealed record ReasonBody(string? Reason);

    /// <summary>
    /// Reads an optional JSON body <c>{ "reason": … }</c> here rather than binding it, so that a call without a body
    /// still reaches its handler (which then decides whether the reason is required). <c>HasBody</c> is false when
    /// the request carries no JSON; invalid JSON is a 400.
    /// </summary>
    public static async Task<(bool HasBody, string? Reason, ProblemHttpResult? Problem)> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (false, null, null);
        }

        try
        {
            var body = await context.Request.ReadFromJsonAsync<ReasonBody>(cancellationToken);
            return (true, body?.Reason, null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (true, null, Problem.BadRequest(context, "the body is not valid JSON."));
        }
    }

    /// <summary>Checks a bulk request's ids: at least one, at most <see cref="RequestLimits.MaxBulkItems"/>.</summary>
    public static ProblemHttpResult? CheckIds(HttpContext context, string field, IReadOnlyCollection<Guid>? ids)
    {
        if (ids is null || ids.Count == 0)
        {
            return FieldErrors.One(context, field, "field.required");
        }

        var max = RequestLimits.From(context).MaxBulkItems;
        return ids.Count > max
            ? FieldErrors.One(context, field, "repair.tooMany", max)
            : null;
    }
}
