using System.Reflection;
using Anju.Host.Telemetry;
using Microsoft.Extensions.Logging;

namespace Anju.Host.Tests.Architecture;

/// <summary>Every log event id of the Host is unique and lies in its area's range (<see cref="LogEvents.Ranges"/>).</summary>
public sealed class LogEventIdTests
{
    private static List<(string Method, string Namespace, int Id)> Events() =>
        [.. typeof(LogEvents).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => ($"{x.Method.DeclaringType!.Name}.{x.Method.Name}", x.Method.DeclaringType!.Namespace ?? "", x.Attribute!.EventId))];

    [Fact]
    public void The_Host_logs_events()
    {
        Assert.True(Events().Count > 10);
    }

    [Fact]
    public void Every_event_id_is_used_once()
    {
        var twice = Events().GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}");

        Assert.Empty(twice);
    }

    [Fact]
    public void Every_event_id_lies_in_its_areas_range()
    {
        var outside = Events().Where(e => !LogEvents.Ranges.TryGetValue(e.Namespace, out var range) || e.Id < range.First || e.Id > range.Last)
            .Select(e => $"{e.Method} ({e.Namespace}): {e.Id}");

        Assert.Empty(outside);
    }

    [Fact]
    public void The_ranges_do_not_overlap()
    {
        var ranges = LogEvents.Ranges.OrderBy(r => r.Value.First).ToList();

        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.True(pair.First.Value.Last < pair.Second.Value.First, $"{pair.First.Key} overlaps {pair.Second.Key}"));
    }
}
