using System.Text.Json.Nodes;
using Anju.Workflows.Handlers;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>registerComplaint</c>: who the complaint is for and how it came in. An owner filing on the portal is the
/// complainant himself (<c>initiator</c>); staff entering a 12345 hotline case name the owner in <c>owner</c>.
/// Sets <c>complainant</c> (the username the review task is assigned to), <c>channel</c> (<c>portal</c> /
/// <c>hotline</c>), <c>urgent</c> (false unless given at filing) and <c>category</c> (<c>other</c> unless given: an
/// outside system or a hotline case may file without one, and the community confirms it at acceptance). Then, like <c>setVariables</c>, every
/// extension property becomes a variable (timestamps, counters).
/// </summary>
public sealed class RegisterComplaint(SetVariables setVariables) : IServiceTaskHandler
{
    public const string Name = "registerComplaint";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var initiator = context.VariableText("initiator");
        var owner = context.VariableText("owner");
        var forOwner = owner is { Length: > 0 } && !string.Equals(owner, initiator, StringComparison.Ordinal);
        var complainant = forOwner ? owner : initiator;
        if (complainant is not { Length: > 0 })
        {
            throw new BpmnErrorException("no-complainant", "Neither the variable 'owner' nor the initiator names the complainant.");
        }

        context.SetVariable("complainant", JsonValue.Create(complainant));
        context.SetVariable("channel", JsonValue.Create(forOwner ? "hotline" : "portal"));
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
