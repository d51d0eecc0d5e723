using Anju.Host.Problems;
using Anju.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Anju.Host.Validation;
using Anju.Host.Requests;

namespace Anju.Host.Features.ExternalTasks;

/// <summary>
/// POST /api/external-tasks/fetch-and-lock: locks open tasks of the given topics for the worker. With
/// asyncResponseTimeoutMs (at most 60 s) and nothing to do, the request waits, polling every 250 ms, until a
/// task appears, the timeout ends (→ []) or the worker hangs up.
/// </summary>
public static class FetchAndLock
{
    private const long MaxWaitMs = 60_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public sealed record Topic(string? TopicName, long LockDurationMs);

    /// <summary>A locked task, with Camunda's member names so that existing workers' clients fit.</summary>
    public sealed record LockedTask(
        Guid Id, string TopicName, Guid ProcessInstanceId, string ActivityId, string DefinitionKey, string? BusinessKey,
        string? Jurisdiction, int? Retries, string? ErrorMessage, DateTimeOffset LockExpirationTime, System.Text.Json.Nodes.JsonObject Variables)
    {
        public static LockedTask From(LockedExternalTask t) =>
            new(t.Id, t.TopicName, t.ProcessInstanceId, t.ActivityId, t.DefinitionKey, t.BusinessKey, t.Jurisdiction, t.Retries, t.ErrorMessage, t.LockExpiresAt, t.Variables);
    }

    public sealed record Request(string? WorkerId, int MaxTasks, IReadOnlyList<Topic>? Topics, long? AsyncResponseTimeoutMs);

    public static async Task<Results<Ok<IReadOnlyList<LockedTask>>, ProblemHttpResult>> Handle(
        Request request, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var errors = Validate(context, request);
        if (errors.Any)
        {
            return errors.ToProblem(context);
        }

        var limits = RequestLimits.From(context);
        if (TextBounds.Check(context, [("workerId", request.WorkerId, limits.MaxNameLength), .. request.Topics!.Select((t, i) => ($"topics[{i}].topicName", t.TopicName, limits.MaxNameLength))]) is { } tooLong)
        {
            return tooLong;
        }

        var topics = request.Topics!.Select(t => new TopicRequest(t.TopicName!, t.LockDurationMs)).ToList();
        var deadline = engine.Time.GetUtcNow() + TimeSpan.FromMilliseconds(request.AsyncResponseTimeoutMs ?? 0);
        while (true)
        {
            var locked = await engine.FetchAndLockAsync(request.WorkerId!, request.MaxTasks, topics, cancellationToken);
            if (locked.Count > 0 || engine.Time.GetUtcNow() >= deadline)
            {
                return TypedResults.Ok<IReadOnlyList<LockedTask>>([.. locked.Select(LockedTask.From)]);
            }

            try
            {
                await Task.Delay(PollInterval, engine.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The worker hung up: nothing was locked for it, and nobody reads the answer.
                return TypedResults.Ok<IReadOnlyList<LockedTask>>([]);
            }
        }
    }

    private static FieldErrors Validate(HttpContext context, Request request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.WorkerId))
        {
            errors.Add("workerId", "field.required");
        }

        if (request.MaxTasks is < 1 or > 100)
        {
            errors.Add("maxTasks", "field.range", 1, 100);
        }

        if (request.Topics is null || request.Topics.Count == 0)
        {
            errors.Add("topics", "field.required");
        }
        else
        {
            for (var i = 0; i < request.Topics.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(request.Topics[i].TopicName))
                {
                    errors.Add($"topics[{i}].topicName", "field.required");
                }

                if (request.Topics[i].LockDurationMs < 1)
                {
                    errors.Add($"topics[{i}].lockDurationMs", "field.min", 1);
                }
            }
        }

        if (request.AsyncResponseTimeoutMs is < 0 or > MaxWaitMs)
        {
            errors.Add("asyncResponseTimeoutMs", "field.range", 0, MaxWaitMs);
        }

        return errors;
    }
}
