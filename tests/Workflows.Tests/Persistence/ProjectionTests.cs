using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// The projection tables follow the instance document whatever changed it: a save compares the document as it
/// was loaded with the document it writes, so no command has to mark what it changed.
/// </summary>
public sealed class ProjectionTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_task_changed_in_place_by_any_command_is_rewritten_in_the_task_tables(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });

        // A command that changes the open task in place and says nothing about it.
        await t.Engine.RunAsync("tester", async (command, ct) =>
        {
            var runner = await command.GetAsync(started.Id, ct);
            var task = runner.State.Tasks.Single();
            task.Assignee = "zhao";
            task.Priority = 90;
            task.CandidateGroups = ["street-office"];
        }, CancellationToken.None);

        await using var db = t.Storage.CreateContext();
        var row = await db.Tasks.AsNoTracking().SingleAsync(r => r.InstanceId == started.Id);
        Assert.Equal(("zhao", 90, "street-office"), (row.Assignee, row.Priority, row.CandidateGroups));
        var candidates = await db.TaskCandidates.AsNoTracking().Where(c => c.TaskId == row.Id).Select(c => c.Value).ToListAsync();
        Assert.Equal(["street-office"], candidates);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_command_that_leaves_a_task_as_it_was_does_not_rewrite_its_row(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        await using (var db = t.Storage.CreateContext())
        {
            // A value only the row has: a rewrite from the document would replace it.
            await db.Tasks.Where(r => r.InstanceId == started.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.FormKey, "marker"));
        }

        await t.Engine.RunAsync("tester", async (command, ct) =>
        {
            var runner = await command.GetAsync(started.Id, ct);
            runner.State.RootScope.Variables["note"] = "看过";
        }, CancellationToken.None);

        await using (var db = t.Storage.CreateContext())
        {
            Assert.Equal("marker", await db.Tasks.Where(r => r.InstanceId == started.Id).Select(r => r.FormKey).SingleAsync());
        }
    }

    [Fact]
    public void The_diff_deletes_what_went_inserts_what_came_and_rewrites_what_changed()
    {
        var state = new InstanceState { Id = Guid.NewGuid(), DefinitionId = "p:1", DefinitionKey = "p" };
        var kept = new UserTaskState { Id = Guid.NewGuid(), ActivityId = "a" };
        var changed = new UserTaskState { Id = Guid.NewGuid(), ActivityId = "b" };
        var gone = new UserTaskState { Id = Guid.NewGuid(), ActivityId = "c" };
        state.Tasks.AddRange([kept, changed, gone]);
        var loaded = Projections.Snapshot(state);

        changed.Assignee = "li";
        state.Tasks.Remove(gone);
        var came = new UserTaskState { Id = Guid.NewGuid(), ActivityId = "d", CandidateUsers = ["wang"] };
        state.Tasks.Add(came);
        var sink = new RecordingSink();
        Projections.Write(state, loaded, sink);

        Assert.Equal([$"delete TaskRow {changed.Id},{gone.Id}", $"insert TaskRow {changed.Id}", $"insert TaskRow {came.Id}", $"insert TaskCandidateRow {came.Id}"], sink.Log);
    }

    [Fact]
    public void A_new_instance_inserts_every_row_and_an_unchanged_one_writes_nothing()
    {
        var state = new InstanceState { Id = Guid.NewGuid(), DefinitionId = "p:1", DefinitionKey = "p" };
        var job = new JobState { Id = Guid.NewGuid(), ActivityId = "timer" };
        state.Jobs.Add(job);

        var fresh = new RecordingSink();
        Projections.Write(state, original: null, fresh);
        var unchanged = new RecordingSink();
        Projections.Write(state, Projections.Snapshot(state), unchanged);

        Assert.Equal([$"insert JobRow {job.Id}"], fresh.Log);
        Assert.Empty(unchanged.Log);
    }

    private sealed class RecordingSink : IProjectionSink
    {
        public List<string> Log { get; } = [];

        public void Insert<TRow>(TRow row)
            where TRow : class =>
            Log.Add($"insert {typeof(TRow).Name} {row switch { TaskRow r => r.Id, JobRow r => r.Id, TaskCandidateRow r => r.TaskId, _ => Guid.Empty }}");

        public void DeleteByIds<TRow>(IReadOnlyCollection<Guid> ids)
            where TRow : class => Log.Add($"delete {typeof(TRow).Name} {string.Join(',', ids)}");
    }
}
