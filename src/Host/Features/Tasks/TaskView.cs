using System.Text.Json.Nodes;
using Anju.Host.Calendars;
using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;
using Anju.Workflows.Persistence;

namespace Anju.Host.Features.Tasks;

/// <summary>
/// A task as the API shows it. In the list <see cref="Form"/> and <see cref="Variables"/> are null: the form
/// lives in the definition's XML and parsing it per row would make the inbox slow; GET /api/tasks/{id} has both.
/// <see cref="DueIsEstimate"/>: the due date was counted over a year the working-day calendar has no data for
/// (Monday–Friday assumed), or whose data was entered after the task was created (see <see cref="CalendarSnapshot.IsEstimate"/>).
/// <see cref="Returned"/>: a 退回 created this task — from which step, why, by whom, when (<see cref="ReturnMark"/>); only in GET /api/tasks/{id}.
/// </summary>
public sealed record TaskView(
    Guid Id,
    string? Name,
    string ActivityId,
    Guid InstanceId,
    string DefinitionKey,
    string? BusinessKey,
    string? Jurisdiction,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    IReadOnlyList<string> CandidateUsers,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    int Priority,
    string? DelegatedFrom,
    FormView? Form,
    JsonObject? Variables,
    bool DueIsEstimate,
    ReturnMark.View? Returned = null)
{
    /// <summary>The case number (受理编号) of the task's case; null when its procedure gives none.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>In the inbox: one line about the case (compound · first words of the description).</summary>
    public string? CaseSummary { get; init; }

    /// <summary>In the inbox: the procedure's name.</summary>
    public string? Procedure { get; init; }

    public static TaskView FromRow(TaskRow row, CalendarSnapshot calendar) => new(
        row.Id, row.Name, row.ActivityId, row.InstanceId, row.DefinitionKey, row.BusinessKey, row.Jurisdiction, row.Assignee,
        Split(row.CandidateGroups), Split(row.CandidateUsers), Utc(row.CreatedAt), row.DueAt is { } due ? Utc(due) : null, row.Priority,
        null, null, null, calendar.IsEstimate(Utc(row.CreatedAt), row.DueAt is { } dueAt ? Utc(dueAt) : null));

    public static TaskView FromDetails(UserTaskState task, CompiledDefinition definition, InstanceView instance, CalendarSnapshot calendar, ReturnMark.View? returned = null) => new(
        task.Id, task.Name, task.ActivityId, instance.Id, instance.DefinitionKey, instance.BusinessKey, instance.Jurisdiction, task.Assignee,
        task.CandidateGroups, task.CandidateUsers, task.CreatedAt, task.DueAt, task.Priority, task.DelegatedFrom,
        FormView.From(FormFieldsOf(definition, task.ActivityId), task.FormDefaults), instance.Variables, calendar.IsEstimate(task.CreatedAt, task.DueAt), returned)
    {
        CaseNumber = instance.CaseNumber,
        Procedure = definition.Process.Name,
    };

    /// <summary>The form fields of a task's user task element (none when the element has none).</summary>
    public static IReadOnlyList<FormField> FormFieldsOf(CompiledDefinition definition, string activityId) =>
        definition.Process.Nodes.TryGetValue(activityId, out var node) && node is UserTask userTask ? userTask.FormFields : [];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record FormView(IReadOnlyList<FormFieldView> Fields)
{
    public static FormView From(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, JsonNode?> defaults) =>
        new([.. fields.Select(f => new FormFieldView(
            f.Id,
            f.Label ?? f.Id,
            f.Type,
            f.IsRequired,
            f.IsReadOnly,
            f.EnumValues.IsEmpty ? null : [.. f.EnumValues.Select(v => new EnumValueView(v.Id, v.Name ?? v.Id))],
            f.Constraints.IsEmpty ? null : [.. f.Constraints.Select(c => new ConstraintView(c.Name, c.Config))],
            defaults.TryGetValue(f.Id, out var value) ? value?.DeepClone() : null))]);
}

public sealed record FormFieldView(
    string Id, string Label, string Type, bool Required, bool ReadOnly,
    IReadOnlyList<EnumValueView>? EnumValues, IReadOnlyList<ConstraintView>? Constraints, JsonNode? DefaultValue);

public sealed record EnumValueView(string Id, string Name);

public sealed record ConstraintView(string Name, string? Config);
