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
}
