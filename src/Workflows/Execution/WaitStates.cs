using System.Text.Json.Nodes;

namespace Anju.Workflows.Execution;

/// <summary>An open user task; projected into the task table for inbox queries.</summary>
public sealed class UserTaskState
{
    public Guid Id { get; set; }
    public Guid TokenId { get; set; }
    public required string ActivityId { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }
    public List<string> CandidateUsers { get; set; } = [];
    public List<string> CandidateGroups { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public int Priority { get; set; } = 50;
    public string? FormKey { get; set; }

    /// <summary>Default values of form fields, evaluated when the task was created.</summary>
    public Dictionary<string, JsonNode?> FormDefaults { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the task lands when not in the instance's jurisdiction (extension property); else null.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>Who the task was delegated from (转办), if it was.</summary>
    public string? DelegatedFrom { get; set; }
}

public enum JobKind
{
    Timer,
    Async,
    Retry,

    /// <summary>The timer of a <c>timeout</c> task listener: the listener runs, the task stays.</summary>
    TaskTimeout,
}

/// <summary>A due piece of work: a timer, an async continuation or a retry of a failed service task.</summary>
public sealed class JobState
{
    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public Guid? TokenId { get; set; }

    /// <summary>The element the job belongs to: the timer event (boundary, catch, start) or the activity.</summary>
    public required string ActivityId { get; set; }

    /// <summary>For a <see cref="JobKind.TaskTimeout"/> job: the id of its task listener.</summary>
    public string? Listener { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public int Retries { get; set; }
    public string? LastError { get; set; }

    /// <summary>For timer cycles: the cycle text and the repetitions left (-1: unbounded).</summary>
    public string? Cycle { get; set; }
    public int RepeatsLeft { get; set; }

    /// <summary>For async jobs: whether the continuation is before or after the activity.</summary>
    public bool AsyncAfter { get; set; }
}

/// <summary>A waiting message catch: receive task, intermediate catch event or boundary event.</summary>
public sealed class SubscriptionState
{
    public Guid Id { get; set; }
    public Guid TokenId { get; set; }
    public required string ActivityId { get; set; }
    public required string MessageName { get; set; }
}

/// <summary>A service task done by an outside worker that fetches it by topic.</summary>
public sealed class ExternalTaskState
{
    public Guid Id { get; set; }
    public Guid TokenId { get; set; }
    public required string ActivityId { get; set; }
    public required string Topic { get; set; }
    public int? Retries { get; set; }
    public string? ErrorMessage { get; set; }
    public string? WorkerId { get; set; }
    public DateTimeOffset? LockExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Priority { get; set; }
}

public sealed class IncidentState
{
    public Guid Id { get; set; }
    public Guid? TokenId { get; set; }
    public required string ActivityId { get; set; }
    public required string Type { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? JobId { get; set; }
}
