using System.Text.Json.Nodes;
using Anju.Workflows.Calendars;
using Anju.Workflows.Expressions;

namespace Anju.Workflows.Execution;

/// <summary>The variables visible from one scope: its own, then its parents' up to the process.</summary>
/// <remarks>
/// A writable view (listeners, expression tasks) lets <c>execution.setVariable</c> write from its scope; the
/// <c>task</c> object is there while a task listener runs.
/// </remarks>
internal readonly struct ScopeVariables : IExpressionContext, IVariableWriter
{
    private readonly InstanceRunner _runner;
    private readonly Guid _scopeId;
    private readonly TaskObject.Snapshot? _task;

    public ScopeVariables(InstanceRunner runner, Guid scopeId, bool writable = false, TaskObject.Snapshot? task = null)
    {
        _runner = runner;
        _scopeId = scopeId;
        CanWrite = writable;
        _task = task;
    }

    public bool CanWrite { get; }

    public void SetVariable(string name, JsonNode? value) => _runner.SetVariable(_scopeId, name, value);

    public DateTimeOffset Now => _runner.Command.Now;
    public WorkingCalendar Calendar => _runner.Command.Calendar;

    public bool TryGetVariable(string name, out JsonNode? value)
    {
        var scope = _runner.State.Scope(_scopeId);
        while (true)
        {
            if (scope.Variables.TryGetValue(name, out value))
            {
                return true;
            }

            if (scope.ParentId is not { } parent)
            {
                // Camunda's execution object, unless a variable of that name shadows it.
                if (name == ExecutionObject.Name)
                {
                    var state = _runner.State;
                    value = ExecutionObject.Create(state.Id, state.BusinessKey, state.DefinitionId, state.DefinitionKey, _runner.ExecutingNodeId);
                    return true;
                }

                if (name == TaskObject.Name && _task is not null)
                {
                    value = TaskObject.Create(_task);
                    return true;
                }

                return false;
            }

            scope = _runner.State.Scope(parent);
        }
    }

    /// <summary>Every visible variable, inner scopes shadowing outer ones.</summary>
    public Dictionary<string, JsonNode?> Flatten()
    {
        var chain = new List<ScopeState>();
        for (ScopeState? s = _runner.State.Scope(_scopeId); s is not null; s = s.ParentId is { } p ? _runner.State.Scope(p) : null)
        {
            chain.Add(s);
        }

        var all = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in chain[i].Variables)
            {
                all[key] = value;
            }
        }

        return all;
    }
}
