using System.Collections.Immutable;

namespace Anju.Workflows.Parsing;

/// <summary>Whether a problem blocks a deployment.</summary>
public enum ProblemSeverity
{
    /// <summary>The document is not deployed.</summary>
    Error,

    /// <summary>Deployed anyway; shown so that a modeller can act (a call activity's target not deployed yet).</summary>
    Warning,
}

/// <summary>
/// One reason why a BPMN document (or a process in it) cannot be deployed.
/// </summary>
/// <remarks>
/// Problems are data, not exceptions: a modeller uploading a diagram wants every mistake at once, with the
/// element to click on, rather than the first one thrown.
/// </remarks>
/// <param name="ElementId">
/// The id of the BPMN element the problem is about (a flow node, a flow or a process), or null when the
/// problem concerns the document as a whole (malformed XML, too large, DTD).
/// </param>
/// <param name="Line">The 1-based line of the element in the document, or 0 when unknown.</param>
/// <param name="Message">An English sentence that names the element and says what is wrong.</param>
public sealed record BpmnProblem(string? ElementId, int Line, string Message)
{
    /// <summary>
    /// A stable code clients render in their language (see <see cref="Deployment.ProblemCodes"/>); every problem the
    /// engine reports has its own code; <see cref="Deployment.ProblemCodes.Model"/> is only the default.
    /// </summary>
    public string Code { get; init; } = Deployment.ProblemCodes.Model;

    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;

    /// <summary>The values a localized rendering of <see cref="Code"/> fills in (element label, the bad value, ...).</summary>
    public ImmutableArray<string> Arguments { get; init; } = [];

    public override string ToString() =>
        Line > 0 ? $"line {Line}: {Message}" : Message;
}
