using System.Text.Json.Nodes;
using Anju.Definitions.Tests.Support;
using Anju.Host.Features.Notifications;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Definitions.Tests;

/// <summary>
/// What the procedures leave in the Host's tables (notifications, public notices), read through the Host's
/// DbContext until the API lists them; and small helpers the complaint and rectification scenarios share.
/// </summary>
public static class ProcedureRecords
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>A moment in Jiangyin time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Cst);

    public static async Task<List<Notification>> NotificationsAsync(this ProcedureHost host, string instanceId, string? username = null, string? kind = null)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var id = Guid.Parse(instanceId);
        var query = db.Notifications.AsNoTracking().Where(n => n.InstanceId == id);
        if (username is not null)
        {
            query = query.Where(n => n.Username == username);
        }

        if (kind is not null)
        {
            query = query.Where(n => n.Kind == kind);
        }

        return [.. (await query.ToListAsync()).OrderBy(n => n.CreatedAt)];
    }

    public static async Task<List<PublicNotice>> NoticesAsync(this ProcedureHost host, string instanceId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var id = Guid.Parse(instanceId);
        return [.. (await db.Set<PublicNotice>().AsNoTracking().Where(n => n.InstanceId == id).ToListAsync()).OrderBy(n => n.PostedAt)];
    }

    /// <summary>Asserts exactly one notification of a kind for a user, created at the given moment (to the second).</summary>
    public static async Task<Notification> SingleNotificationAsync(this ProcedureHost host, string instanceId, string username, string kind, DateTimeOffset at)
    {
        var found = await host.NotificationsAsync(instanceId, username, kind);
        var notification = Assert.Single(found);
        Assert.Equal(at.UtcDateTime, DateTime.SpecifyKind(notification.CreatedAt, DateTimeKind.Utc), TimeSpan.FromSeconds(1));
        return notification;
    }

    public static string Id(this JsonObject json) => json["id"]!.GetValue<string>();

    public static async Task<JsonObject> VariablesAsync(this HttpClient client, string instanceId) =>
        (await client.InstanceAsync(instanceId))["variables"]!.AsObject();

    public static async Task<string> StatusAsync(this HttpClient client, string instanceId) =>
        (await client.InstanceAsync(instanceId))["status"]!.GetValue<string>();

    public static DateTimeOffset DueAt(this JsonObject task) => DateTimeOffset.Parse(task["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Date(this JsonObject variables, string name) =>
        DateTimeOffset.Parse(variables[name]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asserts the journal's hash chain is intact and that it recorded the given activities; returns the entries.</summary>
    public static async Task<List<JsonObject>> IntactJournalAsync(this HttpClient client, string instanceId, params string[] activities)
    {
        var body = await client.GetAsync($"/api/instances/{instanceId}/journal").Expect(System.Net.HttpStatusCode.OK);
        var verification = body["verification"]!.AsObject();
        Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
        var entries = body["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var recorded = entries.Select(e => e["activityId"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.All(activities, a => Assert.Contains(a, recorded));
        return entries;
    }
}
