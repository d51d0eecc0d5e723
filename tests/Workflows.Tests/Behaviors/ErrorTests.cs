using Anju.Workflows.Tests.Support;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class ErrorTests
{
    [Fact]
    public async Task An_error_end_event_in_a_subprocess_is_caught_by_its_boundary_event()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ErrorTests.SubProcessError.bpmn");
        var started = await t.StartAsync("sub-error");
        Assert.Equal(["confirm", "sub"], started.ActiveActivityIds.Order(StringComparer.Ordinal));

        await t.CompleteAsync(started.Id, "confirm", new { emergency = false });

        var instance = await t.InstanceAsync(started.Id);
        Assert.Equal(["normalProcedure"], instance.ActiveActivityIds);
        Assert.Contains("caught", instance.CompletedActivityIds);
        Assert.Equal("NOT_EMERGENCY", instance.Variables["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subprocess_that_ends_normally_continues_on_its_outgoing_flow()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ErrorTests.SubProcessError.bpmn");
        var started = await t.StartAsync("sub-error");

        await t.CompleteAsync(started.Id, "confirm", new { emergency = true });

        Assert.Equal(["approve"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_bpmn_error_from_one_iteration_cancels_the_whole_multi_instance_body()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ErrorTests.MultiInstanceBodyError.bpmn");
        var started = await t.StartAsync("mi-error", new { departments = new[] { "城管局", "公安局", "消防救援大队" } });
        var locked = await t.Engine.FetchAndLockAsync("w1", 10, [new TopicRequest("department-review", 60_000)]);
        Assert.Equal(3, locked.Count);
        Assert.Equal(new[] { "城管局", "公安局", "消防救援大队" }.Order(StringComparer.Ordinal), locked.Select(l => l.Variables["department"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        await t.Engine.CompleteExternalTaskAsync(locked[0].Id, "w1", null);
        await t.Engine.BpmnErrorExternalTaskAsync(locked[1].Id, "w1", "VETO", "公安局不同意", null);

        var instance = await t.InstanceAsync(started.Id);
        Assert.Equal(["vetoed"], instance.ActiveActivityIds);
        Assert.Equal(0, (await t.RowsAsync<ExternalTaskRow>()).Count(e => e.InstanceId == started.Id));
        await Assert.ThrowsAsync<Execution.WorkflowException>(() => t.Engine.CompleteExternalTaskAsync(locked[2].Id, "w1", null));
    }
}
