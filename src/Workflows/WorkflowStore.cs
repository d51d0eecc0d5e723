using Anju.Workflows.Execution;

namespace Anju.Workflows;

/// <summary>
/// Where an engine keeps its instances, definitions, jobs and journal. The engine knows only this seam:
/// <c>Anju.Workflows.Storage</c> has SQLite and PostgreSQL (<c>WorkflowStorage</c>), and
/// <see cref="InMemory.InMemoryWorkflowStore"/> keeps everything in memory for behaviour tests.
/// </summary>
public abstract class WorkflowStore
{
    /// <summary>The store the engine's commands and reads go through (one per engine).</summary>
    internal abstract IInstanceStore Open();
}
