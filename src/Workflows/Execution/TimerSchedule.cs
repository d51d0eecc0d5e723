using Anju.Workflows.Calendars;
using Anju.Workflows.Expressions;
using Anju.Workflows.Model;
using Cronos;

namespace Anju.Workflows.Execution;

/// <summary>
/// When a timer is due: timeDate (a date), timeDuration (ISO 8601 duration from now) or timeCycle
/// (ISO repeating interval "R[n]/[start/]duration", or a cron expression evaluated in China Standard Time).
/// </summary>
internal readonly record struct TimerSchedule(DateTimeOffset DueAt, string? Cycle, int RepeatsLeft)
{
    public static TimerSchedule First(TimerDefinition timer, object? value, DateTimeOffset now, WorkingCalendar calendar)
    {
        switch (timer.Kind)
        {
            case TimerKind.Date:
                return new TimerSchedule(
                    ExpressionValues.ToDateTime(value) ?? throw new ElementFailure("timer", $"timeDate '{timer.Value.Text}' is not a date."),
                    null,
                    0);
            case TimerKind.Duration:
                if (ExpressionValues.ToDateTime(value) is { } date)
                {
                    return new TimerSchedule(date, null, 0);
                }

                if (value is string text && IsoDuration.TryParse(text, out var duration))
                {
                    return new TimerSchedule(duration.AddTo(now), null, 0);
                }

                throw new ElementFailure("timer", $"timeDuration '{timer.Value.Text}' is not an ISO 8601 duration.");
            default:
                var cycle = ExpressionValues.ToText(value).Trim();
                var (first, repeats) = FirstOfCycle(cycle, now, calendar);
                return new TimerSchedule(first, cycle, repeats);
        }
    }

    /// <summary>The occurrence after <paramref name="previous"/>; null when the cycle is exhausted.</summary>
    public static DateTimeOffset? Next(string cycle, DateTimeOffset previous, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (IsCron(cycle))
        {
            return NextCron(cycle, previous > now ? previous : now);
        }

        var parts = cycle.Split('/');
        var duration = Duration(parts[^1], cycle);
        return duration.AddTo(previous);
    }

    /// <summary>Checks a cycle's syntax without a clock, for deploy-time validation.</summary>
    public static string? Validate(string cycle)
    {
        try
        {
            _ = FirstOfCycle(cycle, DateTimeOffset.UnixEpoch, WorkingCalendar.LoadEmbedded());
            return null;
        }
        catch (ElementFailure ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// The shortest time between two occurrences of a valid cycle (for the deploy-time minimum); null when it fires
    /// at most once. A cron cycle is sampled over its next occurrences from a fixed start.
    /// </summary>
    public static TimeSpan? ShortestInterval(string cycle)
    {
        if (IsCron(cycle))
        {
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            TimeSpan? shortest = null;
            var previous = NextCron(cycle, start);
            for (var i = 0; i < 64 && previous is { } at; i++)
            {
                var next = NextCron(cycle, at);
                if (next is { } n && (shortest is null || n - at < shortest))
                {
                    shortest = n - at;
                }

                previous = next;
            }

            return shortest;
        }

        var parts = cycle.Split('/');
        if (parts[0] == "R1")
        {
            return null;
        }

        var reference = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        return Duration(parts[^1], cycle).AddTo(reference) - reference;
    }

    private static (DateTimeOffset First, int Repeats) FirstOfCycle(string cycle, DateTimeOffset now, WorkingCalendar calendar)
    {
        _ = calendar;
        if (IsCron(cycle))
        {
            var next = NextCron(cycle, now) ?? throw new ElementFailure("timer", $"Cron '{cycle}' never fires.");
            return (next, -1);
        }

        var parts = cycle.Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
        {
            throw new ElementFailure("timer", $"timeCycle '{cycle}' is neither 'R[n]/[start/]duration' nor a cron expression.");
        }

        var repeats = parts[0].Length == 1 ? -1
            : int.TryParse(parts[0].AsSpan(1), out var r) && r > 0 ? r
            : throw new ElementFailure("timer", $"timeCycle '{cycle}': '{parts[0]}' is not a repetition count.");
        var duration = Duration(parts[^1], cycle);
        if (duration.IsZero)
        {
            throw new ElementFailure("timer", $"timeCycle '{cycle}' has a zero interval.");
        }

        DateTimeOffset first;
        if (parts.Length == 3)
        {
            first = DateTimeOffset.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var start)
                ? start
                : throw new ElementFailure("timer", $"timeCycle '{cycle}': '{parts[1]}' is not a start date.");
        }
        else
        {
            first = duration.AddTo(now);
        }

        // The first occurrence is one repetition; the job keeps the ones after it.
        return (first, repeats < 0 ? -1 : repeats - 1);
    }

    private static IsoDuration Duration(string text, string cycle) =>
        IsoDuration.TryParse(text, out var d) ? d : throw new ElementFailure("timer", $"timeCycle '{cycle}': '{text}' is not an ISO 8601 duration.");

    private static bool IsCron(string cycle) => !cycle.StartsWith('R') && cycle.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// Cron in Quartz form (seconds first, optional year) as Camunda 7 writes it, or classic five fields.
    /// </summary>
    private static DateTimeOffset? NextCron(string cron, DateTimeOffset after)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 7)
        {
            if (fields[6] != "*" && fields[6] != "?")
            {
                throw new ElementFailure("timer", $"Cron '{cron}': a year field other than '*' is not supported.");
            }

            fields = fields[..6];
        }

        try
        {
            var expression = CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return expression.GetNextOccurrence(after, WorkingCalendar.ChinaStandardTime);
        }
        catch (CronFormatException ex)
        {
            throw new ElementFailure("timer", $"Cron '{cron}' is not valid: {ex.Message}");
        }
    }
}
