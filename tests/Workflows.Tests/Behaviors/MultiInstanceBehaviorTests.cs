using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class MultiInstanceBehaviorTests
{
    private static async Task<(TestEngine Engine, InstanceView Started)> StartAsync(object variables)
    {
        var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "MultiInstanceBehaviorTests.Signatures.bpmn");
        return (t, await t.StartAsync("signatures", variables));
    }

    [Fact]
    public async Task Countersigning_会签_waits_for_every_signer()
    {
        var (t, started) = await StartAsync(new { signers = new[] { "zhang", "li", "wang" }, deputies = new[] { "zhao" }, rounds = 1 });
        await using var _ = t;
        var tasks = await t.TasksAsync(started.Id);
        Assert.Equal(["li", "wang", "zhang"], tasks.Select(x => x.Assignee).Order(StringComparer.Ordinal));

        await t.Engine.CompleteTaskAsync(tasks[0].Id, null, "a");
        await t.Engine.CompleteTaskAsync(tasks[1].Id, null, "b");
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "countersign");

        await t.Engine.CompleteTaskAsync(tasks[2].Id, null, "c");
        Assert.Equal(["anySign"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId).Distinct());
    }

    [Fact]
    public async Task Any_one_signature_或签_completes_and_withdraws_the_others()
    {
        var (t, started) = await StartAsync(new { signers = new[] { "zhang" }, deputies = new[] { "zhao", "qian", "sun" }, rounds = 1 });
        await using var _ = t;
        await t.CompleteAsync(started.Id, "countersign");
        var deputies = await t.TasksAsync(started.Id);
        Assert.Equal(3, deputies.Count);

        await t.Engine.CompleteTaskAsync(deputies.Single(x => x.Assignee == "qian").Id, null, "qian");

        Assert.Equal(["inTurn"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        var instance = await t.InstanceAsync(started.Id);
        Assert.DoesNotContain(instance.Variables, v => v.Key.StartsWith("nrOf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sequential_loop_runs_its_iterations_one_after_another()
    {
        var (t, started) = await StartAsync(new { signers = new[] { "zhang" }, deputies = new[] { "zhao" }, rounds = 3 });
        await using var _ = t;
        await t.CompleteAsync(started.Id, "countersign");
        await t.CompleteAsync(started.Id, "anySign");

        for (var i = 0; i < 3; i++)
        {
            Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "inTurn");
            await t.CompleteAsync(started.Id, "inTurn");
        }

        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task An_empty_collection_skips_the_activity()
    {
        var (t, started) = await StartAsync(new { signers = Array.Empty<string>(), deputies = new[] { "zhao" }, rounds = 0 });
        await using var _ = t;

        Assert.Equal(["anySign"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        await t.CompleteAsync(started.Id, "anySign");
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }
}
