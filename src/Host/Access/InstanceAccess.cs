using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Access;

/// <summary>
/// Who sees which instance: administrators all; everyone else the instances at or below their jurisdictions
/// (a street office its street, a firm or owner their compound). An instance out of reach answers 404, so
/// that its existence is not revealed.
/// </summary>
public static class InstanceAccess
{
    public static IQueryable<InstanceRow> VisibleTo(this IQueryable<InstanceRow> instances, CurrentUser user)
    {
        if (user.IsAdmin)
        {
            return instances;
        }

        var reachable = instances.Within(i => i.Jurisdiction, user.Jurisdictions);
        if (IsOwnerOnly(user))
        {
            // An owner's complaint or vote is nobody else's business: owners see the cases they started.
            var me = user.Username;
            return reachable.Where(i => i.StartedBy == me);
        }

        return reachable;
    }

    /// <summary>An owner with no official or firm role in addition.</summary>
    public static bool IsOwnerOnly(CurrentUser user) => user.HasRole(Roles.Owner) && user.Roles.All(r => r == Roles.Owner);

    /// <summary>Whether the instance exists and the user may see it.</summary>
    public static async Task<bool> CanSeeAsync(WorkflowStorage storage, CurrentUser user, Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = storage.CreateContext();
        return await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).VisibleTo(user).AnyAsync(cancellationToken);
    }
}
