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

    /// <summary>Username of the owner's Anju account (role owner).</summary>
    public required string Owner { get; set; }

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

    /// <summary>JSON array of { id, text, matter }.</summary>
    public required string Questions { get; set; }

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
}

/// <summary>One owner's ballot paper: an answer per question, JSON { questionId: agree|disagree|abstain }.</summary>
public sealed class BallotVote
{
    public Guid Id { get; set; }
    public Guid BallotId { get; set; }
    public required string Owner { get; set; }
    public required string Answers { get; set; }
    public DateTime CastAt { get; set; }
}

/// <summary>Who read the individual votes of a ballot, and when: the audit itself is audited.</summary>
public sealed class BallotAuditRead
{
    public Guid Id { get; set; }
    public Guid BallotId { get; set; }
    public required string Reader { get; set; }
    public DateTime ReadAt { get; set; }
}
