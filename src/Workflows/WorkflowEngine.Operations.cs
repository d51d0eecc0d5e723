using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;
using Anju.Workflows.Persistence;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>Cancels an active instance with a reason (administrators); its called instances end too.</summary>
    public Task CancelAsync(Guid instanceId, string reason, string? actor, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (context, ct) =>
        {
            var runner = await context.GetAsync(instanceId, ct);
            if (runner.State.Status != InstanceStatus.Active)
            {
                throw new WorkflowException(WorkflowErrorKind.InvalidState, $"Instance {instanceId} has already ended ({runner.State.Status}).");
            }

            runner.EndInstance(InstanceStatus.Terminated, "InstanceCancelled", new JsonObject { ["reason"] = reason });
        }, cancellationToken);

    /// <summary>
    /// Retries the element of an incident: an external task is re-opened for one more try; anything else runs
    /// its element again (after an administrator has fixed variables, say).
    /// </summary>
    public Task RetryIncidentAsync(Guid incidentId, string? actor, CancellationToken cancellationToken = default) =>
        RetryIncidentAsync(incidentId, actor, null, cancellationToken);

    /// <summary>Retries the element of an incident, with the administrator's reason journaled.</summary>
    public Task RetryIncidentAsync(Guid incidentId, string? actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (context, ct) =>
        {
            var instanceId = await context.Session.FindIncidentInstanceAsync(incidentId, ct)
                ?? throw WorkflowException.NotFound($"Incident {incidentId} does not exist or is resolved.");
            var runner = await context.GetAsync(instanceId, ct);
            var incident = runner.State.Incidents.Find(i => i.Id == incidentId)
                ?? throw WorkflowException.Conflict($"Incident {incidentId} was resolved meanwhile.");
            runner.RetryIncident(incident, reason);
            await runner.RunAsync(ct);
        }, cancellationToken);

    /// <summary>
    /// Process instance modification (administrators): cancels tokens at activities and/or starts tokens before or
    /// after activities, with variables, in one command: all instructions or none. See <see cref="ModificationInstruction"/>.
    /// </summary>
    public Task<InstanceView> ModifyAsync(Guid instanceId, IReadOnlyList<ModificationInstruction> instructions, string reason, string? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        return RunAsync(actor, async (context, ct) =>
        {
            var runner = await context.GetAsync(instanceId, ct);
            runner.Modify(instructions, reason);
            await runner.RunAsync(ct);
            return runner;
        }, r => InstanceView.From(r.State), cancellationToken);
    }

    /// <summary>
    /// Sets one process variable of an active instance (an administrator's correction), journaled as
    /// VariableEdited with the old and new value and the reason; returns the old value (null when it had none).
    /// </summary>
    public Task<JsonNode?> EditVariableAsync(Guid instanceId, string name, JsonNode? value, string reason, string? actor, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (context, ct) =>
        {
            var runner = await context.GetAsync(instanceId, ct);
            var old = runner.EditVariable(name, value, reason);

            // A changed variable may make a conditional event's condition hold (nothing else is ready to run).
            await runner.RunAsync(ct);
            return old;
        }, static old => old, cancellationToken);

    /// <summary>Sets variables of an active instance (an administrator's correction), journaled.</summary>
    public Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, JsonNode?> variables, string? actor, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async (context, ct) =>
        {
            var runner = await context.GetAsync(instanceId, ct);
            foreach (var (name, value) in variables)
            {
                runner.SetLocal(runner.State.RootScope, name, value?.DeepClone());
            }

            await runner.RunAsync(ct);
        }, cancellationToken);

    /// <summary>Reads an instance's journal and checks its hash chain against the document's last link.</summary>
    public async Task<(IReadOnlyList<JournalRow> Entries, JournalVerification Verification)> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var (state, rows) = await Store.ReadJournalAsync(instanceId, cancellationToken)
            ?? throw WorkflowException.NotFound($"Process instance {instanceId} does not exist.");
        var verification = JournalChain.Verify(rows);
        if (verification.Intact && (rows.Count != state.JournalSeq || (rows.Count > 0 && rows[^1].Hash != state.JournalHash)))
        {
            verification = new JournalVerification(false, rows.Count + 1, $"The journal ends at entry {rows.Count}, but the instance recorded {state.JournalSeq} entries: entries were removed.");
        }

        return (rows, verification);
    }

    /// <summary>A deployed version by id ("key:version"), parsed (for forms, diagrams, validation); null when unknown.</summary>
    public async Task<CompiledDefinition?> GetDefinitionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Definitions.GetAsync(definitionId, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>The open user task with its form defaults (evaluated at creation), from the instance document.</summary>
    public async Task<(UserTaskState Task, CompiledDefinition Definition, InstanceView Instance)?> GetTaskDetailsAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        await ReadOpenTaskAsync<(UserTaskState, CompiledDefinition, InstanceView)?>(taskId, (state, task, definition) => (task, definition, InstanceView.From(state)), cancellationToken);

    /// <summary>
    /// Where an open task may be returned to (退回), the step done last first; empty when there is none or the task
    /// is one signature of a 会签/或签; null when the task does not exist or is done.
    /// </summary>
    public async Task<IReadOnlyList<ReturnTarget>?> GetReturnTargetsAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        await ReadOpenTaskAsync<IReadOnlyList<ReturnTarget>>(taskId, (state, task, definition) =>
            [.. InstanceRunner.ReturnTargets(definition.Process, state, task).Select(node => new ReturnTarget(node.Id, node.Name))], cancellationToken);

    /// <summary>
    /// Reads an open task's instance document and definition (no command); default (null: make a value-type T
    /// nullable) when the task is gone.
    /// </summary>
    private async Task<T?> ReadOpenTaskAsync<T>(Guid taskId, Func<InstanceState, UserTaskState, CompiledDefinition, T> read, CancellationToken cancellationToken)
    {
        var state = (await Store.ReadInstanceByTaskAsync(taskId, cancellationToken))?.State;
        var task = state?.Tasks.Find(t => t.Id == taskId);
        return task is null ? default : read(state!, task, await Definitions.GetAsync(state!.DefinitionId, cancellationToken));
    }
}
