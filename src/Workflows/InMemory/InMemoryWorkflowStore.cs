using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.InMemory;

/// <summary>
/// A store that keeps the engine's tables in memory: the same rows as SQLite and PostgreSQL (instance documents
/// guarded by their revisions, the projections, the journal, jobs with their leases, case sequences), written all or
/// nothing at a command's commit. For the engine's behaviour tests and the benchmark's engine-only figure; nothing
/// survives the process. Commands compute concurrently and commit one at a time under one lock.
/// </summary>
public sealed class InMemoryWorkflowStore : WorkflowStore
{
    internal readonly Lock Gate = new();
    internal readonly List<DefinitionRow> Definitions = [];
    internal readonly Dictionary<Guid, InstanceRow> Instances = [];
    internal readonly Dictionary<Guid, TaskRow> Tasks = [];
    internal readonly Dictionary<Guid, List<TaskCandidateRow>> Candidates = [];
    internal readonly Dictionary<Guid, JobRow> Jobs = [];
    internal readonly Dictionary<Guid, SubscriptionRow> Subscriptions = [];
    internal readonly Dictionary<Guid, ExternalTaskRow> ExternalTasks = [];
    internal readonly Dictionary<Guid, IncidentRow> Incidents = [];
    internal readonly Dictionary<Guid, List<JournalRow>> Journal = [];
    internal readonly Dictionary<(string Prefix, int Year), long> CaseSequences = [];

    internal override IInstanceStore Open() => new InMemoryInstanceStore(this);

    /// <summary>
    /// The rows of one table as stored now (copies): <see cref="DefinitionRow"/>, <see cref="InstanceRow"/>,
    /// <see cref="TaskRow"/>, <see cref="TaskCandidateRow"/>, <see cref="JobRow"/>, <see cref="SubscriptionRow"/>,
    /// <see cref="ExternalTaskRow"/>, <see cref="IncidentRow"/> or <see cref="JournalRow"/>.
    /// </summary>
    public IReadOnlyList<TRow> Rows<TRow>()
        where TRow : class
    {
        IEnumerable<object> rows = typeof(TRow) switch
        {
            var t when t == typeof(DefinitionRow) => Definitions,
            var t when t == typeof(InstanceRow) => Instances.Values,
            var t when t == typeof(TaskRow) => Tasks.Values,
            var t when t == typeof(TaskCandidateRow) => Candidates.Values.SelectMany(c => c),
            var t when t == typeof(JobRow) => Jobs.Values,
            var t when t == typeof(SubscriptionRow) => Subscriptions.Values,
            var t when t == typeof(ExternalTaskRow) => ExternalTasks.Values,
            var t when t == typeof(IncidentRow) => Incidents.Values,
            var t when t == typeof(JournalRow) => Journal.Values.SelectMany(j => j),
            _ => throw new NotSupportedException($"No in-memory table holds {typeof(TRow).Name}."),
        };
        return Snapshot(rows.Cast<TRow>());
    }

    private IReadOnlyList<TRow> Snapshot<TRow>(IEnumerable<TRow> rows)
        where TRow : class
    {
        lock (Gate)
        {
            return [.. rows.Select(Copy)];
        }
    }

    /// <summary>A shallow copy: every row type is a flat class of values.</summary>
    internal static TRow Copy<TRow>(TRow row)
        where TRow : class => RowCopier<TRow>.Copy(row);

    private static class RowCopier<TRow>
        where TRow : class
    {
        private static readonly System.Reflection.MethodInfo Clone =
            typeof(object).GetMethod(nameof(MemberwiseClone), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

        public static TRow Copy(TRow row) => (TRow)Clone.Invoke(row, null)!;
    }
}
