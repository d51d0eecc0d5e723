namespace Anju.Workflows.Handlers;

/// <summary>A business error (BPMN error) that an error boundary event or event subprocess may catch.</summary>
public sealed class BpmnErrorException : Exception
{
    public BpmnErrorException(string errorCode, string? message = null)
        : base(message ?? $"BPMN error '{errorCode}'") => ErrorCode = errorCode;

    public BpmnErrorException()
        : this("error")
    {
    }

    public BpmnErrorException(string message, Exception innerException)
        : base(message, innerException) => ErrorCode = "error";

    public string ErrorCode { get; }
}
