using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Voting;
using Anju.Host.Features.Notifications;
using Anju.Host.Notices;
using Anju.Host.Persistence;
using Anju.Host.Procedures;
using Anju.Host.Tests.Features.Voting;
using Anju.Host.Tests.Procedures;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Notifications;

/// <summary>
/// Owners are told what concerns their compound: a ballot opened (with its closing time in Beijing time) and its
/// result, a notice (公示) posted at or above their compound. Only the compound's owners, once each, even when the
/// step is retried or two closers race.
/// </summary>
public abstract class OwnerNotificationsTests<THost>(THost host) : IClassFixture<THost>
    where THost : ProcedureTestHost
{
    private const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";
    private const string Huangshan = "jiangyin/chengjiang/huangshan";
    private static readonly string[] BinjiangOwners = ["owner.li", "owner.wang", "owner.zhang", "owner.liu", "owner.chen", "owner.yang", "owner.zhao"];

    private async Task<List<JsonObject>> MineAsync(string username, string instanceId, string kind)
    {
        var page = (await (await host.ClientAsync(username)).GetFromJsonAsync<JsonObject>("/api/notifications?pageSize=100"))!;
        return [.. page["items"]!.AsArray().Select(n => n!.AsObject())
            .Where(n => n["instanceId"]?.GetValue<string>() == instanceId && n["kind"]!.GetValue<string>() == kind)];
    }

    private async Task<string> StartNoticeAsync(string handler, string starter, string jurisdiction, string caseNo)
    {
        var suffix = ProcessApi.NewSuffix();
        var admin = await host.ClientAsync("admin");
        var xml = ProcessApi.Fixture("Features/Notifications/OwnerNotificationsTests.Notice.bpmn", suffix).Replace("HANDLER", handler, StringComparison.Ordinal);
        var deployed = await admin.PostXmlAsync("/api/deployments", xml);
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        var started = await (await host.ClientAsync(starter)).StartAsync($"notice-{suffix}", new { jurisdiction, variables = new { caseNo } });
        return started["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_owners_of_the_compound_are_told_once_when_a_ballot_opens_and_once_when_its_result_is_published()
    {
        var admin = await host.ClientAsync("admin");
        var instance = await admin.StartVoteAsync(Binjiang, VotingApi.OneQuestion());
        var instanceId = instance["id"]!.GetValue<string>();
        var ballotId = instance.BallotId();
        var ballot = (await (await host.ClientAsync("owner.li")).GetFromJsonAsync<JsonObject>($"/api/ballots/{ballotId}"))!;
        var closesAt = ballot["closesAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8));

        foreach (var owner in BinjiangOwners)
        {
            var opened = Assert.Single(await MineAsync(owner, instanceId, "ballot"));
            Assert.Equal("业主投票已开始：选聘新物业服务企业", opened["title"]!.GetValue<string>());
            Assert.Contains($"{closesAt:yyyy年M月d日 HH:mm} 前投票", opened["body"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(ballotId, opened["ballotId"]!.GetValue<string>());
            Assert.Null(opened["readAt"]);
        }

        // Owners of another compound, and the firm and the committee of this one, are not electors.
        foreach (var other in new[] { "owner.sun", "firm.binjiang", "committee.binjiang", "community.huangshan" })
        {
            Assert.Empty(await MineAsync(other, instanceId, "ballot"));
        }

        // Two closers race; exactly one closes, and the result is announced once per owner.
        var closer = host.Services.GetRequiredService<BallotCloser>();
        var at = closesAt.AddSeconds(1);
        var closed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => closer.CloseAsync(Guid.Parse(ballotId), BallotCloser.BecauseDeadline, at))));
        Assert.Single(closed, c => c);

        foreach (var owner in BinjiangOwners)
        {
            var result = Assert.Single(await MineAsync(owner, instanceId, "ballot-result"));
            Assert.Equal("投票结果已公布：选聘新物业服务企业", result["title"]!.GetValue<string>());
            Assert.Equal("参与投票的业主未达到法定人数，表决未通过。", result["body"]!.GetValue<string>());
            Assert.Equal(ballotId, result["ballotId"]!.GetValue<string>());
        }

        Assert.Empty(await MineAsync("owner.sun", instanceId, "ballot-result"));
    }

    [Fact]
    public async Task A_notice_is_announced_to_the_compounds_owners_once_though_the_step_that_posted_it_was_retried()
    {
        var instanceId = await StartNoticeAsync(PostNoticeThenFailOnce.Name, "community.huangshan", Binjiang, "GS-RETRY");

        // The first attempt posted and told, then failed: all of it rolled back. The retry job runs in the background.
        var admin = await host.ClientAsync("admin");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject view;
        do
        {
            await Task.Delay(200);
            view = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        }
        while (!view["activeActivityIds"].Strings().SequenceEqual(["wait"]) && DateTime.UtcNow < deadline);

        Assert.Equal(["wait"], view["activeActivityIds"].Strings());
        foreach (var owner in BinjiangOwners)
        {
            var told = Assert.Single(await MineAsync(owner, instanceId, "notice"));
            Assert.Equal("公示：维修方案公示 GS-RETRY", told["title"]!.GetValue<string>());
            Assert.Matches(@"^公示至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}。公示期内可提出异议$", told["body"]!.GetValue<string>());
        }

        foreach (var other in new[] { "owner.sun", "firm.binjiang", "community.huangshan" })
        {
            Assert.Empty(await MineAsync(other, instanceId, "notice"));
        }
    }

    [Fact]
    public async Task A_notice_posted_at_a_community_reaches_the_owners_of_its_compounds_and_no_others()
    {
        var instanceId = await StartNoticeAsync(PostPublicNotice.Name, "community.huangshan", Huangshan, "GS-COMMUNITY");

        Assert.Single(await MineAsync("owner.li", instanceId, "notice"));
        Assert.Single(await MineAsync("owner.zhao", instanceId, "notice"));
        Assert.Empty(await MineAsync("owner.sun", instanceId, "notice"));
        Assert.Empty(await MineAsync("owner.he", instanceId, "notice"));
    }

    [Fact]
    public async Task A_compound_with_more_owner_accounts_than_a_batch_gets_one_notice_per_account()
    {
        // 定山雅苑 has no owner accounts in the demo data: give it more than two batches of them, written directly.
        const string Yayuan = "jiangyin/yunting/dingshan/dingshan-yayuan";
        var count = (2 * OwnerNotifications.BatchSize) + 17;
        var prefix = "bulk" + ProcessApi.NewSuffix()[..6] + ".";
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var ownerRole = await db.Roles.Where(r => r.Name == "owner").Select(r => r.Id).SingleAsync();
            for (var i = 0; i < count; i++)
            {
                var user = new AnjuUser { UserName = $"{prefix}{i:D4}", NormalizedUserName = $"{prefix}{i:D4}".ToUpperInvariant(), DisplayName = $"业主{i}" };
                user.Jurisdictions.Add(new UserJurisdiction { UserId = user.Id, Path = Yayuan });
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = ownerRole });
            }

            await db.SaveChangesAsync();
        }

        var instanceId = Guid.Parse(await StartNoticeAsync(PostPublicNotice.Name, "admin", Yayuan, "GS-BULK"));

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var told = await db.Notifications.AsNoTracking()
                .Where(n => n.InstanceId == instanceId && n.Kind == OwnerNotifications.NoticePosted).Select(n => n.Username).ToListAsync();
            Assert.Equal(count, told.Count);
            Assert.Equal(count, told.Distinct(StringComparer.Ordinal).Count());
            Assert.All(told, username => Assert.StartsWith(prefix, username, StringComparison.Ordinal));
        }
    }
}

public sealed class SqliteOwnerNotificationsTests(SqliteProcedureHost host) : OwnerNotificationsTests<SqliteProcedureHost>(host);

public sealed class PostgresOwnerNotificationsTests(PostgresProcedureHost host) : OwnerNotificationsTests<PostgresProcedureHost>(host);
