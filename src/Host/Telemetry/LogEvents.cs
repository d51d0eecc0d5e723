using System.Collections.Frozen;

namespace Anju.Host.Telemetry;

/// <summary>
/// The ranges of log event ids, one per area of the Host (a kernel or a feature), by namespace. Every
/// <c>[LoggerMessage(EventId = …)]</c> of an area uses an id of its range, and no id is used twice; a test checks
/// both. docs/design/architecture.md (logging) lists the ranges for operators' alert rules.
/// </summary>
public static class LogEvents
{
    /// <summary>The inclusive range of event ids of each area, by the area's namespace.</summary>
    public static readonly FrozenDictionary<string, (int First, int Last)> Ranges = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["Anju.Host.Telemetry"] = (1, 99),
        ["Anju.Host.Problems"] = (1000, 1099),
        ["Anju.Host.Seeding"] = (2000, 2099),
        ["Anju.Host.Calendars"] = (2100, 2199),
        ["Anju.Host.Persistence"] = (3000, 3099),
        ["Anju.Host.Identity"] = (3100, 3199),
        ["Anju.Host.Features.Voting"] = (5000, 5099),
        ["Anju.Host.Features.Notifications"] = (5100, 5199),
        ["Anju.Host.Features.Migrations"] = (5200, 5299),
        ["Anju.Host.Features.Assessments"] = (5300, 5399),
        ["Anju.Host.Features.Auth"] = (5400, 5499),
        ["Anju.Host.Features.Calendar"] = (5500, 5599),
        ["Anju.Host.Features.Correlation"] = (5600, 5699),
        ["Anju.Host.Features.Definitions"] = (5700, 5799),
        ["Anju.Host.Features.ExternalTasks"] = (5800, 5899),
        ["Anju.Host.Features.Health"] = (5900, 5999),
        ["Anju.Host.Features.Incidents"] = (6000, 6099),
        ["Anju.Host.Features.Instances"] = (6100, 6199),
        ["Anju.Host.Features.Jobs"] = (6200, 6299),
        ["Anju.Host.Features.Registry"] = (6300, 6399),
        ["Anju.Host.Features.Repair"] = (6400, 6499),
        ["Anju.Host.Features.Supervision"] = (6500, 6599),
        ["Anju.Host.Features.Tasks"] = (6600, 6699),
        ["Anju.Host.Features.Users"] = (6700, 6799),
        ["Anju.Host.Procedures"] = (9000, 9099),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
