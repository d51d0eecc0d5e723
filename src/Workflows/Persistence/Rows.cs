namespace Anju.Workflows.Persistence;

// The tables. Times are stored as UTC DateTime: SQLite cannot order by DateTimeOffset and Npgsql writes
// only UTC. Each row type is a projection of the instance document, rewritten in the same transaction.

public sealed class DefinitionRow
{
    public required string Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public required string ContentHash { get; set; }
    public Guid DeploymentId { get; set; }
    public DateTime DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
    public string? Note { get; set; }
    public bool UnknownServiceTasksAsExternal { get; set; }

    /// <summary>
    /// Where this version came from: <c>file:&lt;name&gt;.bpmn</c> (deployed from a definitions file, at start-up or
    /// adopted by an administrator) or <c>user:&lt;username&gt;</c> (deployed by a person); null before sources were kept.
    /// </summary>
    public string? Source { get; set; }
}

public sealed class InstanceRow
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public string? Jurisdiction { get; set; }

    /// <summary>Who started it; owners see only the cases they started.</summary>
    public string? StartedBy { get; set; }

    public required string Status { get; set; }
    public bool HasIncident { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public Guid? ParentInstanceId { get; set; }

    /// <summary>Optimistic concurrency token: every command that changes the instance increments it.</summary>
    public long Revision { get; set; }

    public required string Document { get; set; }

    /// <summary>
    /// The case number (受理编号, <c>TS-2026-000123</c>) given at the start (see <see cref="CaseNumbers"/>); a called
    /// instance carries its caller's. Null for processes without a prefix and instances started before numbering.
    /// </summary>
    public string? CaseNumber { get; set; }

    /// <summary>One line about the case from the process's caseSummary variables (compound · description), bounded.</summary>
    public string? CaseSummary { get; set; }

    /// <summary>The text of the caseSummary and caseSearch variables, one per line, bounded: what case search looks in.</summary>
    public string? CaseText { get; set; }
}

/// <summary>The last case number given per prefix and year (China Standard Time): one row, locked by each start that takes the next.</summary>
public sealed class CaseSequenceRow
{
    public required string Prefix { get; set; }
    public int Year { get; set; }
    public long Last { get; set; }
}

public sealed class TaskRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }

    /// <summary>Comma-separated, for display; queries use <see cref="TaskCandidateRow"/>.</summary>
    public string? CandidateUsers { get; set; }
    public string? CandidateGroups { get; set; }
    public required string DefinitionKey { get; set; }
    public required string DefinitionId { get; set; }
    public string? BusinessKey { get; set; }
    public string? Jurisdiction { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }

    /// <summary>The due date, or <see cref="NoDueDate"/>: a non-null sort key an index can serve (the inbox's order).</summary>
    public DateTime DueSort { get; set; }

    public DateTime? FollowUpAt { get; set; }
    public int Priority { get; set; }
    public string? FormKey { get; set; }

    public static readonly DateTime NoDueDate = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);
}

/// <summary>One candidate of a task: Kind 'g' (group) or 'u' (user).</summary>
public sealed class TaskCandidateRow
{
    public Guid TaskId { get; set; }
    public char Kind { get; set; }
    public required string Value { get; set; }
}

public sealed class JobRow
{
    public Guid Id { get; set; }

    /// <summary>Null for a timer start event, which has no instance yet.</summary>
    public Guid? InstanceId { get; set; }

    public required string DefinitionId { get; set; }
    public required string Kind { get; set; }
    public required string ActivityId { get; set; }
    public DateTime DueAt { get; set; }
    public int Retries { get; set; }
    public string? LastError { get; set; }
    public string? LockOwner { get; set; }
    public DateTime? LockExpiresAt { get; set; }

    /// <summary>For timer start events: the cycle and repetitions left.</summary>
    public string? Cycle { get; set; }
    public int RepeatsLeft { get; set; }
}

public sealed class SubscriptionRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string MessageName { get; set; }
    public string? BusinessKey { get; set; }
    public required string ActivityId { get; set; }
}

public sealed class ExternalTaskRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Topic { get; set; }
    public required string DefinitionKey { get; set; }
    public string? BusinessKey { get; set; }
    public string? Jurisdiction { get; set; }
    public int? Retries { get; set; }
    public string? ErrorMessage { get; set; }
    public string? WorkerId { get; set; }
    public DateTime? LockExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Priority { get; set; }
}

public sealed class IncidentRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Type { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? JobId { get; set; }
    public required string DefinitionKey { get; set; }
    public string? Jurisdiction { get; set; }
}

/// <summary>One journal entry; <see cref="Hash"/> covers the entry and <see cref="PreviousHash"/>.</summary>
public sealed class JournalRow
{
    public Guid InstanceId { get; set; }
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public required string Type { get; set; }
    public string? ActivityId { get; set; }
    public string? Actor { get; set; }
    public string? Details { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
