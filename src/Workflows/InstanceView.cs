using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Anju.Workflows.Execution;

namespace Anju.Workflows;

/// <summary>What a caller sees of an instance (the API's instance view).</summary>
public sealed record InstanceView
{
    public required Guid Id { get; init; }
    public required string DefinitionKey { get; init; }
    public required int DefinitionVersion { get; init; }
    public string? BusinessKey { get; init; }
    public string? Jurisdiction { get; init; }

    /// <summary>The case number (受理编号), e.g. <c>TS-2026-000123</c>; null when the process gives none.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>active, completed, terminated or incident.</summary>
    public required string Status { get; init; }

    public required JsonObject Variables { get; init; }
    public required IReadOnlyList<string> ActiveActivityIds { get; init; }
    public required IReadOnlyList<string> CompletedActivityIds { get; init; }
    public required IReadOnlyList<IncidentView> Incidents { get; init; }

    /// <summary>The user tasks open now, so that a caller can go on without querying the inbox.</summary>
    public required IReadOnlyList<OpenTaskView> OpenTasks { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public Guid? ParentInstanceId { get; init; }
    public string? StartedBy { get; init; }

    /// <summary>
    /// Only on a start's answer, when the new instance stopped at an incident at once (set by the Host): what the
    /// filer is told. Absent otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IncidentNotice? Incident { get; init; }

    internal static InstanceView From(InstanceState state)
    {
        var variables = new JsonObject();
        if (state.Scopes.Count > 0)
        {
            foreach (var (name, value) in state.RootScope.Variables)
            {
                variables[name] = value?.DeepClone();
            }
        }

        var status = state.Status switch
        {
            InstanceStatus.Active when state.Incidents.Count > 0 => "incident",
            var s => s.ToString().ToLowerInvariant(),
        };
        return new InstanceView
        {
            Id = state.Id,
            DefinitionKey = state.DefinitionKey,
            DefinitionVersion = state.DefinitionVersion,
            BusinessKey = state.BusinessKey,
            Jurisdiction = state.Jurisdiction,
            CaseNumber = state.CaseNumber,
            Status = status,
            Variables = variables,
            ActiveActivityIds = [.. state.Tokens.Where(t => !t.IsIteration || !state.Tokens.Exists(b => b.IsMultiInstanceBody && b.NodeId == t.NodeId)).Select(t => t.NodeId).Distinct()],
            CompletedActivityIds = [.. state.CompletedActivities.Distinct()],
            Incidents = [.. state.Incidents.Select(i => new IncidentView(i.Id, i.ActivityId, i.Type, i.Message, i.CreatedAt))],
            OpenTasks = [.. state.Tasks.Select(t => new OpenTaskView(t.Id, t.ActivityId, t.Name, t.Assignee))],
            StartedAt = state.StartedAt,
            EndedAt = state.EndedAt,
            ParentInstanceId = state.ParentInstanceId,
            StartedBy = state.StartedBy,
        };
    }
}

public sealed record OpenTaskView(Guid Id, string ActivityId, string? Name, string? Assignee);

/// <summary>An open incident; <see cref="Message"/> is the engine's technical detail (English).</summary>
public sealed record IncidentView(Guid Id, string ActivityId, string Type, string Message, DateTimeOffset CreatedAt)
{
    /// <summary>The element's name in the definition (set by the Host).</summary>
    public string? ElementName { get; init; }

    /// <summary>The incident told for people, in the reader's language, naming the element by name and id (set by the Host).</summary>
    public string? DisplayMessage { get; init; }
}

/// <summary>A start's new instance stopped at an incident at once: the filing did not go through (set by the Host).</summary>
/// <param name="Code">A stable code (startIncident).</param>
/// <param name="Message">What the filer is told, in their language.</param>
/// <param name="ActivityId">Where it stopped.</param>
public sealed record IncidentNotice(string Code, string Message, string ActivityId);
