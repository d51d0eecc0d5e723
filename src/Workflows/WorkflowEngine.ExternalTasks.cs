using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Execution.Behaviors;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Locks up to <paramref name="maxTasks"/> open external tasks of the given topics for a worker. The
    /// lock lives only in the external-task row (it does not change the instance), taken with a guarded
    /// update so that two workers never lock the same task.
    /// </summary>
    public async Task<IReadOnlyList<LockedExternalTask>> FetchAndLockAsync(string workerId, int maxTasks, IReadOnlyList<TopicRequest> topics, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentNullException.ThrowIfNull(topics);
        var now = Time.GetUtcNow().UtcDateTime;
        var lockFor = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            lockFor.TryAdd(topic.TopicName, TimeSpan.FromMilliseconds(Math.Clamp(topic.LockDurationMs, 1, 86_400_000)));
        }

        var locked = new List<LockedExternalTask>();
        foreach (var (task, until, state) in await Store.LockExternalTasksAsync(workerId, now, lockFor, Math.Clamp(maxTasks, 1, 100), cancellationToken))
        {
            var variables = new JsonObject();
            var external = state.ExternalTasks.Find(e => e.Id == task.Id);
            var token = external is null ? null : state.FindToken(external.TokenId);
            if (token is not null)
            {
                for (ScopeState? scope = state.Scope(token.LocalScopeId ?? token.ScopeId); scope is not null; scope = scope.ParentId is { } p ? state.Scope(p) : null)
                {
                    foreach (var (name, value) in scope.Variables)
                    {
                        if (!variables.ContainsKey(name))
                        {
                            variables[name] = value?.DeepClone();
                        }
                    }
                }
            }

            locked.Add(new LockedExternalTask(task.Id, task.Topic, task.InstanceId, task.ActivityId, task.DefinitionKey, task.BusinessKey, task.Jurisdiction, task.Retries, task.ErrorMessage, new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)), variables));
        }

        return locked;
    }

    public Task CompleteExternalTaskAsync(Guid id, string workerId, IReadOnlyDictionary<string, JsonNode?>? variables, CancellationToken cancellationToken = default) =>
        WithExternalTaskAsync(id, workerId, (runner, task) => ServiceTaskBehavior.CompleteExternal(runner, task, variables), cancellationToken);

    /// <summary>
    /// The worker failed: it says how many retries are left and when to try again. With none left the
    /// task stays and an incident is raised (Camunda 7 behaviour); an administrator's retry re-opens it.
    /// </summary>
    public Task FailExternalTaskAsync(Guid id, string workerId, string errorMessage, int retries, long retryTimeoutMs, CancellationToken cancellationToken = default) =>
        WithExternalTaskAsync(id, workerId, (runner, task) =>
        {
            task.Retries = Math.Max(retries, 0);
            task.ErrorMessage = errorMessage;
            task.WorkerId = null;
            task.LockExpiresAt = runner.Command.Now + TimeSpan.FromMilliseconds(Math.Clamp(retryTimeoutMs, 0, 86_400_000L * 30));
            runner.Journal("ExternalTaskFailed", task.ActivityId, new JsonObject { ["error"] = errorMessage, ["retries"] = task.Retries });
            if (task.Retries == 0)
            {
                var token = runner.State.FindToken(task.TokenId)!;
                runner.RaiseIncident(token, task.ActivityId, "failedExternalTask", $"External task '{task.ActivityId}' ({task.Topic}) failed with no retries left: {errorMessage}");
                token.Phase = TokenPhase.Waiting;
            }
        }, cancellationToken);

    public Task BpmnErrorExternalTaskAsync(Guid id, string workerId, string errorCode, string? errorMessage, IReadOnlyDictionary<string, JsonNode?>? variables, CancellationToken cancellationToken = default) =>
        WithExternalTaskAsync(id, workerId, (runner, task) =>
        {
            var token = runner.State.FindToken(task.TokenId)!;
            runner.State.ExternalTasks.Remove(task);
            runner.SetVariables(token.ScopeId, variables);
            runner.ThrowBpmnError(token, errorCode, errorMessage ?? $"BPMN error '{errorCode}' from external task '{task.ActivityId}'");
        }, cancellationToken);

    private Task WithExternalTaskAsync(Guid id, string workerId, Action<InstanceRunner, ExternalTaskState> action, CancellationToken cancellationToken) =>
        RunAsync(workerId, async (context, ct) =>
        {
            var row = await context.Session.ReadExternalTaskLockAsync(id, ct)
                ?? throw WorkflowException.NotFound($"External task {id} does not exist or is already completed.");
            if (row.WorkerId != workerId || row.LockExpiresAt is null || row.LockExpiresAt < context.Now.UtcDateTime)
            {
                throw WorkflowException.Conflict($"External task {id} is not locked by worker '{workerId}' (its lock may have expired).");
            }

            var runner = await context.GetAsync(row.InstanceId, ct);
            var task = runner.State.ExternalTasks.Find(e => e.Id == id)
                ?? throw WorkflowException.Conflict($"External task {id} was withdrawn meanwhile.");
            action(runner, task);
            await runner.RunAsync(ct);
        }, cancellationToken);
}

public sealed record TopicRequest(string TopicName, long LockDurationMs);

public sealed record LockedExternalTask(
    Guid Id,
    string TopicName,
    Guid ProcessInstanceId,
    string ActivityId,
    string DefinitionKey,
    string? BusinessKey,
    string? Jurisdiction,
    int? Retries,
    string? ErrorMessage,
    DateTimeOffset LockExpiresAt,
    JsonObject Variables);
