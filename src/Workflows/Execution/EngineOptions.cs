namespace Anju.Workflows.Execution;

/// <summary>Engine settings that are not part of any process model.</summary>
public sealed class EngineOptions
{
    /// <summary>How often a failing job or service task is tried before an incident (Camunda's default: 3).</summary>
    public int DefaultRetries { get; set; } = 3;

    /// <summary>How long the job executor holds a job it has acquired before another node may take it.</summary>
    public TimeSpan JobLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a command that hit a concurrent change is retried internally where safe.</summary>
    public int ConflictRetries { get; set; } = 3;

    /// <summary>
    /// The shortest interval a timer cycle may have (R/PT0.001S would fire a thousand times a second); a deployment
    /// with a shorter literal cycle is refused. Host setting <c>Anju:Engine:MinimumTimerCycle</c>, default 1 minute.
    /// </summary>
    public TimeSpan MinimumTimerCycle { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The run-time budget of one command (a start, a task completion, a job...): how many elements it may execute,
    /// across every instance it touches. A loop with no wait state in it runs out of it; the command then ends in a
    /// <c>commandBudget</c> incident instead of running until memory is exhausted. The default leaves room for the
    /// largest legitimate command, a multi-instance activity at its limit of 10,000 iterations with a few steps
    /// around it.
    /// </summary>
    public int MaxElementExecutionsPerCommand { get; set; } = 50_000;

    /// <summary>
    /// How many tokens one command may create, counted across nested multi-instance activities and subprocesses
    /// together (300 × 300 nested iterations are 90,000 tokens). Twice the 10,000 iterations one multi-instance
    /// activity may have.
    /// </summary>
    public int MaxTokensPerCommand { get; set; } = 20_000;

    /// <summary>How many user and external tasks one command may create (twice one multi-instance activity's limit).</summary>
    public int MaxTasksPerCommand { get; set; } = 20_000;
}
