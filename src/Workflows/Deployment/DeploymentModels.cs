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

    /// <summary>
    /// Where the versions come from, stored on each new version: <c>file:&lt;name&gt;.bpmn</c> or
    /// <c>user:&lt;username&gt;</c> (<see cref="DefinitionSources"/>).
    /// </summary>
    public string? Source { get; init; }

    /// <summary>
    /// Start-up deployment of a definitions file: a process is left as it is when its content equals the last
    /// version deployed from the same <see cref="Source"/>, or when a person (source <c>user:</c>) deployed a
    /// version of its key after the last one from this file. Such a process is reported with
    /// <see cref="DeployedDefinition.KeptLaterVersion"/> when its content differs from the version kept.
    /// </summary>
    public bool YieldToPeople { get; init; }
    /// <summary>Validate only: the result says what would be deployed and every problem, and nothing is stored.</summary>
    public bool DryRun { get; init; }
}

/// <summary>The values of a definition version's source.</summary>
public static class DefinitionSources
{
    public const string FilePrefix = "file:";
    public const string UserPrefix = "user:";

    public static string File(string fileName) => FilePrefix + fileName;

    public static string User(string username) => UserPrefix + username;

    public static bool IsPerson(string? source) => source is not null && source.StartsWith(UserPrefix, StringComparison.Ordinal);
}

/// <summary>One process of a deployment: the version stored, found unchanged, or kept.</summary>
/// <param name="Id">The version's id (key:version).</param>
/// <param name="Key">The process key.</param>
/// <param name="Version">The version number.</param>
/// <param name="Name">The process name.</param>
/// <param name="IsNew">A new version was stored.</param>
/// <param name="KeptLaterVersion">
/// With <see cref="DeploymentRequest.YieldToPeople"/>: the content differs from the latest version, which a person
/// deployed after the last version from this file, and that version was kept (<see cref="Id"/> and
/// <see cref="Version"/> name it).
/// </param>
public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name, bool IsNew, bool KeptLaterVersion = false)
{
    /// <summary>Who deployed the version named (for a kept version: the person whose version stays).</summary>
    public string? DeployedBy { get; init; }
}

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
