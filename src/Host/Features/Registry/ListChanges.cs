using Anju.Host.Reference;
using System.Text.Json.Nodes;
using Anju.Host.Persistence;
using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// GET /api/registry/changes?entity=&amp;key=&amp;page=&amp;pageSize= (administrators): the history of reference data,
/// newest first, with the record before and after each edit (null before a creation).
/// </summary>
public static class ListChanges
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public sealed record Item(long Id, string Entity, string Key, JsonNode? Before, JsonNode? After, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record Response(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public static async Task<Results<Ok<Response>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> Handle(
        HttpContext context, HostDbContext db, string? entity = null, string? key = null, int? page = null, int? pageSize = null)
    {
        if (!string.IsNullOrEmpty(entity) && !RegistryLog.Entities.Contains(entity))
        {
            var fields = new FieldErrors();
            fields.Add("entity", "field.enum");
            return fields.ToProblem(context);
        }

        var query = db.RegistryChanges.AsNoTracking();
        if (!string.IsNullOrEmpty(entity))
        {
            query = query.Where(c => c.Entity == entity);
        }

        if (!string.IsNullOrEmpty(key))
        {
            query = query.Where(c => c.Key == key);
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync();
        return TypedResults.Ok(new Response(
            [.. rows.Select(c => new Item(
                c.Id, c.Entity, c.Key,
                c.Before is null ? null : JsonNode.Parse(c.Before),
                c.After is null ? null : JsonNode.Parse(c.After),
                c.ChangedBy,
                new DateTimeOffset(DateTime.SpecifyKind(c.ChangedAt, DateTimeKind.Utc))))],
            total, number, size));
    }
}
