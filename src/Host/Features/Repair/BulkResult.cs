using Anju.Host.Problems;

namespace Anju.Host.Features.Repair;

/// <summary>The outcome of a bulk repair for one id: done, or why not (a problem code and its localized message).</summary>
public sealed record BulkResult(Guid Id, bool Ok, string? Code = null, string? Message = null)
{
    public static BulkResult Failed(HttpContext context, Guid id, string code, params object?[] args) =>
        new(id, false, code, Messages.Text(context, code, args));
}

/// <summary>The answer of a bulk repair: one result per id, in the order given.</summary>
public sealed record BulkResponse(IReadOnlyList<BulkResult> Results);
