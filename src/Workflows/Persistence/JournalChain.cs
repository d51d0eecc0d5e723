using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Anju.Workflows.Execution;

namespace Anju.Workflows.Persistence;

/// <summary>
/// The journal's hash chain: each entry's hash covers its own fields and the previous entry's hash, so
/// changing, removing or reordering any stored entry breaks every link after it.
/// </summary>
public static class JournalChain
{
    public static string Hash(JournalRow row, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = string.Join('\u001f',
            row.InstanceId.ToString("N"),
            row.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            row.At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            row.Type,
            row.ActivityId ?? "",
            row.Actor ?? "",
            row.Details ?? "",
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Checks a whole chain in order; the first entry whose link or hash does not hold.</summary>
    public static JournalVerification Verify(IReadOnlyList<JournalRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var previous = "";
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Seq != i + 1)
            {
                return new JournalVerification(false, row.Seq, $"Entry {i + 1} is missing (found {row.Seq} in its place).");
            }

            if (row.PreviousHash != previous)
            {
                return new JournalVerification(false, row.Seq, $"Entry {row.Seq} does not link to the entry before it.");
            }

            if (Hash(row, previous) != row.Hash)
            {
                return new JournalVerification(false, row.Seq, $"Entry {row.Seq} was changed after it was written.");
            }

            previous = row.Hash;
        }

        return new JournalVerification(true, null, $"{rows.Count} entries, chain intact.");
    }

    /// <summary>The journal rows of this command's entries, hash-chained onto the instance's last one.</summary>
    internal static List<JournalRow> Rows(CommandContext command, LoadedInstance loaded)
    {
        var state = loaded.State;
        if (command.TakeVariableChanges(state.Id) is { Count: > 0 } variables)
        {
            loaded.Journal.Add(new JournalEntry(command.Now, "VariablesChanged", null, command.Actor, new() { ["variables"] = variables }));
        }

        var rows = new List<JournalRow>(loaded.Journal.Count);
        foreach (var entry in loaded.Journal)
        {
            var row = new JournalRow
            {
                InstanceId = state.Id,
                Seq = ++state.JournalSeq,
                // PostgreSQL keeps microseconds: the hash must cover the time as it will be read back.
                At = new DateTime(entry.At.UtcDateTime.Ticks - (entry.At.UtcDateTime.Ticks % 10), DateTimeKind.Utc),
                Type = entry.Type,
                ActivityId = entry.ActivityId,
                Actor = entry.Actor,
                Details = entry.Details?.ToJsonString(JournalJson),
                PreviousHash = state.JournalHash,
                Hash = "",
            };
            row.Hash = Hash(row, state.JournalHash);
            state.JournalHash = row.Hash;
            rows.Add(row);
        }

        loaded.Journal.Clear();
        return rows;
    }

    /// <summary>Journal details keep Chinese text readable (no \uXXXX escapes); they are never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions JournalJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The verifier's result: intact, or the first broken entry.</summary>
public sealed record JournalVerification(bool Intact, long? FirstBrokenSeq, string Message);
