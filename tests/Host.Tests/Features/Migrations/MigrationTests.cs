using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Migrations;

/// <summary>
/// POST /api/migrations/check, POST /api/migrations and GET /api/migrations/{batchId}: administrators check a plan
/// with a preview, run a batch in the background, and read the result per instance; each instance moves all or
/// nothing and its journal records who migrated it and why.
/// </summary>
public abstract class MigrationTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string V1 = "Features/Migrations/MigrationTests.V1.bpmn";
    private const string V2 = "Features/Migrations/MigrationTests.V2.bpmn";

    private sealed record World(HttpClient Admin, string Key, string From, string To, Guid AtAccept, Guid AtReview);

    /// <summary>Version 1 with one instance at "accept" and one at "review", then version 2 (review is gone, check is new).</summary>
    private async Task<World> WorldAsync()
    {
        var suffix = ProcessApi.NewSuffix();
        var key = $"migrate-{suffix}";
        var admin = await host.ClientAsync("admin");
        await admin.DeployAsync(V1, suffix);
        var firm = await host.ClientAsync("firm.binjiang");
        var atAccept = (await firm.StartAsync(key, new { businessKey = "TS-1", variables = new { kind = "accept" } }))["id"]!.GetValue<Guid>();
        var atReview = (await firm.StartAsync(key, new { businessKey = "TS-2", variables = new { kind = "review" } }))["id"]!.GetValue<Guid>();
        await admin.DeployAsync(V2, suffix);
        return new World(admin, key, $"{key}:1", $"{key}:2", atAccept, atReview);
    }

    private static async Task<JsonObject> WaitForBatchAsync(HttpClient admin, string batchId)
    {
        for (var i = 0; i < 600; i++)
        {
            var batch = await (await admin.GetAsync($"/api/migrations/{batchId}")).Json();
            if (batch["status"]!.GetValue<string>() == "completed")
            {
                return batch;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Batch {batchId} did not complete.");
    }

    private async Task<JsonObject> InstanceAsync(HttpClient admin, Guid id) => await (await admin.GetAsync($"/api/instances/{id}")).Json();

    [Fact]
    public async Task The_check_maps_same_ids_names_unmapped_activities_and_previews_the_instances()
    {
        var w = await WorldAsync();

        var response = await w.Admin.PostAsJsonAsync("/api/migrations/check", new { sourceDefinitionId = w.From, targetDefinitionId = w.To });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await response.Json();
        var instructions = check["instructions"]!.AsArray().Select(i => (i!["sourceActivityId"]!.GetValue<string>(), i["targetActivityId"]!.GetValue<string>())).ToList();
        Assert.Contains(("accept", "accept"), instructions);
        Assert.DoesNotContain(instructions, i => i.Item1 == "review");
        var problem = Assert.Single(check["problems"]!.AsArray())!;
        Assert.Equal(("review", "unmapped"), (problem["activityId"]!.GetValue<string>(), problem["code"]!.GetValue<string>()));
        Assert.Contains("复核 (review)", problem["message"]!.GetValue<string>()); // named by name and id, in Chinese
        var instances = check["instances"]!.AsArray();
        Assert.Equal(2, instances.Count);
        Assert.Equal(["accept"], instances.Single(i => i!["id"]!.GetValue<Guid>() == w.AtAccept)!["activeActivities"].Strings());
        Assert.Contains(check["targetElements"]!.AsArray(), e => e!["id"]!.GetValue<string>() == "check" && e["name"]!.GetValue<string>() == "核查");

        // With review mapped to check by hand, the plan has no problem left.
        var mapped = await (await w.Admin.PostAsJsonAsync("/api/migrations/check", new
        {
            sourceDefinitionId = w.From,
            targetDefinitionId = w.To,
            instructions = new[] { new { sourceActivityId = "review", targetActivityId = "check" } },
        })).Json();
        Assert.Empty(mapped["problems"]!.AsArray());
    }

    [Fact]
    public async Task A_batch_migrates_each_instance_on_its_own_and_leaves_a_refused_one_untouched()
    {
        var w = await WorldAsync();
        var journalBefore = (await (await w.Admin.GetAsync($"/api/instances/{w.AtReview}/journal")).Json())["entries"]!.AsArray().Count;

        var response = await w.Admin.PostAsJsonAsync("/api/migrations", new
        {
            sourceDefinitionId = w.From,
            targetDefinitionId = w.To,
            instanceIds = new[] { w.AtAccept, w.AtReview },
            reason = "受理环节更名，增加回访",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batchId = (await response.Json())["batchId"]!.GetValue<string>();
        var batch = await WaitForBatchAsync(w.Admin, batchId);
        Assert.Equal((2, 2, 1, 1), (batch["total"]!.GetValue<int>(), batch["done"]!.GetValue<int>(), batch["succeeded"]!.GetValue<int>(), batch["failed"]!.GetValue<int>()));
        var results = batch["results"]!.AsArray();
        Assert.True(results.Single(r => r!["instanceId"]!.GetValue<Guid>() == w.AtAccept)!["ok"]!.GetValue<bool>());
        var refused = results.Single(r => r!["instanceId"]!.GetValue<Guid>() == w.AtReview)!;
        Assert.False(refused["ok"]!.GetValue<bool>());
        Assert.Equal("migrationRefused", refused["code"]!.GetValue<string>());
        Assert.Contains("复核 (review)", refused["message"]!.GetValue<string>());

        // The migrated one runs version 2: its task has the new name, and completing it leads to the new step.
        var migrated = await InstanceAsync(w.Admin, w.AtAccept);
        Assert.Equal(2, migrated["definitionVersion"]!.GetValue<int>());
        Assert.Equal("受理（新）", migrated["openTasks"]![0]!["name"]!.GetValue<string>());
        var journal = await (await w.Admin.GetAsync($"/api/instances/{w.AtAccept}/journal")).Json();
        var entry = journal["entries"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "InstanceMigrated")!;
        Assert.Equal("admin", entry["actor"]!.GetValue<string>());
        Assert.Equal("受理环节更名，增加回访", entry["details"]!["reason"]!.GetValue<string>());
        Assert.Equal((w.From, w.To), (entry["details"]!["from"]!.GetValue<string>(), entry["details"]!["to"]!.GetValue<string>()));
        Assert.True(journal["verification"]!["intact"]!.GetValue<bool>());

        // The refused one is as it was: version 1, its task, and no new journal entry.
        var untouched = await InstanceAsync(w.Admin, w.AtReview);
        Assert.Equal(1, untouched["definitionVersion"]!.GetValue<int>());
        Assert.Equal(["review"], untouched["activeActivityIds"].Strings());
        Assert.Equal(journalBefore, (await (await w.Admin.GetAsync($"/api/instances/{w.AtReview}/journal")).Json())["entries"]!.AsArray().Count);

        var community = await host.ClientAsync("community.huangshan");
        var tasks = await (await community.GetAsync($"/api/tasks?instanceId={w.AtAccept}")).Content.ReadAsStringAsync();
        Assert.Contains("受理（新）", tasks);
    }

    [Fact]
    public async Task Only_administrators_migrate_and_every_input_is_checked()
    {
        var w = await WorldAsync();
        var body = new { sourceDefinitionId = w.From, targetDefinitionId = w.To, instanceIds = new[] { w.AtAccept }, reason = "x" };
        var street = await host.ClientAsync("street.chengjiang");

        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/migrations/check", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/migrations", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.GetAsync($"/api/migrations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PostAsJsonAsync("/api/migrations", body)).StatusCode);

        var noReason = await w.Admin.PostAsJsonAsync("/api/migrations", new { sourceDefinitionId = w.From, targetDefinitionId = w.To, instanceIds = new[] { w.AtAccept } });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.Json())["errors"]!["reason"]);
        var noInstances = await w.Admin.PostAsJsonAsync("/api/migrations", new { sourceDefinitionId = w.From, targetDefinitionId = w.To, reason = "x" });
        Assert.NotNull((await noInstances.Json())["errors"]!["instanceIds"]);
        var longReason = await w.Admin.PostAsJsonAsync("/api/migrations", body with { reason = new string('理', 501) });
        Assert.NotNull((await longReason.Json())["errors"]!["reason"]);
        var tooMany = await w.Admin.PostAsJsonAsync("/api/migrations/check", new { sourceDefinitionId = w.From, targetDefinitionId = w.To, instanceIds = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()) });
        Assert.NotNull((await tooMany.Json())["errors"]!["instanceIds"]);
        var unknownVersion = await w.Admin.PostAsJsonAsync("/api/migrations/check", new { sourceDefinitionId = w.From, targetDefinitionId = w.Key + ":9" });
        Assert.Equal(HttpStatusCode.NotFound, unknownVersion.StatusCode);

        var badPlan = await w.Admin.PostAsJsonAsync("/api/migrations", new
        {
            sourceDefinitionId = w.From,
            targetDefinitionId = w.To,
            instanceIds = new[] { w.AtReview },
            reason = "x",
            instructions = new[] { new { sourceActivityId = "review", targetActivityId = "route" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badPlan.StatusCode);
        var problem = await badPlan.Json();
        Assert.Equal("migrationPlanInvalid", problem.Code());
        Assert.Equal("incompatibleActivity", problem["problems"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.GetAsync($"/api/migrations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(1, (await InstanceAsync(w.Admin, w.AtReview))["definitionVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_mapped_instance_carries_on_to_its_end_in_the_new_version()
    {
        var w = await WorldAsync();
        var response = await w.Admin.PostAsJsonAsync("/api/migrations", new
        {
            sourceDefinitionId = w.From,
            targetDefinitionId = w.To,
            instanceIds = new[] { w.AtReview },
            reason = "复核改为核查",
            instructions = new[] { new { sourceActivityId = "review", targetActivityId = "check" } },
        });
        var batch = await WaitForBatchAsync(w.Admin, (await response.Json())["batchId"]!.GetValue<string>());
        Assert.Equal(1, batch["succeeded"]!.GetValue<int>());

        var instance = await InstanceAsync(w.Admin, w.AtReview);
        Assert.Equal(["check"], instance["activeActivityIds"].Strings());
        var taskId = instance["openTasks"]![0]!["id"]!.GetValue<Guid>();
        var community = await host.ClientAsync("community.huangshan");
        var done = await community.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { } });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        Assert.Equal("completed", (await InstanceAsync(w.Admin, w.AtReview))["status"]!.GetValue<string>());
    }
}

public sealed class SqliteMigrationTests(SqliteHost host) : MigrationTests<SqliteHost>(host);

public sealed class PostgresMigrationTests(PostgresHost host) : MigrationTests<PostgresHost>(host);
