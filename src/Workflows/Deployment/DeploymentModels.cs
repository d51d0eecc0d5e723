using Anju.Workflows.Parsing;

namespace Anju.Workflows.Deployment;

/// <summary>One BPMN file of a deployment.</summary>
public sealed record DeploymentFile(string Name, string Xml);

public sealed record DeploymentRequest
{
    public required IReadOnlyList<DeploymentFile> Files { get; init; }
    public string? Note { get; init; }
    public string? DeployedBy { get; init; }

    /// <summary>Service tasks whose handler is unknown become external tasks on a topic of that name.</summary>
    public bool UnknownServiceTasksAsExternal { get; init; }

    /// <summary>Validate only: the result says what would be deployed and every problem, and nothing is stored.</summary>
    public bool DryRun { get; init; }
}

public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name, bool IsNew);

/// <summary>
/// The outcome: either every process deployed (or found unchanged), or the problems (errors) and nothing.
/// Warnings never block a deployment.
/// </summary>
public sealed record DeploymentResult(Guid DeploymentId, IReadOnlyList<DeployedDefinition> Definitions, IReadOnlyList<BpmnProblem> Problems)
{
    /// <summary>What a modeller should know but that does not stop the deployment (a call activity's target not deployed).</summary>
    public IReadOnlyList<BpmnProblem> Warnings { get; init; } = [];

    public bool Succeeded => Problems.Count == 0;
    public bool CreatedAny => Definitions.Any(d => d.IsNew);
}
