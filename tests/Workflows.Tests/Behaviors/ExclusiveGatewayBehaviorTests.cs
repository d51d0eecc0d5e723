using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class ExclusiveGatewayBehaviorTests
{
    [Theory]
    [InlineData(8000, "big")]
    [InlineData(5000, "small")]
    [InlineData(0, "other")]
    public async Task Takes_the_first_flow_whose_condition_holds_else_the_default(int amount, string expected)
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ExclusiveGatewayBehaviorTests.Routing.bpmn");

        var started = await t.StartAsync("routing", new { amount });

        Assert.Equal([expected], started.ActiveActivityIds);
    }

    [Fact]
    public async Task No_matching_condition_and_no_default_raises_an_incident()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ExclusiveGatewayBehaviorTests.NoDefault.bpmn");

        var started = await t.StartAsync("no-default", new { approved = "maybe" });

        Assert.Equal("incident", started.Status);
        var incident = Assert.Single(started.Incidents);
        Assert.Equal("gw", incident.ActivityId);
    }

    [Fact]
    public async Task Fixing_the_variable_and_retrying_the_incident_continues()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", "ExclusiveGatewayBehaviorTests.NoDefault.bpmn");
        var started = await t.StartAsync("no-default", new { approved = "maybe" });

        await t.Engine.SetVariablesAsync(started.Id, TestEngine.Vars(new { approved = false })!, "admin");
        await t.Engine.RetryIncidentAsync(started.Incidents[0].Id, "admin");

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Contains("rejected", done.CompletedActivityIds);
    }
}
