using Anju.Host.Features.Notifications;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Definitions.Tests.Support;

/// <summary>Reads and edits the Host's own tables (notifications, registry) the way an administrator's change would land.</summary>
public static class ProcedureData
{
    /// <summary>
    /// The in-app notifications an instance's steps sent (notify handler), oldest first; the Host's automatic
    /// "new task" notices (kind new-task) are left out.
    /// </summary>
    public static async Task<List<Notification>> NotificationsAsync(this ProcedureHost host, string instanceId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var id = Guid.Parse(instanceId);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.InstanceId == id && n.Kind != "new-task").ToListAsync();
        return [.. rows.OrderBy(n => n.CreatedAt).ThenBy(n => n.Username, StringComparer.Ordinal)];
    }

    /// <summary>Runs an edit on the Host's database and saves it.</summary>
    public static async Task EditHostDbAsync(this ProcedureHost host, Func<HostDbContext, Task> edit)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await edit(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A notification's time in Jiangyin (UTC+8).</summary>
    public static DateTimeOffset Local(this Notification notification) =>
        new DateTimeOffset(DateTime.SpecifyKind(notification.CreatedAt, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8));

    public static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
