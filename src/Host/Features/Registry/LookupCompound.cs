using Anju.Host.Reference;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Registry;

/// <summary>
/// <c>lookupCompound</c>: copies the registry record of the instance's compound into variables, so gateways can
/// ask whether it has a committee (emergency repair, committee formation) and messages can name the firm.
/// </summary>
public sealed class LookupCompound : IServiceTaskHandler
{
    public const string Name = "lookupCompound";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        await using var db = await context.HostDbAsync(cancellationToken);
        var compound = await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.Path == context.Jurisdiction, cancellationToken)
            ?? throw new BpmnErrorException("unknown-compound", $"'{context.Jurisdiction}' is not a registered compound.");
        context.SetVariable("compoundName", compound.Name);
        context.SetVariable("communityPath", compound.CommunityPath);
        context.SetVariable("streetPath", compound.StreetPath);
        context.SetVariable("propertyFirm", compound.PropertyFirm);
        context.SetVariable("projectManager", compound.ProjectManager);
        context.SetVariable("committeeStatus", compound.CommitteeStatus);
        context.SetVariable("hasCommittee", compound.CommitteeStatus != CommitteeStatuses.None);
        context.SetVariable("floorArea", compound.FloorArea);
        context.SetVariable("units", compound.Units);
        context.SetVariable("deliveredShare", compound.DeliveredShare);
        context.SetVariable("yearsSinceFirstDelivery", compound.FirstDeliveredOn is { } first
            ? YearsBetween(first, DateOnly.FromDateTime(context.Now.UtcDateTime))
            : 0);
    }

    private static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}
