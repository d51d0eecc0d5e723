using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;
using Anju.Workflows.Parsing;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Deployment;

/// <summary>
/// Deployed definitions: versioning (changed XML for a key → version n+1; identical XML → no-op) and a cache
/// of parsed versions. Parsing is deterministic, so every node of a cluster may cache independently.
/// </summary>
public sealed class DefinitionRepository
{
    private readonly ConcurrentDictionary<string, CompiledDefinition> _cache = new(StringComparer.Ordinal);
    private readonly WorkflowEngine _engine;

    internal DefinitionRepository(WorkflowEngine engine) => _engine = engine;

    /// <summary>A stored version by id through <paramref name="reader"/> (a command's session), compiled and cached.</summary>
    internal async ValueTask<CompiledDefinition> GetAsync(IDefinitionReader reader, string id, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var stored = await reader.ReadDefinitionAsync(id, cancellationToken)
            ?? throw WorkflowException.NotFound($"Process definition '{id}' does not exist.");
        return Compile(stored);
    }

    /// <summary>A stored version by id, compiled (cached after the first call).</summary>
    public ValueTask<CompiledDefinition> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _cache.TryGetValue(id, out var cached) ? ValueTask.FromResult(cached) : GetAsync(_engine.Store, id, cancellationToken);

    /// <summary>The latest version of a key, or a given version; null when there is none.</summary>
    internal async ValueTask<CompiledDefinition?> ResolveAsync(IDefinitionReader reader, string key, int? version, CancellationToken cancellationToken)
    {
        var id = await reader.FindDefinitionIdAsync(key, version, cancellationToken);
        return id is null ? null : await GetAsync(reader, id, cancellationToken);
    }

    private CompiledDefinition Compile(StoredDefinition row)
    {
        var parsed = BpmnReader.Read(row.Xml);
        var process = parsed.Processes.FirstOrDefault(p => p.Key == row.Key)
            ?? throw new InvalidDataException($"Stored definition '{row.Id}' no longer parses: {string.Join("; ", parsed.Errors.Select(p => p.Message))}");
        _ = DefinitionValidator.Validate(process, _engine.Handlers, row.UnknownServiceTasksAsExternal, _engine.Options, out var adjusted);
        var compiled = new CompiledDefinition(row.Id, row.Version, adjusted);
        return _cache.GetOrAdd(row.Id, compiled);
    }

