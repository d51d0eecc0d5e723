using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Tests.Persistence;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Of_concurrent_completions_of_one_task_exactly_one_wins(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        var review = await t.TaskAsync(started.Id, "review");

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await t.Engine.CompleteTaskAsync(review.Id, TestEngine.Vars(new { by = i }), $"user{i}");
                return true;
            }
            catch (WorkflowException ex) when (ex.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
            {
                return false;
            }
        }).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o));
        var tasks = await t.TasksAsync(started.Id);
        Assert.Equal(["approve"], tasks.Select(x => x.ActivityId));
        var (entries, verification) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.Single(entries, e => e.Type == "TaskCompleted");
        Assert.True(verification.Intact, verification.Message);
    }

    /// <summary>
    /// The race that the revision guard exists for, made deterministic: a command loads the instance, another
    /// command changes it and commits, then the first saves. On PostgreSQL the guard runs in one batch with the
    /// statements it protects and the transaction's COMMIT, and raises when it changed no row; without that, the
    /// loser's journal row would collide with the winner's sequence number (a unique violation, not a conflict).
    /// The loser must fail as a conflict (409 to an API caller, "try again") and change nothing. (On SQLite a
    /// command with a handler runs wholly under the writer lock, which makes this interleaving impossible.)
    /// </summary>
    [Fact]
    public async Task A_command_overtaken_between_its_load_and_its_save_fails_as_a_conflict_and_changes_nothing()
    {
        var entered = new SemaphoreSlim(0);
        var release = new SemaphoreSlim(0);
        var handlers = new Anju.Workflows.Handlers.ServiceTaskHandlers().Register("hold", async _ =>
        {
            entered.Release();
            await release.WaitAsync();
        });
        await using var t = await TestEngine.CreateAsync(Store.Postgres, handlers);
        await t.DeployFixtureAsync("Persistence", "ConcurrencyTests.HeldBranch.bpmn");
        var started = await t.StartAsync("held-branch");
        var a = await t.TaskAsync(started.Id, "a");
        var b = await t.TaskAsync(started.Id, "b");

        var slow = t.Engine.CompleteTaskAsync(a.Id, null, "slow");
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(30)), "The first command did not reach its service task.");
        await t.Engine.CompleteTaskAsync(b.Id, null, "fast");
        release.Release();

        var conflict = await Assert.ThrowsAsync<WorkflowException>(() => slow);
        Assert.Equal(WorkflowErrorKind.Conflict, conflict.Kind);
        Assert.Contains(started.Id.ToString(), conflict.Message, StringComparison.Ordinal);

        Assert.Equal(["a", "afterB"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
        var (entries, verification) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.True(verification.Intact, verification.Message);
        Assert.DoesNotContain(entries, e => e.Actor == "slow");

        // The loser may simply try again, and then it goes through.
        release.Release();
        await t.Engine.CompleteTaskAsync(a.Id, null, "slow");
        Assert.Equal(["afterA", "afterB"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
    }

    /// <summary>
    /// On SQLite, starting an instance and completing a task are computed before the process-wide writer lock
    /// and only written under it. When another command changes the instance in between, the revision guard
    /// stops the write, the writer connection's transaction is rolled back, and the command runs again under the
    /// lock on the instance as it is now: to a caller it is as if the two had run one after the other. (Were the
    /// rollback missing, the second run could not write: SQLite allows one writer, and it would wait 30 s.)
    /// </summary>
    [Fact]
    public async Task A_sqlite_completion_overtaken_before_it_writes_runs_again_on_the_changed_instance()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        var review = await t.TaskAsync(started.Id, "review");

        var seen = new List<string?>();
        var completed = await t.Engine.CompleteTaskAsync(review.Id, TestEngine.Vars(new { ok = true }), "wang", check =>
        {
            seen.Add(check.Task.Assignee);
            if (seen.Count == 1)
            {
                // Another command claims the task after this one loaded it and before it writes.
                t.Engine.ClaimTaskAsync(review.Id, "li").GetAwaiter().GetResult();
            }
        });

        Assert.Equal([null, "li"], seen);
        Assert.Equal(["approve"], completed.ActiveActivityIds);
        var (entries, verification) = await t.Engine.ReadJournalAsync(started.Id);
        Assert.True(verification.Intact, verification.Message);
        var kinds = entries.Select(e => e.Type).ToList();
        Assert.True(kinds.IndexOf("TaskClaimed") < kinds.IndexOf("TaskCompleted"), string.Join(", ", kinds));
        Assert.Single(entries, e => e.Type == "TaskCompleted");

        // The writer connection carries on.
        await t.CompleteAsync(started.Id, "approve");
        Assert.Equal("completed", (await t.InstancesAsync(i => i.Id == started.Id)).Single().Status);
    }

    /// <summary>
    /// On PostgreSQL a command's COMMIT is the last statement of its write batch, not a round trip of its own.
    /// What must hold: when the command returns, its change is committed (another session sees it), and the
    /// pooled connection it used is not left inside a transaction. Were the COMMIT skipped, the change would be
    /// rolled back when the connection went back to the pool.
    /// </summary>
    [Fact]
    public async Task A_postgres_command_that_commits_in_its_write_batch_is_durable_and_leaves_no_transaction_open()
    {
        await using var t = await TestEngine.CreateAsync(Store.Postgres);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        await t.CompleteAsync(started.Id, "review");

        await using var other = new Npgsql.NpgsqlConnection(t.Storage.ConnectionString + ";Pooling=false");
        await other.OpenAsync();
        await using (var seen = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM wf_tasks WHERE \"InstanceId\" = @id AND \"ActivityId\" = 'approve'", other))
        {
            seen.Parameters.AddWithValue("id", started.Id);
            Assert.Equal(1L, (long)(await seen.ExecuteScalarAsync())!);
        }

        await using (var open = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", other))
        {
            Assert.Equal(0L, (long)(await open.ExecuteScalarAsync())!);
        }

        // The same pooled connections carry on: the next command and a read after it work as usual.
        await t.CompleteAsync(started.Id, "approve");
        Assert.Equal("completed", (await t.InstancesAsync(i => i.Id == started.Id)).Single().Status);
    }

    [Fact]
    public async Task Two_nodes_on_one_postgres_database_complete_each_task_once()
    {
        await using var t = await TestEngine.CreateAsync(Store.Postgres);
        var other = new WorkflowEngine(t.Storage, t.Handlers, t.Clock);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await t.StartAsync("two-tasks", new { reviewer = "wang" })).Id);
        }

        var reviews = new List<Guid>();
        foreach (var id in ids)
        {
            reviews.Add((await t.TaskAsync(id, "review")).Id);
        }

        var wins = 0;
        var races = reviews.SelectMany(task => new[] { t.Engine, other }.Select(async engine =>
        {
            try
            {
                await engine.CompleteTaskAsync(task, null, "node");
                Interlocked.Increment(ref wins);
            }
            catch (WorkflowException ex) when (ex.Kind is WorkflowErrorKind.Conflict or WorkflowErrorKind.NotFound)
            {
                // The other node was first.
            }
        }));
        await Task.WhenAll(races);

        Assert.Equal(10, wins);
        await using var db = t.Storage.CreateContext();
        Assert.Equal(10, await db.Tasks.CountAsync(x => x.ActivityId == "approve"));
        Assert.Equal(0, await db.Tasks.CountAsync(x => x.ActivityId == "review"));
    }
}
