using System.Collections.Immutable;

namespace Anju.Workflows.Model;

/// <summary>Where an element sits in its source document, for error messages.</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>Any node of a process graph that tokens can sit on (activities, events, gateways).</summary>
public abstract record FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>Id of the subprocess that contains this node, or null at process level.</summary>
    public string? ParentId { get; init; }

    public ImmutableArray<string> Incoming { get; init; } = [];
    public ImmutableArray<string> Outgoing { get; init; } = [];

    /// <summary>camunda:asyncBefore: the node starts in a job of its own transaction (activities, events, gateways).</summary>
    public bool AsyncBefore { get; init; }

    /// <summary>camunda:asyncAfter: leaving the node (for an end event: ending its path) happens in a job of its own transaction.</summary>
    public bool AsyncAfter { get; init; }

    /// <summary>camunda:failedJobRetryTimeCycle of the node's jobs, e.g. "R5/PT10M"; null for the engine default.</summary>
    public string? RetryTimeCycle { get; init; }

    /// <summary>camunda:executionListener: start and end listeners of the node, in document order.</summary>
    public ImmutableArray<Listener> Listeners { get; init; } = [];

    /// <summary>camunda:inputOutput: local variables in, results out; null when the node has none.</summary>
    public InputOutput? InputOutput { get; init; }

    /// <summary>The BPMN element name (e.g. "userTask"), used in messages.</summary>
    public abstract string ElementType { get; }

    /// <summary>Human-readable label: the name when there is one, else the id.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : $"{Name} ({Id})";
}

/// <summary>A directed edge between two nodes, with an optional condition.</summary>
public sealed record SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string SourceId { get; init; }
    public required string TargetId { get; init; }
    public ExpressionText? Condition { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>camunda:executionListener event="take": run as a token takes the flow.</summary>
    public ImmutableArray<Listener> Listeners { get; init; } = [];
}

/// <summary>
/// The raw text of an attribute or element that may hold <c>${...}</c> expressions. The text is kept so that
/// it can be parsed once per definition and reported with its element when it is wrong.
/// </summary>
public sealed record ExpressionText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// A conditionalEventDefinition: its condition, and (camunda:variableName) the variables whose change makes it be
/// evaluated again; none named: any change.
/// </summary>
/// <summary>
/// A conditional event's definition: the condition, the variables whose changes evaluate it again
/// (<c>camunda:variableName</c>; empty: any) and the kinds of change (<c>camunda:variableEvents</c>; empty: any).
/// </summary>
public sealed record ConditionalDefinition(ExpressionText Condition, ImmutableArray<string> VariableNames)
{
    public VariableChange VariableEvents { get; init; } = VariableChange.Any;
}

/// <summary>The kinds of change of a variable, as camunda:variableEvents names them (create, update, delete).</summary>
[Flags]
public enum VariableChange
{
    None = 0,
    Create = 1,
    Update = 2,
    Delete = 4,
    Any = Create | Update | Delete,
}

/// <summary>Timer definitions: exactly one of date, duration or cycle (ISO 8601 or cron).</summary>
public sealed record TimerDefinition(TimerKind Kind, ExpressionText Value);

public enum TimerKind
{
    Date,
    Duration,
    Cycle,
}

/// <summary>What kind of trigger an event has; None for plain start/end/throw events.</summary>
public enum EventTrigger
{
    None,
    Message,
    Timer,
    Error,
    Terminate,

    /// <summary>An escalation: a non-critical signal to an enclosing subprocess or call activity (Camunda 7 "Escalation Events").</summary>
    Escalation,

    /// <summary>A link event: a throw jumps to the catch of the same name in the same scope (a "go to" on the page).</summary>
    Link,

    /// <summary>A signal: a throw broadcasts it by name to every catcher (and signal start) in its jurisdiction.</summary>
    Signal,

    /// <summary>A condition on variables: the event occurs when it holds (evaluated when variables change).</summary>
    Conditional,
}
