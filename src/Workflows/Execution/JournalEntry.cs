using System.Text.Json.Nodes;

namespace Anju.Workflows.Execution;

/// <summary>One state change of an instance, before it is chained and stored.</summary>
public sealed record JournalEntry(DateTimeOffset At, string Type, string? ActivityId, string? Actor, JsonObject? Details);
