using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Model;

namespace Anju.Workflows;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Delivers a message: to waiting catch events, receive tasks and boundary events with that name (one
    /// per instance, narrowed by business key or instance id); when none waits, to message start events of
    /// the latest versions, which start new instances. Nothing matched → NotFound.
    /// </summary>
    public Task<IReadOnlyList<Guid>> CorrelateMessageAsync(CorrelateMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageName.StartsWith(SignalKeys.Prefix, StringComparison.Ordinal))
        {
            throw new WorkflowException(WorkflowErrorKind.InvalidArgument, $"A message name may not begin with '{SignalKeys.Prefix}'; signals are broadcast, not correlated.");
        }

        return RunAsync<List<Guid>, IReadOnlyList<Guid>>(message.Actor, async (context, ct) =>
        {
            var matches = await context.Session.FindMessageWaitsAsync(message.MessageName, message.InstanceId, message.BusinessKey, 1000, ct);
            var resumed = new List<Guid>();
            foreach (var group in matches.GroupBy(m => m.InstanceId))
            {
                var runner = await context.GetAsync(group.Key, ct);
                var subscription = runner.State.Subscriptions.Find(s => s.Id == group.First().SubscriptionId);
                if (subscription is null)
                {
                    continue;
                }

                runner.DeliverMessage(subscription, message.Variables);
                await runner.RunAsync(ct);
                resumed.Add(group.Key);
            }

            if (resumed.Count > 0 || message.InstanceId is not null)
            {
                return resumed.Count > 0 ? resumed : throw WorkflowException.NotFound($"Instance {message.InstanceId} does not wait for message '{message.MessageName}'.");
            }

            return await StartByMessageAsync(context, message, ct);
        }, ids => ids, cancellationToken);
    }

    private async ValueTask<List<Guid>> StartByMessageAsync(CommandContext context, CorrelateMessage message, CancellationToken cancellationToken)
    {
        var latestIds = await context.Session.LatestDefinitionIdsAsync(cancellationToken);
        var started = new List<Guid>();
        foreach (var id in latestIds)
        {
            var definition = await Definitions.GetAsync(context.Session, id, cancellationToken);
            var start = definition.Process.StartEvents
                .Select(s => (StartEvent)definition.Process.Nodes[s])
                .FirstOrDefault(s => s.Trigger == EventTrigger.Message && s.MessageName == message.MessageName);
            if (start is null)
            {
                continue;
            }

            var runner = CreateInstance(context, definition, context.NewId(), message.BusinessKey, message.Jurisdiction, message.Variables, start.Id);
            await runner.RunAsync(cancellationToken);
            started.Add(runner.State.Id);
        }

        return started.Count > 0
            ? started
            : throw WorkflowException.NotFound($"Nothing waits for message '{message.MessageName}'{(message.BusinessKey is null ? "" : $" with business key '{message.BusinessKey}'")}, and no process starts with it.");
    }
}

/// <summary>Deliver a message by name, optionally to one business key or instance.</summary>
public sealed record CorrelateMessage
{
    public required string MessageName { get; init; }
    public string? BusinessKey { get; init; }
    public Guid? InstanceId { get; init; }

    /// <summary>Jurisdiction of an instance a message start event creates.</summary>
    public string? Jurisdiction { get; init; }

    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }
    public string? Actor { get; init; }
}
