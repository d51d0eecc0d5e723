using System.Text.Json.Nodes;

namespace Anju.Workflows.Handlers;

/// <summary>What a handler sees of the instance: identity, variables, and where it runs.</summary>
public sealed class ServiceTaskContext
{
    private readonly Func<string, JsonNode?> _read;
    private readonly Action<string, JsonNode?> _write;
    private readonly Func<ProcessStart, CancellationToken, ValueTask<Guid>>? _start;
    private readonly Func<string, JsonNode?>? _property;

    internal ServiceTaskContext(
        Guid instanceId,
        string definitionKey,
        string activityId,
        string? businessKey,
        string? jurisdiction,
        DateTimeOffset now,
        Func<string, JsonNode?> read,
        Action<string, JsonNode?> write,
        Func<ProcessStart, CancellationToken, ValueTask<Guid>>? start = null,
        Func<string, JsonNode?>? property = null,
        IReadOnlyList<string>? propertyNames = null)
    {
        InstanceId = instanceId;
        DefinitionKey = definitionKey;
        ActivityId = activityId;
        BusinessKey = businessKey;
        Jurisdiction = jurisdiction;
        Now = now;
        _read = read;
        _write = write;
        _start = start;
        _property = property;
        PropertyNames = propertyNames ?? [];
    }

    /// <summary>
    /// The command's open database transaction (its connection is <c>Transaction.Connection</c>). A handler
    /// that writes tables of its own in the engine's database does so here, so that its rows commit or roll
    /// back with the instance. On SQLite this is also the only way to write: the command holds the write lock.
    /// </summary>
    public System.Data.Common.DbTransaction? Transaction { get; init; }

    /// <summary>
    /// Who the command that runs the handler acts for: the user whose task completion, start or message led here (the
    /// actor its journal entries record); null in a job (timer, asynchronous continuation).
    /// </summary>
    public string? Actor { get; init; }

    /// <summary>Names of the task's extension properties (camunda:properties).</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>
    /// An extension property of the task, its value evaluated now (a literal, or an expression over the
    /// variables); null when the task has no such property. This is how a BPMN file parameterises a handler.
    /// </summary>
    public JsonNode? GetProperty(string name) => _property?.Invoke(name);

    public Guid InstanceId { get; }
    public string DefinitionKey { get; }
    public string ActivityId { get; }
    public string? BusinessKey { get; }
    public string? Jurisdiction { get; }
    public DateTimeOffset Now { get; }

    /// <summary>The variable visible from the task's scope, or null when it is not set.</summary>
    public JsonNode? GetVariable(string name) => _read(name)?.DeepClone();

    /// <summary>Sets a variable with Camunda's rule: where it already exists, else on the process.</summary>
    public void SetVariable(string name, JsonNode? value) => _write(name, value?.DeepClone());

    /// <summary>
    /// Starts an instance of another process (latest version, at its none start event) in the same
    /// transaction as this command: if the command fails, the new instance is not created either. Returns its
    /// id. An undeployed key throws, which makes this service task fail (retries, then an incident).
    /// </summary>
    public ValueTask<Guid> StartProcessAsync(ProcessStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return _start is null
            ? throw new InvalidOperationException("Starting a process is not available in this context.")
            : _start(start, cancellationToken);
    }
}

/// <summary>A process a service-task handler starts (see <see cref="ServiceTaskContext.StartProcessAsync"/>).</summary>
public sealed record ProcessStart(string DefinitionKey)
{
    public string? BusinessKey { get; init; }

    /// <summary>Null: the starting instance's jurisdiction.</summary>
    public string? Jurisdiction { get; init; }

    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }
}
