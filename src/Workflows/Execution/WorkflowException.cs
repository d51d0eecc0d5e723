namespace Anju.Workflows.Execution;

/// <summary>What went wrong with a command, so that a caller (the HTTP API) can map it to a status.</summary>
public enum WorkflowErrorKind
{
    NotFound,
    Conflict,
    InvalidArgument,
    InvalidState,
}

/// <summary>A command could not be carried out; nothing was changed.</summary>
public sealed class WorkflowException : Exception
{
    public WorkflowException(WorkflowErrorKind kind, string message, string? elementId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ElementId = elementId;
    }

    public WorkflowException()
        : this(WorkflowErrorKind.InvalidState, "Workflow error")
    {
    }

    public WorkflowException(string message)
        : this(WorkflowErrorKind.InvalidState, message)
    {
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException) => Kind = WorkflowErrorKind.InvalidState;

    public WorkflowErrorKind Kind { get; }
    public string? ElementId { get; }

    internal static WorkflowException NotFound(string what) => new(WorkflowErrorKind.NotFound, what);

    internal static WorkflowException Conflict(string what) => new(WorkflowErrorKind.Conflict, what);
}
