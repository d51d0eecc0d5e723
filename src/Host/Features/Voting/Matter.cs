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
