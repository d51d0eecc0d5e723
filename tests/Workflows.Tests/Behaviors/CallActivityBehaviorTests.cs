using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class CallActivityBehaviorTests
{
    [Fact]
    public async Task Maps_variables_in_and_out_and_passes_the_business_key()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "CallActivityBehaviorTests.Mappings.bpmn");
        var parent = await t.StartAsync("caller", new { compound = "cj-001", budget = 4000, caseNo = "P2-9", secret = "x" }, jurisdiction: "chengjiang");

        var child = (await t.RowsAsync<InstanceRow>()).Single(i => i.ParentInstanceId == parent.Id);
        var childView = await t.InstanceAsync(child.Id);
        Assert.Equal("P2-9", childView.BusinessKey);
        Assert.Equal("chengjiang", childView.Jurisdiction);
        Assert.Equal("cj-001", childView.Variables["compoundId"]!.GetValue<string>());
        Assert.Equal(8000, childView.Variables["limit"]!.GetValue<long>());
        Assert.False(childView.Variables.ContainsKey("secret"));

        await t.CompleteAsync(child.Id, "decide", new { verdict = "approved" });

        var after = await t.InstanceAsync(parent.Id);
        Assert.Equal(["after"], after.ActiveActivityIds);
        Assert.Equal("approved", after.Variables["result"]!.GetValue<string>());
        Assert.Equal("completed", (await t.InstanceAsync(child.Id)).Status);
    }

    [Fact]
    public async Task All_variables_go_in_and_come_back_out()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "CallActivityBehaviorTests.Mappings.bpmn");
        var parent = await t.StartAsync("caller-all", new { a = 1 });
        var child = (await t.RowsAsync<InstanceRow>()).Single(i => i.ParentInstanceId == parent.Id);
        Assert.Equal(1, (await t.InstanceAsync(child.Id)).Variables["a"]!.GetValue<int>());

        await t.CompleteAsync(child.Id, "decide", new { b = 2 });

        var done = await t.InstanceAsync(parent.Id);
        Assert.Equal("completed", done.Status);
        Assert.Equal(2, done.Variables["b"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_the_called_instance()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "CallActivityBehaviorTests.Mappings.bpmn");
        var parent = await t.StartAsync("caller-all", new { a = 1 });

        await t.Engine.CancelAsync(parent.Id, "重复立案", "admin");

        var child = (await t.RowsAsync<InstanceRow>()).Single(i => i.ParentInstanceId == parent.Id);
        Assert.Equal("terminated", child.Status);
        Assert.Empty(await t.TasksAsync(child.Id));
    }
}
