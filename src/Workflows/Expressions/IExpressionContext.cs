using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;

namespace Anju.Workflows.Expressions;

/// <summary>
/// What an expression can see while it is evaluated. The engine implements it over the variables
/// of an execution (local scope first, then parents); tests implement it over a dictionary.
/// </summary>
public interface IExpressionContext
{
    /// <summary>
    /// Looks up a root variable. Returning <see langword="true"/> with a <see langword="null"/> value means
    /// "defined, and null"; returning <see langword="false"/> makes the expression fail with
    /// <see cref="ExpressionErrorKind.UndefinedVariable"/>, as Camunda does for unknown identifiers.
    /// </summary>
    bool TryGetVariable(string name, out JsonNode? value);

    /// <summary>The current instant, taken from the engine's <see cref="TimeProvider"/> so tests can fix it.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The working-day calendar used by <c>workingDays(...)</c> and <c>plusWorkingDays(...)</c>.</summary>
    WorkingCalendar Calendar { get; }
}
