using System.Text.Json.Nodes;

namespace Anju.Workflows.Expressions;

/// <summary>
/// The <c>execution</c> object of Camunda's expressions, as far as Anju has it: the instance's
/// <c>processInstanceId</c>, <c>processBusinessKey</c> (also <c>businessKey</c>), <c>processDefinitionId</c>,
/// <c>processDefinitionKey</c>, <c>currentActivityId</c>, <c>getVariable('name')</c> and <c>setVariable('name', value)</c>. Built as a value when an
/// expression names <c>execution</c> and no variable has that name; no reflection, nothing else it can change
/// (<c>execution.setVariable</c> writes only where the context allows it: see <see cref="IVariableWriter"/>).
/// </summary>
public static class ExecutionObject
{
    public const string Name = "execution";

    /// <summary>Marks the object, so that <c>getVariable</c> is called on it only.</summary>
    private const string Marker = "$execution";

    public static JsonObject Create(Guid instanceId, string? businessKey, string definitionId, string definitionKey, string? activityId) => new()
    {
        [Marker] = true,
        ["processInstanceId"] = instanceId.ToString(),
        ["processBusinessKey"] = businessKey,
        ["businessKey"] = businessKey,
        ["processDefinitionId"] = definitionId,
        ["processDefinitionKey"] = definitionKey,
        ["currentActivityId"] = activityId,
        ["id"] = instanceId.ToString(),
    };

    public static bool Is(JsonObject value) => value.TryGetPropertyValue(Marker, out var marker) && marker is JsonValue flag && flag.TryGetValue<bool>(out var set) && set;
}
