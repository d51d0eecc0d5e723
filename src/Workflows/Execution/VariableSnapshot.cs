using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;
using Anju.Workflows.Expressions;

namespace Anju.Workflows.Execution;

/// <summary>An expression context over a fixed set of variables (a called instance's, for out mappings).</summary>
internal sealed class VariableSnapshot(IReadOnlyDictionary<string, JsonNode?> variables, CommandContext command) : IExpressionContext
{
    public DateTimeOffset Now => command.Now;
    public WorkingCalendar Calendar => command.Calendar;

    public bool TryGetVariable(string name, out JsonNode? value) => variables.TryGetValue(name, out value);
}
