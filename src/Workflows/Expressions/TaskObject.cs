using System.Text.Json.Nodes;

namespace Anju.Workflows.Expressions;

/// <summary>
/// The <c>task</c> object of Camunda's task-listener expressions, as far as Anju has it: <c>id</c>, <c>name</c>,
/// <c>assignee</c>, <c>taskDefinitionKey</c>, <c>priority</c>, <c>dueDate</c>, <c>followUpDate</c>, <c>createTime</c>,
/// <c>eventName</c>, <c>processInstanceId</c>, <c>candidateUsers</c>, <c>candidateGroups</c>, and <c>getVariable</c> /
/// <c>setVariable</c> (which read and write the variables of the task's execution). A value built when a task
/// listener runs and no variable is named <c>task</c>; no reflection, nothing else it can change.
/// </summary>
public static class TaskObject
{
    public const string Name = "task";

    private const string Marker = "$task";

    /// <summary>What the object shows of a task (kept free of the engine's state types).</summary>
    public sealed record Snapshot(
        Guid Id, string? Name, string? Assignee, string ActivityId, int Priority, DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt,
        DateTimeOffset CreatedAt, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups, Guid InstanceId, string EventName);

    public static JsonObject Create(Snapshot task) => new()
    {
        [Marker] = true,
        ["id"] = task.Id.ToString(),
        ["name"] = task.Name,
        ["assignee"] = task.Assignee,
        ["taskDefinitionKey"] = task.ActivityId,
        ["priority"] = task.Priority,
        ["dueDate"] = task.DueAt?.ToString("O"),
        ["followUpDate"] = task.FollowUpAt?.ToString("O"),
        ["createTime"] = task.CreatedAt.ToString("O"),
        ["eventName"] = task.EventName,
        ["processInstanceId"] = task.InstanceId.ToString(),
        ["candidateUsers"] = new JsonArray([.. task.CandidateUsers.Select(u => (JsonNode?)u)]),
        ["candidateGroups"] = new JsonArray([.. task.CandidateGroups.Select(g => (JsonNode?)g)]),
    };

    public static bool Is(JsonObject value) => value.TryGetPropertyValue(Marker, out var marker) && marker is JsonValue flag && flag.TryGetValue<bool>(out var set) && set;
}
