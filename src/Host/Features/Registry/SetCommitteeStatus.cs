using System.Text.Json;
using Anju.Host.Reference;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// <c>setCommitteeStatus</c>: the compound's registry record shows the committee the procedure established
/// (property <c>status</c>: <c>owners-committee</c> or <c>management-committee</c>, or <c>none</c>). Written in
/// the engine's transaction together with a <see cref="RegistryChange"/> row (before/after, changed by the
/// instance), so the registry's history says which procedure changed it. Sets <c>committeeStatus</c> and
/// <c>hasCommittee</c> as <c>lookupCompound</c> does.
/// </summary>
public sealed class SetCommitteeStatus : IServiceTaskHandler
{
    public const string Name = "setCommitteeStatus";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var status = context.RequiredText("status");
        if (!CommitteeStatuses.All.Contains(status))
        {
            throw new InvalidOperationException($"Service task '{context.ActivityId}': status '{status}' is not one of {string.Join(", ", CommitteeStatuses.All)}.");
        }

        await using var db = await context.HostDbAsync(cancellationToken);
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.Path == context.Jurisdiction, cancellationToken)
            ?? throw new BpmnErrorException("unknown-compound", $"'{context.Jurisdiction}' is not a registered compound.");
        var before = JsonSerializer.Serialize(new { committeeStatus = compound.CommitteeStatus });
        compound.CommitteeStatus = status;
        db.RegistryChanges.Add(new RegistryChange
        {
            Entity = "compound",
            Key = compound.Path,
            Before = before,
            After = JsonSerializer.Serialize(new { committeeStatus = status }),
            ChangedBy = $"process:{context.DefinitionKey}/{context.InstanceId}",
            ChangedAt = context.Now.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        context.SetVariable("committeeStatus", status);
        context.SetVariable("hasCommittee", status != CommitteeStatuses.None);
    }
}
