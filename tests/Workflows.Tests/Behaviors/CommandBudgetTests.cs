using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Runaway models are stopped at run time (issue 16): a command that exceeds its budget of element executions,
/// tokens or tasks is discarded and ends in a <c>commandBudget</c> incident where the runaway began, before memory
/// grows. Memory is asserted with a generous bound, never a time.
/// </summary>
public sealed class CommandBudgetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long MemoryBound = 500L * 1024 * 1024;

    /// <summary>The largest managed heap the handlers saw while the runaway ran (sampled on each call).</summary>
    private long _peakHeap;

    private ServiceTaskHandlers Handlers() =>
        new ServiceTaskHandlers()
            .Register("count", ctx =>
            {
                Sample();
                var n = ctx.GetVariable("n")?.GetValue<long>() ?? 0;
                ctx.SetVariable("n", n + 1);
                return ValueTask.CompletedTask;
            })
            .Register("note", _ =>
            {
                Sample();
                return ValueTask.CompletedTask;
            });

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (heap > Interlocked.Read(ref _peakHeap))
        {
            Interlocked.Exchange(ref _peakHeap, heap);
        }
    }

    private void AssertMemoryBounded(long before)
    {
        Assert.True(_peakHeap > 0, "The handlers never ran");
        var growth = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false)) - before;
        output.WriteLine($"managed heap growth while the command ran: {growth / 1024 / 1024} MB");
        Assert.True(growth < MemoryBound, $"The managed heap grew by {growth / 1024 / 1024} MB while the command ran");
    }

    private async Task<TestEngine> EngineAsync(Store store, EngineOptions? options = null)
    {
        var t = await TestEngine.CreateAsync(store, Handlers(), options: options);
        await t.DeployFixtureAsync("Behaviors", "CommandBudgetTests.Runaways.bpmn");
        return t;
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_loop_through_a_service_task_ends_in_a_budget_incident_at_the_start_with_memory_bounded(Store store)
    {
        await using var t = await EngineAsync(store);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var started = await t.StartAsync("serviceLoop");

        AssertMemoryBounded(before);
        Assert.Equal("incident", started.Status);
        var incident = Assert.Single(started.Incidents);
        Assert.Equal("commandBudget", incident.Type);
        Assert.Equal("start", incident.ActivityId); // where the runaway began: nothing after it was kept
        Assert.Contains("50,000 element executions", incident.Message, StringComparison.Ordinal);
        Assert.Matches("(计数 \\(count\\)|再来一次？ \\(again\\))", incident.Message);
        Assert.False(started.Variables.ContainsKey("n"));
        Assert.Empty(started.CompletedActivityIds);

        // Stored as such: the row, the document and one journal entry with the numbers.
        var stored = await t.InstanceAsync(started.Id);
        Assert.Equal("incident", stored.Status);
        var (journal, verification) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.True(verification.Intact);
        Assert.Equal(["InstanceStarted", "IncidentRaised"], journal.Select(e => e.Type));
        var details = JsonNode.Parse(journal[1].Details!)!;
        Assert.Equal("elementExecutions", details["limit"]!.GetValue<string>());
        Assert.Equal(50_000, details["max"]!.GetValue<int>());

        // A retry runs it again and stops again, with one incident, not two.
        await t.Engine.RetryIncidentAsync(incident.Id, "admin");
        var retried = await t.InstanceAsync(started.Id);
        Assert.Equal("commandBudget", Assert.Single(retried.Incidents).Type);
        Assert.False(retried.Variables.ContainsKey("n"));
    }

    [Theory]
    [InlineData(Store.Sqlite, 300)]
    [InlineData(Store.Sqlite, 10_000)]
    [InlineData(Store.Postgres, 300)]
    public async Task Nested_multi_instance_is_stopped_by_the_token_budget_counted_together(Store store, int each)
    {
        await using var t = await EngineAsync(store);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var started = await t.StartAsync("nested", new { outer = each, inner = each });

        AssertMemoryBounded(before);
        var incident = Assert.Single(started.Incidents);
        Assert.Equal("commandBudget", incident.Type);
        Assert.Equal("start3", incident.ActivityId);
        Assert.Contains("20,000 tokens created", incident.Message, StringComparison.Ordinal);
        Assert.Contains("签字 (sign)", incident.Message, StringComparison.Ordinal);
        Assert.Empty(await t.TasksAsync(started.Id));
        var stored = await t.InstanceAsync(started.Id);
        Assert.Equal(["start3"], stored.ActiveActivityIds);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_runaway_start_computed_before_the_writer_lock_is_stopped_too(Store store)
    {
        await using var t = await EngineAsync(store);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var started = await t.StartAsync("nestedPlain", new { outer = 300, inner = 300 });

        var growth = GC.GetTotalMemory(forceFullCollection: false) - before;
        Assert.True(growth < MemoryBound, $"The managed heap grew by {growth / 1024 / 1024} MB");
        var incident = Assert.Single(started.Incidents);
        Assert.Equal("commandBudget", incident.Type);
        Assert.Equal("start4", incident.ActivityId);
        Assert.Contains("签字 (plainSign)", incident.Message, StringComparison.Ordinal);
        Assert.Empty(await t.TasksAsync(started.Id));
        Assert.Equal("incident", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_called_instance_that_runs_away_stops_at_its_own_start_and_its_caller_waits()
    {
        await using var t = await EngineAsync(Store.Sqlite, new EngineOptions { MaxElementExecutionsPerCommand = 1_000 });

        var caller = await t.StartAsync("callsLoop");

        Assert.Equal("active", caller.Status);
        Assert.Equal(["callLoop"], caller.ActiveActivityIds);
        var called = Assert.Single(await t.InstancesAsync(i => i.ParentInstanceId == caller.Id));
        var view = await t.InstanceAsync(called.Id);
        var incident = Assert.Single(view.Incidents);
        Assert.Equal("commandBudget", incident.Type);
        Assert.Equal("start", incident.ActivityId);
        Assert.Contains("1,000 element executions", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_is_configurable_and_a_command_within_it_runs()
    {
        var options = new EngineOptions { MaxTokensPerCommand = 150, MaxTasksPerCommand = 1_000 };
        await using var t = await EngineAsync(Store.Sqlite, options);

        var within = await t.StartAsync("nested", new { outer = 10, inner = 10 }); // 10 + 10 × (1 + 10) = 120 tokens
        Assert.Equal("active", within.Status);
        Assert.Equal(100, (await t.TasksAsync(within.Id)).Count);

        var over = await t.StartAsync("nested", new { outer = 12, inner = 12 }); // 12 + 12 × 13 = 168 tokens
        Assert.Equal("commandBudget", Assert.Single(over.Incidents).Type);
        Assert.Contains("150 tokens created", over.Incidents[0].Message, StringComparison.Ordinal);

        var tasks = new EngineOptions { MaxTasksPerCommand = 99 };
        await using var t2 = await EngineAsync(Store.Sqlite, tasks);
        var tooManyTasks = await t2.StartAsync("nested", new { outer = 10, inner = 10 });
        Assert.Contains("99 tasks created", Assert.Single(tooManyTasks.Incidents).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_runaway_after_a_task_and_a_timer_keeps_the_completion_and_stops_after_the_timer(Store store)
    {
        await using var t = await EngineAsync(store, new EngineOptions { MaxElementExecutionsPerCommand = 1_000 });
        var started = await t.StartAsync("loopAfterWait");

        // Completing the task is kept; the runaway only begins behind the timer.
        await t.CompleteAsync(started.Id, "review");
        var waiting = await t.InstanceAsync(started.Id);
        Assert.Equal(["pause"], waiting.ActiveActivityIds);
        Assert.Empty(waiting.Incidents);

        // The timer's job runs the loop: the command stops at the element after the timer, and the job is gone.
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        var stopped = await t.InstanceAsync(started.Id);
        var incident = Assert.Single(stopped.Incidents);
        Assert.Equal("commandBudget", incident.Type);
        Assert.Equal("count2", incident.ActivityId);
        Assert.Contains("1,000 element executions", incident.Message, StringComparison.Ordinal);
        Assert.Contains("pause", stopped.CompletedActivityIds);
        Assert.False(stopped.Variables.ContainsKey("n"));
        Assert.Empty(await t.JobsAsync(started.Id));
        await using var db = t.Storage.CreateContext();
        Assert.Equal(1, await db.Incidents.CountAsync(i => i.InstanceId == started.Id && i.Type == "commandBudget"));
    }
}
