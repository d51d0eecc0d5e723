using System.Collections.Frozen;
using Anju.Workflows.Execution;

namespace Anju.Host.Problems;

/// <summary>
/// The one table from the engine's refusals (<see cref="WorkflowErrorKind"/>) to HTTP: status and problem code, and
/// whether the engine's message is the detail. Used by single routes (<see cref="Problem.From"/>), the exception
/// handler, bulk repairs and migration batches alike, so a refusal reads the same wherever it is answered.
/// </summary>
public static class EngineErrors
{
    /// <summary>One row: the status, the problem code (Messages.cs), and whether the engine's message is its argument.</summary>
    public sealed record Mapping(int Status, string Code, bool WithMessage);

    /// <summary>Not found 404, conflict 409, bad argument 400.</summary>
    public static readonly FrozenDictionary<WorkflowErrorKind, Mapping> Table = new Dictionary<WorkflowErrorKind, Mapping>
    {
        [WorkflowErrorKind.NotFound] = new(StatusCodes.Status404NotFound, "notFound", false),
        [WorkflowErrorKind.Conflict] = new(StatusCodes.Status409Conflict, "conflict", false),
        [WorkflowErrorKind.InvalidArgument] = new(StatusCodes.Status400BadRequest, "invalidRequest", true),
    }.ToFrozenDictionary();

    /// <summary>Any other refusal: the instance or task is in the wrong state for the command.</summary>
    public static readonly Mapping WrongState = new(StatusCodes.Status409Conflict, "invalidState", true);

    /// <summary>The row for an engine refusal.</summary>
    public static Mapping Of(WorkflowException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Table.GetValueOrDefault(error.Kind, WrongState);
    }

    /// <summary>The arguments of the row's message: the engine's message when the row says so, else none.</summary>
    public static object?[] Arguments(WorkflowException error) => Of(error).WithMessage ? [error.Message] : [];
}
