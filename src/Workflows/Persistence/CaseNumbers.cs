using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Case numbers (受理编号): <c>PREFIX-YYYY-NNNNNN</c>, the process's prefix (<see cref="ProcessDefinition.CaseNumberPrefix"/>),
/// the year of the start in China Standard Time and the next number of that prefix and year, e.g. <c>TS-2026-000123</c>.
/// The number is taken in the transaction that saves the new instance, by one upsert of the prefix and year's row in
/// <c>wf_case_sequences</c>: concurrent starts wait for each other's row lock on PostgreSQL (SQLite has one writer), and
/// a start that rolls back gives its number back with everything else, so numbers have no gaps and no duplicates. An
/// idempotent retry finds the first start's instance and so its number. A called instance carries its caller's
/// number (it is part of that case); it gets its own only when the caller has none and its process has a prefix.
/// Also the case's summary and search text, from the variables the process names (caseSummary, caseSearch).
/// </summary>
public static class CaseNumbers
{
    /// <summary>Longest case number stored (a prefix of 4, the year and a sequence beyond a million a year fit).</summary>
    public const int MaxLength = 24;

    /// <summary>Longest one-line summary kept (characters).</summary>
    public const int MaxSummaryLength = 120;

    /// <summary>Longest search text kept (characters), and of one variable's part of it.</summary>
    public const int MaxTextLength = 4000;

    private const int MaxValueLength = 1000;

    /// <summary>China Standard Time (UTC+8, no daylight saving): the year a case number names.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Format(string prefix, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}");

    /// <summary>The year (China Standard Time) a case started at <paramref name="at"/> is numbered in.</summary>
    public static int YearOf(DateTimeOffset at) => at.ToOffset(ChinaOffset).Year;

    /// <summary>
    /// Gives the command's new instances their case numbers (in creation order, so a caller before the instances it
    /// calls), each from <paramref name="next"/> (prefix, year → the next sequence number, taken in the commit's
    /// transaction). Nothing to do costs a pass over the runners.
    /// </summary>
    internal static void Assign(CommandContext command, Func<string, int, long> next)
    {
        foreach (var (state, prefix) in NeedingSequence(command))
        {
            var year = YearOf(state.StartedAt);
            state.CaseNumber = Format(prefix, year, next(prefix, year));
        }
    }

    /// <summary>
    /// Before SQLite's writer lock (no transaction): gives called instances their caller's number; true when a new
    /// instance still needs a sequence number, which only the commit's transaction may take (see <see cref="Assign"/>).
    /// </summary>
    internal static bool AssignWithoutTransaction(CommandContext command)
    {
        var needsSequence = false;
        foreach (var runner in command.Runners)
        {
            var loaded = runner.Loaded;
            if (!loaded.IsNew || loaded.State.CaseNumber is not null)
            {
                continue;
            }

            if (Inherited(command, loaded.State) is { } inherited)
            {
                loaded.State.CaseNumber = inherited;
            }
            else if (loaded.Definition.Process.CaseNumberPrefix is not null)
            {
                needsSequence = true;
            }
        }

        return needsSequence;
    }

    /// <summary>
    /// The command's new instances without a number, in creation order: a called instance gets its caller's number
    /// on the way (so a caller is numbered before the instances it calls); those whose process has a prefix are
    /// yielded for a sequence number, which the consumer assigns before the next is looked at.
    /// </summary>
    internal static IEnumerable<(InstanceState State, string Prefix)> NeedingSequence(CommandContext command)
    {
        foreach (var runner in command.Runners)
        {
            var loaded = runner.Loaded;
            if (!loaded.IsNew || loaded.State.CaseNumber is not null)
            {
                continue;
            }

            if (Inherited(command, loaded.State) is { } inherited)
            {
                loaded.State.CaseNumber = inherited;
            }
            else if (loaded.Definition.Process.CaseNumberPrefix is { } prefix)
            {
                yield return (loaded.State, prefix);
            }
        }
    }

    private static string? Inherited(CommandContext command, InstanceState state) =>
        state.ParentInstanceId is { } parent && command.Find(parent) is { } caller ? caller.State.CaseNumber : null;

    /// <summary>Whether the summary and search text are to be (re)written: a new instance, or a named variable changed.</summary>
    internal static bool TextChanged(LoadedInstance loaded, JsonObject? changes)
    {
        var process = loaded.Definition.Process;
        if (process.CaseSummaryVariables.IsEmpty && process.CaseSearchVariables.IsEmpty)
        {
            return false;
        }

        if (loaded.IsNew)
        {
            return true;
        }

        if (changes is null)
        {
            return false;
        }

        foreach (var name in process.CaseSummaryVariables)
        {
            if (changes.ContainsKey(name))
            {
                return true;
            }
        }

        foreach (var name in process.CaseSearchVariables)
        {
            if (changes.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one-line summary (values joined by " · ", white space collapsed) and the search text (one value a line).</summary>
    internal static (string? Summary, string? Text) TextOf(ProcessDefinition process, InstanceState state)
    {
        if (state.Scopes.Count == 0)
        {
            return (null, null);
        }

        var variables = state.RootScope.Variables;
        var summary = new StringBuilder();
        var text = new StringBuilder();
        foreach (var name in process.CaseSummaryVariables)
        {
            if (ValueText(variables, name) is { } value)
            {
                summary.Append(summary.Length > 0 ? " · " : "").Append(OneLine(value));
                Append(text, value);
            }
        }

        foreach (var name in process.CaseSearchVariables)
        {
            if (ValueText(variables, name) is { } value)
            {
                Append(text, value);
            }
        }

        var line = summary.Length > MaxSummaryLength ? summary.ToString(0, MaxSummaryLength - 1) + "…" : summary.ToString();
        var all = text.Length > MaxTextLength ? text.ToString(0, MaxTextLength) : text.ToString();
        return (line.Length == 0 ? null : line, all.Length == 0 ? null : all);
    }

    private static void Append(StringBuilder text, string value)
    {
        if (text.Length < MaxTextLength)
        {
            text.Append(text.Length > 0 ? "\n" : "").Append(value.Length > MaxValueLength ? value[..MaxValueLength] : value);
        }
    }

    private static string? ValueText(Dictionary<string, JsonNode?> variables, string name) =>
        variables.TryGetValue(name, out var node) && node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            && (value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()) is { } text
            && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static string OneLine(string value)
    {
        var line = new StringBuilder(Math.Min(value.Length, MaxSummaryLength + 1));
        var space = false;
        foreach (var c in value)
        {
            if (line.Length > MaxSummaryLength)
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return line.ToString();
    }
}
