using Anju.Host.Persistence;

namespace Anju.Host.Notices;

/// <summary>
/// The ballots that owners' ballot messages link to, by the instance the message is about (each with its opening
/// time, so a message links to the ballot open when it was written). Implemented by the voting feature, so that the
/// notification list needs to know no ballot rows.
/// </summary>
public interface IBallotLinks
{
    Task<ILookup<Guid, (Guid Id, DateTime OpensAt)>> BallotsOfAsync(HostDbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken);
}
