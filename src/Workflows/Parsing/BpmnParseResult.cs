using System.Collections.Immutable;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// The outcome of reading one BPMN document.
/// </summary>
/// <remarks>
/// <see cref="Processes"/> holds every executable process that was read without a problem of its own, so a
/// tool can still show the good ones; a deployment must nevertheless be refused unless
/// <see cref="Succeeded"/>, because a document is deployed as a whole.
/// </remarks>
/// <param name="Processes">The executable processes read without problems, in document order.</param>
/// <param name="Problems">Every problem found, errors and warnings, ordered by line.</param>
public sealed record BpmnParseResult(ImmutableArray<ProcessDefinition> Processes, ImmutableArray<BpmnProblem> Problems)
{
    /// <summary>True when the document has no error and can be deployed (it may have warnings).</summary>
    public bool Succeeded => Errors.IsEmpty;

    /// <summary>The problems that keep the document from being deployed.</summary>
    public ImmutableArray<BpmnProblem> Errors => [.. Problems.Where(p => p.Severity == ProblemSeverity.Error)];

    /// <summary>What the modeller should know; the document deploys anyway.</summary>
    public ImmutableArray<BpmnProblem> Warnings => [.. Problems.Where(p => p.Severity == ProblemSeverity.Warning)];

    /// <summary>A document that cannot be read at all: one problem about the document as a whole.</summary>
    internal static BpmnParseResult Failure(string message, int line, string code, params string[] arguments) =>
        new([], [new BpmnProblem(null, line, message) { Code = code, Arguments = [.. arguments] }]);
}
