using System.Text.Json.Nodes;
using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>registerComplaint</c>: who the complaint is for and how it came in. An owner filing on the portal is the
/// complainant himself (<c>initiator</c>); staff entering a 12345 hotline case name an owner with an account in
/// <c>owner</c>, or describe a caller without an account in <c>callerName</c> / <c>callerPhone</c> / <c>callerChannel</c>
/// (<c>12345</c>, <c>phone</c>, <c>visit</c>; <c>12345</c> when not given). Sets <c>complainant</c> (the username the
/// owner's review task is assigned to; empty for a caller without an account, whose satisfaction the community records
/// after a call-back), <c>callerHasAccount</c>, <c>channel</c> (<c>portal</c> / <c>hotline</c> for an owner named by
/// staff / the caller's channel), <c>filedBy</c> (the staff member for a case filed for someone), <c>urgent</c> (false
/// unless given at filing) and <c>category</c> (<c>other</c> unless given: an outside system or a hotline case may file
/// without one, and the community confirms it at acceptance). Then, like <c>setVariables</c>, every extension property
/// becomes a variable (timestamps, counters).
/// </summary>
public sealed class RegisterComplaint(SetVariables setVariables) : IServiceTaskHandler
{
    public const string Name = "registerComplaint";

    /// <summary>How a caller without an account reached the city (the start form's enum); the first is the default.</summary>
    public static readonly IReadOnlyList<string> CallerChannels = ["12345", "phone", "visit"];

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var initiator = context.VariableText("initiator");
        var owner = context.VariableText("owner")?.Trim();
        var callerName = context.VariableText("callerName")?.Trim();
        var callerPhone = context.VariableText("callerPhone")?.Trim();
        if (callerName is { Length: > 0 } || callerPhone is { Length: > 0 })
        {
            if (owner is { Length: > 0 })
            {
                throw new BpmnErrorException("caller-and-owner", "Name either an owner with an account ('owner') or a caller without one ('callerName'), not both.");
            }

            var channel = context.VariableText("callerChannel") is { Length: > 0 } given ? given : CallerChannels[0];
            if (!CallerChannels.Contains(channel, StringComparer.Ordinal))
            {
                throw new BpmnErrorException("unknown-caller-channel", $"'{channel}' is not one of {string.Join(", ", CallerChannels)}.");
            }

            context.SetVariable("complainant", JsonValue.Create(""));
            context.SetVariable("callerHasAccount", JsonValue.Create(false));
            context.SetVariable("channel", JsonValue.Create(channel));
            context.SetVariable("callerChannel", JsonValue.Create(channel));
            context.SetVariable("filedBy", JsonValue.Create(initiator));
        }
        else
        {
            var forOwner = owner is { Length: > 0 } && !string.Equals(owner, initiator, StringComparison.Ordinal);
            var complainant = forOwner ? owner : initiator;
            if (complainant is not { Length: > 0 })
            {
                throw new BpmnErrorException("no-complainant", "Neither the variable 'owner' nor the initiator names the complainant.");
            }

            context.SetVariable("complainant", JsonValue.Create(complainant));
            context.SetVariable("callerHasAccount", JsonValue.Create(true));
            context.SetVariable("channel", JsonValue.Create(forOwner ? "hotline" : "portal"));
            if (forOwner)
            {
                context.SetVariable("filedBy", JsonValue.Create(initiator));
            }
        }

        if (context.GetVariable("urgent") is null)
        {
            context.SetVariable("urgent", JsonValue.Create(false));
        }

        if (context.VariableText("category") is not { Length: > 0 })
        {
            // Without it the acceptance form's default (${category}) would stop the instance with an incident.
            context.SetVariable("category", JsonValue.Create("other"));
        }

        await setVariables.ExecuteAsync(context, cancellationToken);
    }
}
