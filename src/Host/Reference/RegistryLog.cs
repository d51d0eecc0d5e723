using System.Text.Json;
using Anju.Host.Identity;
using Anju.Host.Persistence;
using Anju.Host.Reference;

namespace Anju.Host.Reference;

/// <summary>
/// The history of reference data: every edit adds a <see cref="RegistryChange"/> (before and after as JSON, who,
/// when) to the same unit of work as the edit itself, so the change and its record commit together.
/// </summary>
public static class RegistryLog
{
    public const string CompoundEntity = "compound";
    public const string DepartmentEntity = "department";
    public const string ViolationCategoryEntity = "violation-category";
    public const string JurisdictionEntity = "jurisdiction";
    public const string RegisterConfirmationEntity = "register-confirmation";
    public const string CalendarYearEntity = "calendar-year";

    /// <summary>A unit of an owners' register registered, corrected or removed; the key is the compound's path.</summary>
    public const string UnitEntity = "unit";

    public static readonly IReadOnlyList<string> Entities = [CompoundEntity, DepartmentEntity, ViolationCategoryEntity, JurisdictionEntity, RegisterConfirmationEntity, CalendarYearEntity, UnitEntity];

    public static void Record<T>(HostDbContext db, HttpContext context, TimeProvider time, string entity, string key, T? before, T? after)
        where T : class
    {
        db.RegistryChanges.Add(new RegistryChange
        {
            Entity = entity,
            Key = key,
            Before = before is null ? null : JsonSerializer.Serialize(before, JsonSerializerOptions.Web),
            After = after is null ? null : JsonSerializer.Serialize(after, JsonSerializerOptions.Web),
            ChangedBy = CurrentUser.From(context).Username,
            ChangedAt = time.GetUtcNow().UtcDateTime,
        });
    }
}
