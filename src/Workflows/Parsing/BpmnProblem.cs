namespace Anju.Workflows.Parsing;

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
    public override string ToString() =>
        Line > 0 ? $"line {Line}: {Message}" : Message;
}
