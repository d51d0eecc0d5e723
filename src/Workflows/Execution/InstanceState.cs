using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Anju.Workflows.Execution;

/// <summary>
/// The persisted document of one process instance: its token tree, scopes with their variables and open
/// wait states. Only the engine mutates it, inside one command. <see cref="SchemaVersion"/> is written with
/// every document so that documents of earlier shapes keep loading (see <c>InstanceDocument</c>).
/// </summary>
public sealed class InstanceState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public string? Jurisdiction { get; set; }

    /// <summary>The case number (受理编号), given when the start is saved (see <c>CaseNumbers</c>); null when the process has none.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>Who started the instance (the command's actor); null for timer and system starts.</summary>
    public string? StartedBy { get; set; }

    public InstanceStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>For an instance started by a call activity: the calling instance and its waiting token.</summary>
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentTokenId { get; set; }

    public List<ScopeState> Scopes { get; set; } = [];
    public List<TokenState> Tokens { get; set; } = [];
    public List<UserTaskState> Tasks { get; set; } = [];
    public List<JobState> Jobs { get; set; } = [];
    public List<SubscriptionState> Subscriptions { get; set; } = [];
    public List<ExternalTaskState> ExternalTasks { get; set; } = [];
    public List<IncidentState> Incidents { get; set; } = [];

    /// <summary>
    /// Non-interrupting conditional events (boundary or event subprocess start) whose condition held when last
    /// evaluated, as "owner:element": they fire again only after it stopped holding.
    /// </summary>
    public List<string>? ConditionsHeld { get; set; }

    /// <summary>Activity ids in the order they completed (history for the monitor's diagram).</summary>
    public List<string> CompletedActivities { get; set; } = [];

    /// <summary>Sequence number and hash of the newest journal entry (the chain continues from here).</summary>
    public long JournalSeq { get; set; }
    public string JournalHash { get; set; } = "";

    [JsonIgnore] public ScopeState RootScope => Scopes[0];

    public ScopeState Scope(Guid id) => Scopes.Find(s => s.Id == id)
        ?? throw new InvalidOperationException($"Scope {id} is not in instance {Id}.");

    public TokenState? FindToken(Guid id) => Tokens.Find(t => t.Id == id);
}

public enum InstanceStatus
{
    Active,
    Completed,
    Terminated,
}

/// <summary>A variable scope: the process itself, an embedded subprocess or one multi-instance iteration.</summary>
public sealed class ScopeState
{
    public Guid Id { get; set; }
    public Guid? ParentId { get; set; }
    public ScopeKind Kind { get; set; }

    /// <summary>The token waiting at the subprocess or multi-instance body that owns this scope.</summary>
    public Guid? OwnerTokenId { get; set; }

    /// <summary>The subprocess whose start event began this scope, or the multi-instance activity.</summary>
    public string? ActivityId { get; set; }

    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);
}

public enum ScopeKind
{
    Process,
    SubProcess,

    /// <summary>Holds nrOfInstances and the other counters of a multi-instance activity.</summary>
    MultiInstanceBody,

    /// <summary>One iteration of a multi-instance activity; holds loopCounter and the element variable.</summary>
    Iteration,

    /// <summary>The local variables of one element with camunda:inputOutput, owned by the token on it.</summary>
    Local,
}

public enum TokenPhase
{
    /// <summary>About to execute the node it sits on.</summary>
    Ready,

    /// <summary>Waiting at the node for a task, message, timer, job or its inner scope.</summary>
    Waiting,

    /// <summary>Arrived at a joining gateway, waiting for the other branches.</summary>
    Joined,

    /// <summary>Stopped by an incident; an administrator's retry runs the node again.</summary>
    Failed,
}

public sealed class TokenState
{
    public Guid Id { get; set; }
    public Guid ScopeId { get; set; }
    public required string NodeId { get; set; }
    public TokenPhase Phase { get; set; }

    /// <summary>The sequence flow the token arrived by (joins count arrivals per incoming flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>The token waits at a multi-instance body; its iterations run in child scopes.</summary>
    public bool IsMultiInstanceBody { get; set; }

    /// <summary>The token is one iteration of a multi-instance activity (its scope holds loopCounter).</summary>
    public bool IsIteration { get; set; }

    /// <summary>Set once an asyncBefore job has run, so that the node is not deferred twice.</summary>
    public bool AsyncBeforeDone { get; set; }

    /// <summary>Set once an asyncAfter job has run, so that leaving is not deferred twice.</summary>
    public bool AsyncAfterDone { get; set; }

    /// <summary>The local scope of the element the token is on, when the element has camunda:inputOutput.</summary>
    public Guid? LocalScopeId { get; set; }

    /// <summary>The child instance a call activity waits for.</summary>
    public Guid? CalledInstanceId { get; set; }

    /// <summary>The flows a gateway with asyncAfter chose, taken when its job runs (the choice is not made again).</summary>
    public List<string>? PendingFlows { get; set; }

    /// <summary>Remaining items of a sequential multi-instance body (its collection, evaluated once).</summary>
    public List<JsonNode?>? PendingItems { get; set; }
}
