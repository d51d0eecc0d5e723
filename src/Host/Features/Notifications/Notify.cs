using Anju.Host.Notices;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;

namespace Anju.Host.Features.Notifications;

/// <summary>
/// <c>notify</c>: puts a message in the in-app list of the users named in <c>to</c>, or of every holder of the
/// group <c>toGroup</c> whose jurisdiction covers the instance's: reminders (催办), escalations (督办), results
/// to the reporter. Stored in the engine's transaction, so a retried step does not notify twice.
/// </summary>
public sealed class Notify : IServiceTaskHandler
{
    public const string Name = "notify";

    public static readonly IReadOnlyList<string> Kinds = ["new-task", "reminder", "escalation", "result", "info"];

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var kind = context.Text("kind") ?? "info";
        if (!Kinds.Contains(kind))
        {
            throw new InvalidOperationException($"Service task '{context.ActivityId}': kind '{kind}' is not one of {string.Join(", ", Kinds)}.");
        }

        await using var db = await context.HostDbAsync(cancellationToken);
        var recipients = new SortedSet<string>(HandlerValues.List(context.GetProperty("to")), StringComparer.Ordinal);
        foreach (var group in HandlerValues.List(context.GetProperty("toGroup")))
        {
            recipients.UnionWith(await Recipients.OfGroupAsync(db, group, context.Jurisdiction, cancellationToken));
        }

        var title = context.RequiredText("title");
        var body = context.Text("body");
        var now = context.Now.UtcDateTime;
        db.Notifications.AddRange(recipients.Select(username => new Notification
        {
            Id = Guid.CreateVersion7(context.Now),
            Username = username,
            Kind = kind,
            Title = title,
            Body = body,
            InstanceId = context.InstanceId,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        context.SetVariable("lastNotified", new System.Text.Json.Nodes.JsonArray([.. recipients.Select(r => (System.Text.Json.Nodes.JsonNode)r)]));
    }
}
