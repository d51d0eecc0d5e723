using System.Security.Cryptography;
using System.Text;

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
}

/// <summary>The verifier's result: intact, or the first broken entry.</summary>
public sealed record JournalVerification(bool Intact, long? FirstBrokenSeq, string Message);
