using System.Text.Json;
using Anju.Host.Persistence;
using Anju.Host.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// The violation categories with their leading departments (Reference/violation-categories.json), added on every start
/// when missing, so that administrators' edits survive a restart.
/// </summary>
public sealed class ViolationCategorySeed : ISeedContributor
{
    public Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        LoadAsync(services.GetRequiredService<HostDbContext>(), Path.Combine(AppContext.BaseDirectory, "Reference", "violation-categories.json"), cancellationToken);

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task LoadAsync(HostDbContext db, string file, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
        var existing = (await db.Set<ViolationCategory>().Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var category in document.RootElement.GetProperty("categories").EnumerateArray())
        {
            var id = category.GetProperty("id").GetString()!;
            if (!existing.Add(id))
            {
                continue;
            }

            db.Set<ViolationCategory>().Add(new ViolationCategory
            {
                Id = id,
                Name = category.GetProperty("name").GetString()!,
                LeadingDepartment = category.GetProperty("leading").GetString()!,
                Urgent = category.GetProperty("urgent").GetBoolean(),
                SupportingDepartments = category.TryGetProperty("supporting", out var supporting)
                    ? string.Join(',', supporting.EnumerateArray().Select(s => s.GetString()))
                    : "",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
