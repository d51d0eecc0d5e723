using System.Data.Common;
using System.Text.Json.Nodes;

namespace Anju.Workflows.Handlers;

/// <summary>What a handler sees of the instance: identity, variables, and where it runs.</summary>
public sealed class ServiceTaskContext
{
    private readonly Func<string, JsonNode?> _read;
    private readonly Action<string, JsonNode?> _write;

    internal ServiceTaskContext(
        Guid instanceId,
        string definitionKey,
        string activityId,
        string? businessKey,
        string? jurisdiction,
        DateTimeOffset now,
        Func<string, JsonNode?> read,
        Action<string, JsonNode?> write,
        DbTransaction? transaction = null)
    {
        InstanceId = instanceId;
        DefinitionKey = definitionKey;
        ActivityId = activityId;
        BusinessKey = businessKey;
        Jurisdiction = jurisdiction;
        Now = now;
        _read = read;
        _write = write;
        Transaction = transaction;
    }

    public Guid InstanceId { get; }
    public string DefinitionKey { get; }
    public string ActivityId { get; }
    public string? BusinessKey { get; }
    public string? Jurisdiction { get; }
    public DateTimeOffset Now { get; }

    /// <summary>
    /// The command's open database transaction (null outside a database command). A handler that writes its
    /// own tables in the same database enlists in it, so that its rows commit or roll back together with the
    /// instance's state change, as Camunda's delegates share the engine's transaction. It must not commit,
    /// roll back or dispose it. A second connection would not do on SQLite: the command holds the file's
    /// write lock until it commits, so the handler's write would wait for its own command.
    /// </summary>
    public DbTransaction? Transaction { get; }

    /// <summary>The variable visible from the task's scope, or null when it is not set.</summary>
    public JsonNode? GetVariable(string name) => _read(name)?.DeepClone();

    /// <summary>Sets a variable with Camunda's rule: where it already exists, else on the process.</summary>
    public void SetVariable(string name, JsonNode? value) => _write(name, value?.DeepClone());
}
