using System.Collections.Immutable;

namespace Anju.Workflows.Model;

/// <summary>A node that does work: tasks, subprocesses and call activities.</summary>
public abstract record Activity : FlowNode
{
    public MultiInstance? MultiInstance { get; init; }

    /// <summary>Ids of the boundary events attached to this activity.</summary>
    public ImmutableArray<string> BoundaryEvents { get; init; } = [];
}

/// <summary>Multi-instance loop characteristics (会签 all-of / 或签 any-of are modelled with these).</summary>
public sealed record MultiInstance
{
    public bool IsSequential { get; init; }
    public ExpressionText? LoopCardinality { get; init; }

    /// <summary>camunda:collection: an expression or a variable name giving the items.</summary>
    public ExpressionText? Collection { get; init; }

    public string? ElementVariable { get; init; }
    public ExpressionText? CompletionCondition { get; init; }
}

public sealed record UserTask : Activity
{
    public override string ElementType => "userTask";
    public ExpressionText? Assignee { get; init; }
    public ExpressionText? CandidateUsers { get; init; }
    public ExpressionText? CandidateGroups { get; init; }
    public ExpressionText? DueDate { get; init; }
    public ExpressionText? FollowUpDate { get; init; }
    public ExpressionText? Priority { get; init; }
    public string? FormKey { get; init; }
    public ImmutableArray<FormField> FormFields { get; init; } = [];

    /// <summary>
    /// camunda:property name="jurisdiction": where the task lands when it is not the instance's own
    /// jurisdiction (a city-wide assessment's task for one compound's community). Null: the instance's.
    /// </summary>
    public ExpressionText? Jurisdiction { get; init; }

    /// <summary>camunda:taskListener: create, assignment, complete and delete listeners, in document order.</summary>
    public ImmutableArray<Listener> TaskListeners { get; init; } = [];
}

/// <summary>One camunda:formField of a user task.</summary>
public sealed record FormField
{
    public required string Id { get; init; }
    public string? Label { get; init; }

    /// <summary>string, long, double, boolean, date or enum.</summary>
    public required string Type { get; init; }

    public ExpressionText? DefaultValue { get; init; }

    /// <summary>camunda:formProperty variable: the process variable the value is read from and stored in, when not the id.</summary>
    public string? Variable { get; init; }

    /// <summary>camunda:formProperty expression on a read-only property: the value shown is the expression's.</summary>
    public ExpressionText? ValueExpression { get; init; }

    /// <summary>
    /// A writable camunda:formProperty whose expression is a property path (<c>${leave.days}</c>): the value is shown
    /// from, and stored into, that property of the variable's JSON object (<c>["leave", "days"]</c>).
    /// </summary>
    public ImmutableArray<string> WritePath { get; init; } = [];

    /// <summary>camunda:formProperty datePattern of a date property: the pattern a value may be typed in (stored as ISO 8601).</summary>
    public FormDatePattern? DatePattern { get; init; }

    public ImmutableArray<FormEnumValue> EnumValues { get; init; } = [];
    public ImmutableArray<FormConstraint> Constraints { get; init; } = [];

    /// <summary>camunda:properties of the field: metadata the Host reads (e.g. <c>onBehalfOf</c> on a field naming a person).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    public bool IsRequired => Constraints.Any(c => c.Name == "required");
    public bool IsReadOnly => Constraints.Any(c => c.Name == "readonly");
}

public sealed record FormEnumValue(string Id, string? Name);

/// <summary>A camunda:constraint: required, readonly, minlength, maxlength, min or max.</summary>
public sealed record FormConstraint(string Name, string? Config);

/// <summary>How a service, send or business-rule task is carried out.</summary>
public abstract record TaskImplementation;

/// <summary>camunda:type="external": an outside worker fetches it by topic.</summary>
public sealed record ExternalImplementation(string Topic) : TaskImplementation;

/// <summary>camunda:class / delegateExpression / expression resolved to a C# handler registered by name.</summary>
public sealed record HandlerImplementation(string HandlerName, string Attribute) : TaskImplementation;

/// <summary>
/// camunda:expression that names no registered handler: a value expression (<c>${true}</c>, <c>${amount * 2}</c>),
/// evaluated when the task runs, its value stored in <see cref="ServiceTask.ResultVariable"/> when one is named
/// (Camunda 7 user guide, "Service Task" → "Calling an Expression"; "Using the result variable").
/// </summary>
public sealed record ValueExpressionImplementation(ExpressionText Expression) : TaskImplementation;

/// <summary>Service, send and business-rule tasks share one behaviour.</summary>
public sealed record ServiceTask : Activity
{
    /// <summary>serviceTask, sendTask or businessRuleTask.</summary>
    public required string Kind { get; init; }
    public override string ElementType => Kind;
    public required TaskImplementation Implementation { get; init; }

    /// <summary>camunda:resultVariable for expression implementations.</summary>
    public string? ResultVariable { get; init; }

    /// <summary>
    /// The task's extension properties (camunda:properties), handed to its handler evaluated: how a BPMN file
    /// gives a handler its parameters (whom to notify, weights, thresholds) without numbers in C#.
    /// </summary>
    public ImmutableArray<ExtensionProperty> Properties { get; init; } = [];
}

/// <summary>One camunda:property; its value may be an expression.</summary>
public sealed record ExtensionProperty(string Name, ExpressionText Value);

/// <summary>Manual task and plain task: the token passes straight through.</summary>
public sealed record PassThroughTask : Activity
{
    public required string Kind { get; init; }
    public override string ElementType => Kind;
}

public sealed record ReceiveTask : Activity
{
    public override string ElementType => "receiveTask";
    public required string MessageName { get; init; }
}

public sealed record SubProcess : Activity
{
    public override string ElementType => "subProcess";

    /// <summary>The start event that begins the subprocess (none; for an event subprocess, its triggered start).</summary>
    public required string StartEventId { get; init; }

    /// <summary>
    /// An event subprocess (<c>triggeredByEvent="true"</c>): no flows lead to it; its start event listens while the
    /// enclosing process or subprocess runs, and starts it (Camunda 7 reference, "Event Subprocess").
    /// </summary>
    public bool TriggeredByEvent { get; init; }
}

public sealed record CallActivity : Activity
{
    public override string ElementType => "callActivity";
    public required ExpressionText CalledElement { get; init; }

    /// <summary>latest (default), version or deployment (treated as latest).</summary>
    public string Binding { get; init; } = "latest";

    public int? Version { get; init; }
    public ImmutableArray<VariableMapping> In { get; init; } = [];
    public ImmutableArray<VariableMapping> Out { get; init; } = [];

    /// <summary>camunda:in businessKey="..." expression.</summary>
    public ExpressionText? BusinessKey { get; init; }

    /// <summary>camunda:property name="jurisdiction": the called instance's jurisdiction. Null: the caller's.</summary>
    public ExpressionText? Jurisdiction { get; init; }
}

/// <summary>camunda:in / camunda:out: source (variable name) or sourceExpression into target, or all variables.</summary>
public sealed record VariableMapping
{
    public string? Source { get; init; }
    public ExpressionText? SourceExpression { get; init; }
    public string? Target { get; init; }
    public bool All { get; init; }
    public bool Local { get; init; }
}
