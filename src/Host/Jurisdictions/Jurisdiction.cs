namespace Anju.Host.Jurisdictions;

/// <summary>
/// Jurisdictions are paths in the city's tree ("jiangyin/chengjiang/huangshan/binjiang"): a user holding a node
/// reaches the node and everything below it. Paths make "at or below" a prefix test, in memory and in SQL.
/// </summary>
public static class Jurisdiction
{
    public const string City = "jiangyin";

    /// <summary>Whether <paramref name="held"/> covers <paramref name="target"/> (the same node or one below it).</summary>
    public static bool Covers(string held, string? target) =>
        target is not null
        && (target == held || (target.Length > held.Length && target.StartsWith(held, StringComparison.Ordinal) && target[held.Length] == '/'));

    public static bool CoversAny(IEnumerable<string> held, string? target) => held.Any(h => Covers(h, target));
}