    /// <summary>The content hash a version stores: SHA-256 of the XML with line ends normalised and trimmed.</summary>
    public static string ContentHashOf(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())));
    }

    internal async Task<DeploymentResult> DeployAsync(IDeploymentSession session, DeploymentRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deploymentId = Guid.CreateVersion7(now);
        var problems = new List<BpmnProblem>();
        var warnings = new List<BpmnProblem>();
        var toDeploy = new List<(ProcessDefinition Process, DeploymentFile File, string Hash)>();
        foreach (var file in request.Files)
        {
            var parsed = BpmnReader.Read(file.Xml);
            problems.AddRange(parsed.Errors);
            warnings.AddRange(parsed.Warnings);
            var hash = ContentHashOf(file.Xml);
            foreach (var process in parsed.Processes)
            {
                foreach (var problem in DefinitionValidator.Validate(process, _engine.Handlers, request.UnknownServiceTasksAsExternal, _engine.Options, out _))
                {
                    (problem.Severity == ProblemSeverity.Warning ? warnings : problems).Add(problem);
                }

                toDeploy.Add((process, file, hash));
            }
        }

        var duplicateKeys = toDeploy.GroupBy(p => p.Process.Key).Where(g => g.Count() > 1).Select(g => g.Key);
        problems.AddRange(duplicateKeys.Select(k => new BpmnProblem(k, 0, $"Process key '{k}' appears in more than one file of this deployment.") { Code = ProblemCodes.DuplicateKey, Arguments = [k] }));
        warnings.AddRange(await CallTargetWarningsAsync(session, toDeploy.Select(p => p.Process).ToList(), cancellationToken));
        if (problems.Count > 0 || toDeploy.Count == 0)
        {
            if (problems.Count == 0)
            {
                problems.Add(new BpmnProblem(null, 0, "The deployment contains no BPMN file.") { Code = ProblemCodes.Empty });
            }

            return new DeploymentResult(deploymentId, [], problems) { Warnings = warnings };
        }

        var results = new List<DeployedDefinition>();
        foreach (var (process, file, hash) in toDeploy)
        {
            var latest = await session.LatestAsync(process.Key, source: null, cancellationToken);
            if (latest is not null && latest.ContentHash == hash)
            {
                results.Add(new DeployedDefinition(latest.Id, process.Key, latest.Version, latest.Name, IsNew: false) { DeployedBy = latest.DeployedBy });
                continue;
            }

            if (latest is not null && request.YieldToPeople && request.Source is { } source)
            {
                var lastFromSource = await session.LatestAsync(process.Key, source, cancellationToken);
                var personLater = await session.PersonDeployedAfterAsync(process.Key, lastFromSource?.Version ?? 0, cancellationToken);
                if (lastFromSource?.ContentHash == hash || personLater)
                {
                    results.Add(new DeployedDefinition(latest.Id, process.Key, latest.Version, latest.Name, IsNew: false, KeptLaterVersion: personLater)
                    {
                        DeployedBy = latest.DeployedBy,
                    });
                    continue;
                }
            }

            var version = (latest?.Version ?? 0) + 1;
            var row = new DefinitionRow
            {
                Id = CompiledDefinition.MakeId(process.Key, version),
                Key = process.Key,
                Version = version,
                Name = process.Name,
                Xml = file.Xml,
                ContentHash = hash,
                DeploymentId = deploymentId,
                DeployedAt = now.UtcDateTime,
                DeployedBy = request.DeployedBy,
                Note = request.Note,
                UnknownServiceTasksAsExternal = request.UnknownServiceTasksAsExternal,
                Source = request.Source,
            };
            if (!request.DryRun)
            {
                await session.AddAsync(row, latest?.Id, TimerStartJobs(row, process, now), cancellationToken);
            }

            results.Add(new DeployedDefinition(row.Id, row.Key, row.Version, row.Name, IsNew: true) { DeployedBy = row.DeployedBy });
        }

        return new DeploymentResult(deploymentId, results, []) { Warnings = warnings };
    }

    /// <summary>A warning for each call activity whose literal target is neither deployed nor in this deployment.</summary>
    private static async Task<List<BpmnProblem>> CallTargetWarningsAsync(IDeploymentSession session, List<ProcessDefinition> processes, CancellationToken cancellationToken)
    {
        var calls = processes.SelectMany(DefinitionValidator.LiteralCallTargets).ToList();
        if (calls.Count == 0)
        {
            return [];
        }

        var inDeployment = processes.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var wanted = calls.Select(c => c.Key).Where(k => !inDeployment.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        var deployed = await session.DeployedKeysAsync(wanted, cancellationToken);
        return [.. calls.Where(c => !inDeployment.Contains(c.Key) && !deployed.Contains(c.Key)).Select(c => DefinitionValidator.CallTargetMissing(c.Call, c.Key))];
    }

    /// <summary>
    /// The first occurrences of a new version's timer start events. They replace the previous version's (as in
    /// Camunda 7): the deployment deletes those jobs in its transaction.
    /// </summary>
    private List<JobRow> TimerStartJobs(DefinitionRow row, ProcessDefinition process, DateTimeOffset now)
    {
        var jobs = new List<JobRow>();
        foreach (var start in process.StartEvents.Select(id => (StartEvent)process.Nodes[id]).Where(s => s.Timer is not null))
        {
            var value = Expressions.Expression.Parse(start.Timer!.Value.Text).Evaluate(new EmptyContext(now, _engine.Calendar));
            var schedule = TimerSchedule.First(start.Timer, value, now, _engine.Calendar);
            jobs.Add(new JobRow
            {
                Id = Guid.CreateVersion7(now),
                InstanceId = null,
                DefinitionId = row.Id,
                Kind = nameof(JobKind.Timer),
                ActivityId = start.Id,
                DueAt = schedule.DueAt.UtcDateTime,
                Retries = _engine.Options.DefaultRetries,
                Cycle = schedule.Cycle,
                RepeatsLeft = schedule.RepeatsLeft,
            });
        }

        return jobs;
    }

    private sealed class EmptyContext(DateTimeOffset now, Calendars.WorkingCalendar calendar) : Expressions.IExpressionContext
    {
        public DateTimeOffset Now => now;
        public Calendars.WorkingCalendar Calendar => calendar;

        public bool TryGetVariable(string name, out System.Text.Json.Nodes.JsonNode? value)
        {
            value = null;
            return false;
        }
    }
}
