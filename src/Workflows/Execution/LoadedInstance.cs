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
    }

    public InstanceState State { get; }
    public CompiledDefinition Definition { get; set; }

    public long Revision { get; }
    public bool IsNew { get; }

    /// <summary>
    /// What the store read, kept by the store to find what a save changed (it compares the rows of the document
    /// as loaded with those of the document saved); null for a new instance. Opaque to the engine.
    /// </summary>
    public object? Stored { get; init; }

    public List<JournalEntry> Journal { get; } = [];
}
