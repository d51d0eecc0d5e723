namespace Anju.Workflows;

/// <summary>An earlier step a task may be returned to (退回): a user task of the same level this case has done.</summary>
public sealed record ReturnTarget(string ActivityId, string? Name);
