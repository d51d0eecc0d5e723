namespace Anju.Host.Features.Voting;

/// <summary>
/// What kind of decision a ballot question is (Civil Code art. 278): ordinary matters (electing the committee,
/// rules, using the maintenance fund) pass with more than half, major ones (raising the fund, rebuilding,
/// changing the use of common parts) with at least three quarters.
/// </summary>
public enum Matter
{
    Ordinary,
    Major,
}

/// <summary>The matters Civil Code art. 278 lists, by item number, and the majority each needs.</summary>
public static class Art278
{
    public const int FirstItem = 1;
    public const int LastItem = 9;

    /// <summary>Items 6 (raising the maintenance fund), 7 (rebuilding) and 8 (changing the use of common parts) need 3/4.</summary>
    public static readonly IReadOnlySet<int> MajorItems = new HashSet<int> { 6, 7, 8 };

    public static Matter MatterOf(int item) => MajorItems.Contains(item) ? Matter.Major : Matter.Ordinary;
}
