namespace Anju.Host.Features.Voting;

/// <summary>A unit (专有部分) of a compound and its owner, with its exclusive floor area in m².</summary>
public sealed class OwnedUnit
{
    public Guid Id { get; set; }
    public required string CompoundPath { get; set; }

    /// <summary>The unit's number as the compound writes it ("3-1-201": building, entrance, room).</summary>
    public required string Number { get; set; }

    /// <summary>Exclusive floor area in m², at most two decimals.</summary>
    public decimal Area { get; set; }

    /// <summary>
    /// The owner as the ballot counts persons (<see cref="OwnersRegister"/>): the username of an owner's Anju account, a
    /// key made of the name and ID tail of an owner without one, or <c>developer</c> for the developer's unsold units.
    /// </summary>
    public required string Owner { get; set; }

    /// <summary>account, person (an owner without an account) or developer.</summary>
    public string OwnerKind { get; set; } = OwnerKinds.Account;

    /// <summary>The owner's name as the register writes it (a person's or the developer's); null for an account.</summary>
    public string? OwnerName { get; set; }

    /// <summary>A contact phone of an owner without an account.</summary>
    public string? OwnerPhone { get; set; }

    /// <summary>The last characters of the owner's ID document, telling apart two owners of the same name.</summary>
    public string? OwnerIdTail { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// An owners' general meeting vote (业主大会表决) that a process opened and waits for: its questions, the owners
/// entitled to vote (snapshot at opening) and, once closed, the result it resumed the process with.
/// </summary>
public sealed class Ballot
{
    public const string Open = "open";
    public const string Closed = "closed";

    public Guid Id { get; set; }
    public required string CompoundPath { get; set; }
    public required string Title { get; set; }

    /// <summary>JSON array of { id, text, matter, item, candidates }.</summary>
    public required string Questions { get; set; }

    /// <summary>JSON array of { title, text }: the documents the owners read before voting (<see cref="BallotDocument"/>); null for none.</summary>
    public string? Documents { get; set; }

    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public required string Status { get; set; }
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string MessageName { get; set; }
    public int EligibleHeadcount { get; set; }
    public decimal EligibleArea { get; set; }

    /// <summary>Ballots cast; raised by a conditional update on an open ballot, which also orders votes and closing.</summary>
    public int VotesCast { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>deadline or allVoted.</summary>
    public string? ClosedBecause { get; set; }

    /// <summary>The tally as the process receives it (variable ballotResult), JSON.</summary>
    public string? Result { get; set; }

    /// <summary>When the process was resumed with the result (or found not waiting any more).</summary>
    public DateTime? ResumedAt { get; set; }

    public string? ResumeNote { get; set; }
}

/// <summary>An owner entitled to vote on a ballot, with their area at opening.</summary>
public sealed class BallotElector
{
    public Guid BallotId { get; set; }
    public required string Owner { get; set; }
    public decimal Area { get; set; }
    public int Units { get; set; }

    /// <summary>account, person or developer, as the register said at opening.</summary>
    public string Kind { get; set; } = OwnerKinds.Account;

    /// <summary>The register's name of an owner without an account or of the developer (so staff find the paper).</summary>
    public string? Name { get; set; }
}

/// <summary>One owner's ballot paper: an answer per question, JSON { questionId: agree|disagree|abstain }.</summary>
public sealed class BallotVote
{
    public Guid Id { get; set; }
    public Guid BallotId { get; set; }
    public required string Owner { get; set; }
    public required string Answers { get; set; }
    public DateTime CastAt { get; set; }

    /// <summary>online (the owner's own account), paper (a paper ballot) or proxy (a written proxy's ballot).</summary>
    public string Channel { get; set; } = VoteChannels.Online;

    /// <summary>The community or street staff who entered a paper or proxy vote; null online.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>The proxy's name on a proxy vote (书面委托).</summary>
    public string? ProxyName { get; set; }

    /// <summary>The scanned paper (an attachment of the ballot's process instance); required on paper and proxy votes.</summary>
    public Guid? ScanId { get; set; }
}

/// <summary>How an owner's vote arrived.</summary>
public static class VoteChannels
{
    public const string Online = "online";
    public const string Paper = "paper";
    public const string Proxy = "proxy";
}

/// <summary>Who holds a unit in the register.</summary>
public static class OwnerKinds
{
    public const string Account = "account";
    public const string Person = "person";
    public const string Developer = "developer";
}

/// <summary>
/// The street office's confirmation that a compound's owners' register may serve as a ballot's base although its
/// totals differ from the registry's registered floor area and unit count, up to <see cref="Tolerance"/> (a share
/// of the registered figures). The latest one counts; each is kept, with the figures it was given on.
/// </summary>
public sealed class RegisterConfirmation
{
    public Guid Id { get; set; }
    public required string CompoundPath { get; set; }

    /// <summary>The largest relative difference accepted, 0..1, for the area and for the unit count alike.</summary>
    public decimal Tolerance { get; set; }

    public decimal RegisterArea { get; set; }
    public int RegisterUnits { get; set; }
    public decimal RegisteredArea { get; set; }
    public int RegisteredUnits { get; set; }

    /// <summary>Why the difference is accepted (e.g. units whose registration is pending).</summary>
    public required string Note { get; set; }

    public required string ConfirmedBy { get; set; }
    public DateTime ConfirmedAt { get; set; }
}

/// <summary>Who read the individual votes of a ballot, and when: the audit itself is audited.</summary>
public sealed class BallotAuditRead
{
    public Guid Id { get; set; }
    public Guid BallotId { get; set; }
    public required string Reader { get; set; }
    public DateTime ReadAt { get; set; }
}
