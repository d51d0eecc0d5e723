using System.Text.Json.Nodes;
using Anju.Workflows.Model;

namespace Anju.Workflows.Execution;

internal sealed partial class InstanceRunner
{
    public void RetryIncident(IncidentState incident, string? reason = null)
    {
        State.Incidents.Remove(incident);
        var details = new JsonObject { ["type"] = incident.Type, ["message"] = incident.Message };
        if (reason is not null)
        {
            details["reason"] = reason;
        }

        Journal("IncidentRetried", incident.ActivityId, details);
        var token = incident.TokenId is { } id ? State.FindToken(id) : null;
        if (token is null)
        {
            return;
        }

        var external = State.ExternalTasks.Find(e => e.TokenId == token.Id);
        if (external is not null)
        {
            external.Retries = 1;
            external.LockExpiresAt = null;
            return;
        }

        // Run the element again from scratch: withdraw what its first run attached (boundary events).
        State.Subscriptions.RemoveAll(s => s.TokenId == token.Id);
        State.Jobs.RemoveAll(j => j.TokenId == token.Id);
        if (Process.Node(token.NodeId) is Activity)
        {
            token.AsyncBeforeDone = true;
        }

        Schedule(token);
    }
}
