using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Tests.Persistence;

public sealed class JournalTests
{
    private static async Task<(TestEngine T, Guid Id)> CompletedCaseAsync(Store store = Store.Sqlite)
    {
        var t = await TestEngine.CreateAsync(store);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        await t.CompleteAsync(started.Id, "review", new { opinion = "同意" }, actor: "li");
        await t.CompleteAsync(started.Id, "approve", actor: "wang");
        return (t, started.Id);
    }

    [Fact]
    public async Task Every_change_is_journaled_in_order_with_its_actor()
    {
        var (t, id) = await CompletedCaseAsync();
        await using var _ = t;

        var (entries, verification) = await t.Engine.ReadJournalAsync(id);

        Assert.True(verification.Intact, verification.Message);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Equal("InstanceStarted", entries[0].Type);
        Assert.Equal("InstanceCompleted", entries[^1].Type);
        var completedReview = Assert.Single(entries, e => e.Type == "TaskCompleted" && e.ActivityId == "review");
        Assert.Equal("li", completedReview.Actor);
        Assert.Contains(entries, e => e.Type == "VariablesChanged" && e.Details!.Contains("同意", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_changed_entry_is_reported_as_the_first_broken_link(Store store)
    {
        var (t, id) = await CompletedCaseAsync(store);
        await using var _ = t;
        await using (var db = t.Storage.CreateContext())
        {
            await db.Journal.Where(j => j.InstanceId == id && j.Seq == 4).ExecuteUpdateAsync(s => s.SetProperty(j => j.Actor, "someone-else"));
        }

        var (_, verification) = await t.Engine.ReadJournalAsync(id);

        Assert.False(verification.Intact);
        Assert.Equal(4, verification.FirstBrokenSeq);
    }

    [Fact]
    public async Task Removed_trailing_entries_are_detected()
    {
        var (t, id) = await CompletedCaseAsync();
        await using var _ = t;
        long last;
        await using (var db = t.Storage.CreateContext())
        {
            last = await db.Journal.Where(j => j.InstanceId == id).MaxAsync(j => j.Seq);
            await db.Journal.Where(j => j.InstanceId == id && j.Seq == last).ExecuteDeleteAsync();
        }

        var (_, verification) = await t.Engine.ReadJournalAsync(id);

        Assert.False(verification.Intact);
        Assert.Equal(last, verification.FirstBrokenSeq);
    }
}
