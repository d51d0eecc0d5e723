using System.Globalization;
using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

/// <summary>
/// The run-time budget of one command (see <see cref="EngineOptions.MaxElementExecutionsPerCommand"/>): counters
/// of element executions, tokens and tasks, shared by every instance the command touches, so that nested
/// multi-instance activities and called instances count together. Spending is an increment and a compare.
/// </summary>
internal sealed class CommandBudget
{
    private readonly int _maxElements;
    private readonly int _maxTokens;
    private readonly int _maxTasks;
    private int _elements;
    private int _tokens;
    private int _tasks;

    public CommandBudget(EngineOptions options, int factor)
    {
        _maxElements = Scale(options.MaxElementExecutionsPerCommand, factor);
        _maxTokens = Scale(options.MaxTokensPerCommand, factor);
        _maxTasks = Scale(options.MaxTasksPerCommand, factor);
    }

    /// <summary>The incident type a command that ran out of its budget ends in.</summary>
    public const string IncidentType = "commandBudget";

    public void SpendElement(InstanceRunner runner, FlowNode node)
    {
        if (++_elements > _maxElements)
        {
            throw Exceeded(runner, node, "elementExecutions", "element executions", _maxElements);
        }
    }

    /// <summary>A token is created on <paramref name="nodeId"/> by the element being executed (named when the budget runs out).</summary>
    public void SpendToken(InstanceRunner runner, string nodeId)
    {
        if (++_tokens > _maxTokens)
        {
            throw Exceeded(runner, runner.ExecutingOr(nodeId), "tokens", "tokens created", _maxTokens);
        }
    }

    public void SpendTask(InstanceRunner runner, FlowNode node)
    {
        if (++_tasks > _maxTasks)
        {
            throw Exceeded(runner, node, "tasks", "tasks created", _maxTasks);
        }
    }

    private static int Scale(int limit, int factor) => (int)Math.Min((long)Math.Max(1, limit) * factor, int.MaxValue);

    private static CommandBudgetExceededException Exceeded(InstanceRunner runner, FlowNode node, string limit, string what, int max)
    {
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Runaway stopped: the command exceeded its limit of {max:N0} {what} at {node.ElementType} {node.Label}. Nothing it did from the element where this incident stands onward was kept. A loop with no wait state in it, or multi-instance activities nested too large for one command, are the usual causes.");
        var details = new JsonObject
        {
            ["limit"] = limit,
            ["max"] = max,
            ["elementId"] = node.Id,
            ["elementName"] = node.Name,
        };
        return new CommandBudgetExceededException(message, new CommandHalt(runner.Ordinal, runner.Loaded.Definition.Id, runner.CurrentOrNextRunCall, message, details));
    }
}

/// <summary>
/// Where a command that ran out of its budget stops when it runs again: at the <see cref="RunCall"/>-th run of the
/// <see cref="RunnerOrdinal"/>-th instance the command took in, i.e. where the runaway began. The tokens ready there
/// stop with a <c>commandBudget</c> incident.
/// </summary>
internal sealed record CommandHalt(int RunnerOrdinal, string DefinitionId, int RunCall, string Message, JsonObject Details);

/// <summary>A command exceeded its budget; the engine discards it and runs it again up to <see cref="Halt"/>.</summary>
internal sealed class CommandBudgetExceededException(string message, CommandHalt halt) : Exception(message)
{
    public CommandHalt Halt { get; } = halt;
}
