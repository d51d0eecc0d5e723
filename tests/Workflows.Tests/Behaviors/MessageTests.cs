using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class MessageTests
{
    [Fact]
    public async Task A_receive_task_waits_for_its_message_by_business_key()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "MessageTests.Waits.bpmn");
        var one = await t.StartAsync("messages", businessKey: "R-1");
        var two = await t.StartAsync("messages", businessKey: "R-2");

        var ids = await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "payment-received", BusinessKey = "R-2", Variables = TestEngine.Vars(new { paid = 1200 }) });

        Assert.Equal([two.Id], ids);
        Assert.Equal(["wait"], (await t.InstanceAsync(one.Id)).ActiveActivityIds);
        var resumed = await t.InstanceAsync(two.Id);
        Assert.Equal(["check"], resumed.ActiveActivityIds);
        Assert.Equal(1200, resumed.Variables["paid"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_message_boundary_event_interrupts_the_task()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "MessageTests.Waits.bpmn");
        var started = await t.StartAsync("messages", businessKey: "R-3");
        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "payment-received", InstanceId = started.Id });

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "R-3" });

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Contains("endWithdrawn", done.CompletedActivityIds);
        Assert.Empty(await t.TasksAsync(started.Id));
    }

    [Fact]
    public async Task A_message_start_event_starts_a_new_instance()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "MessageTests.Waits.bpmn");

        var ids = await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "hotline-case", BusinessKey = "12345-001", Jurisdiction = "nanzha" });

        var id = Assert.Single(ids);
        var instance = await t.InstanceAsync(id);
        Assert.Equal("hotline", instance.DefinitionKey);
        Assert.Equal("nanzha", instance.Jurisdiction);
        Assert.Equal(["register"], instance.ActiveActivityIds);
    }

    [Fact]
    public async Task A_message_nobody_waits_for_is_not_found()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "MessageTests.Waits.bpmn");

        var error = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "nobody" }));

        Assert.Equal(WorkflowErrorKind.NotFound, error.Kind);
    }
}
