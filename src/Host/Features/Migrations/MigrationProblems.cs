using Anju.Host.Problems;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;

namespace Anju.Host.Features.Migrations;

/// <summary>A migration problem as the API answers it: the source activity, a stable code and a localized message naming the elements.</summary>
public sealed record MigrationProblemView(string ActivityId, string Code, string Message, string? TargetActivityId);

/// <summary>Puts the engine's migration problems into the caller's language, naming elements by name and id.</summary>
internal static class MigrationProblems
{
    public static MigrationProblemView View(bool english, MigrationProblem problem, ProcessDefinition? source, ProcessDefinition? target)
    {
        var from = Label(source, problem.ActivityId);
        var to = problem.TargetActivityId is { } id ? Label(target, id) : "";
        var code = "migration." + problem.Code;
        var message = Messages.Codes.Contains(code) ? Messages.Text(english, code, from, to, problem.Message) : problem.Message;
        return new MigrationProblemView(problem.ActivityId, problem.Code, message, problem.TargetActivityId);
    }

    /// <summary>"name (id)" when the element has a name, else the id.</summary>
    public static string Label(ProcessDefinition? process, string id) =>
        process is not null && process.Nodes.TryGetValue(id, out var node) ? node.Label : id;
}
