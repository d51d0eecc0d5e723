using System.Collections.Immutable;

namespace Anju.Workflows.Model;

/// <summary>
/// camunda:inputOutput of an activity or event (Camunda 7 user guide, "Process Variables" → "Input/Output Variable
/// Mapping"): the inputs are evaluated in the enclosing scope when the element starts and become its local
/// variables; the outputs are evaluated in the element's scope when it ends normally and set in the enclosing scope.
/// </summary>
public sealed record InputOutput
{
    public ImmutableArray<IoParameter> Inputs { get; init; } = [];
    public ImmutableArray<IoParameter> Outputs { get; init; } = [];
}

/// <summary>One camunda:inputParameter or camunda:outputParameter.</summary>
public sealed record IoParameter(string Name, IoValue Value);

/// <summary>The value of a parameter: a text (maybe an expression), a list, a map or nothing (null).</summary>
public abstract record IoValue;

/// <summary>A text; <c>${…}</c> in it is evaluated (a whole expression gives its value, otherwise composite text).</summary>
public sealed record IoText(ExpressionText Text) : IoValue;

/// <summary>camunda:list: its camunda:value, camunda:list and camunda:map children in order.</summary>
public sealed record IoList(ImmutableArray<IoValue> Items) : IoValue;

/// <summary>camunda:map: its camunda:entry children by key, in order.</summary>
public sealed record IoMap(ImmutableArray<IoMapEntry> Entries) : IoValue;

public sealed record IoMapEntry(string Key, IoValue Value);

/// <summary>An empty parameter: the variable is set to null.</summary>
public sealed record IoNull : IoValue;

/// <summary>
/// A camunda:executionListener or camunda:taskListener: on <see cref="Event"/> its implementation runs — a handler
/// registered by name (class, delegateExpression, expression naming one), or a value expression evaluated for its
/// effect (<c>${execution.setVariable('x', 1)}</c>).
/// </summary>
public sealed record Listener(string Event, TaskImplementation Implementation, SourceLocation Location)
{
    /// <summary>A <c>timeout</c> task listener's id and timer: it runs when the timer fires while the task is open.</summary>
    public string? Id { get; init; }

    public TimerDefinition? Timer { get; init; }
}

/// <summary>The events listeners listen to (Camunda 7 user guide, "Delegation Code").</summary>
public static class ListenerEvents
{
    public const string Start = "start";
    public const string End = "end";
    public const string Take = "take";
    public const string Create = "create";
    public const string Assignment = "assignment";
    public const string Complete = "complete";
    public const string Delete = "delete";
    public const string Timeout = "timeout";
}
