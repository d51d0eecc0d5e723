namespace Anju.Workflows.Execution;

/// <summary>An instance taken into a command: its document, the revision it was read at, and what changed.</summary>
internal sealed class LoadedInstance
{
    public LoadedInstance(InstanceState state, CompiledDefinition definition, long revision, bool isNew)
    {
        State = state;
        Definition = definition;
        Revision = revision;
        IsNew = isNew;
        OriginalStatus = state.Status;
        if (!isNew)
        {
            OriginalTasks = state.Tasks.Select(t => t.Id).ToHashSet();
            OriginalJobs = state.Jobs.Select(j => j.Id).ToHashSet();
            OriginalSubscriptions = state.Subscriptions.Select(s => s.Id).ToHashSet();
            OriginalExternalTasks = state.ExternalTasks.Select(e => e.Id).ToHashSet();
            OriginalIncidents = state.Incidents.Select(i => i.Id).ToHashSet();
        }
    }

    public InstanceState State { get; }
    public CompiledDefinition Definition { get; set; }

    /// <summary>The instance moved to another version in this command (migration): its row's definition is rewritten.</summary>
    public bool DefinitionChanged { get; set; }
    public long Revision { get; }
    public bool IsNew { get; }

    /// <summary>The status as loaded (the stored row has it too).</summary>
    public InstanceStatus OriginalStatus { get; }

    public HashSet<Guid> OriginalTasks { get; } = [];
    public HashSet<Guid> OriginalJobs { get; } = [];
    public HashSet<Guid> OriginalSubscriptions { get; } = [];
    public HashSet<Guid> OriginalExternalTasks { get; } = [];
    public HashSet<Guid> OriginalIncidents { get; } = [];

    /// <summary>Wait states that existed before and were changed in place (claimed task, job retries).</summary>
    public HashSet<Guid> Touched { get; } = [];

    public List<JournalEntry> Journal { get; } = [];
}
