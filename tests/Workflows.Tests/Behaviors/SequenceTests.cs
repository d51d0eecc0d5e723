using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

public sealed class SequenceTests
{
    private const string Fixture = "SequenceTests.TwoUserTasks.bpmn";

    [Fact]
    public async Task Runs_start_to_end_through_two_user_tasks()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", Fixture);

        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" }, businessKey: "TS-1", jurisdiction: "chengjiang");
        Assert.Equal("active", started.Status);
        Assert.Equal(["review"], started.ActiveActivityIds);

        await t.CompleteAsync(started.Id, "review", new { opinion = "同意" });
        var approve = await t.TaskAsync(started.Id, "approve");
        Assert.Equal("wang", approve.Assignee);
        Assert.Equal("street-office,housing-bureau", approve.CandidateGroups);
        Assert.Equal(80, approve.Priority);
        Assert.Equal("chengjiang", approve.Jurisdiction);

        await t.CompleteAsync(started.Id, "approve");
        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("completed", done.Status);
        Assert.Empty(await t.TasksAsync(started.Id));
        Assert.Equal("同意", done.Variables["opinion"]!.GetValue<string>());
        Assert.Equal(["start", "review", "approve", "end"], done.CompletedActivityIds);
    }

    [Fact]
    public async Task Due_date_is_one_working_day_later_on_the_city_calendar()
    {
        // Friday 2026-09-18 10:00 Beijing time: the next working day is Sunday 2026-09-20 (调休).
        await using var t = await TestEngine.CreateAsync(start: new DateTimeOffset(2026, 9, 18, 2, 0, 0, TimeSpan.Zero));
        await t.DeployFixtureAsync("Behaviors", Fixture);

        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });

        var review = await t.TaskAsync(started.Id, "review");
        Assert.Equal(new DateTime(2026, 9, 20, 2, 0, 0), review.DueAt);
    }

    [Fact]
    public async Task An_assignee_expression_over_a_missing_variable_raises_an_incident_naming_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", Fixture);
        var started = await t.StartAsync("two-tasks");

        await t.CompleteAsync(started.Id, "review");

        var instance = await t.InstanceAsync(started.Id);
        Assert.Equal("incident", instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("approve", incident.ActivityId);
        Assert.Contains("reviewer", incident.Message, StringComparison.Ordinal);

        await t.Engine.SetVariablesAsync(started.Id, TestEngine.Vars(new { reviewer = "li" })!, "admin");
        await t.Engine.RetryIncidentAsync(incident.Id, "admin");
        Assert.Equal("li", (await t.TaskAsync(started.Id, "approve")).Assignee);
        Assert.Equal("active", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task Completing_a_task_twice_is_refused_the_second_time()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployFixtureAsync("Behaviors", Fixture);
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        var review = await t.TaskAsync(started.Id, "review");

        await t.Engine.CompleteTaskAsync(review.Id, null, "a");
        var error = await Assert.ThrowsAsync<Execution.WorkflowException>(() => t.Engine.CompleteTaskAsync(review.Id, null, "b"));

        Assert.Equal(Execution.WorkflowErrorKind.NotFound, error.Kind);
        Assert.Equal(["approve"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }
}
