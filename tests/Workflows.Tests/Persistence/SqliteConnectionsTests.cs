using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// SQLite keeps a writer connection and a few read connections open, with their statements prepared. A kept-open
/// connection must not keep a read snapshot between commands: one that did would stop every checkpoint from
/// finishing, and the write-ahead log would grow without end.
/// </summary>
public sealed class SqliteConnectionsTests
{
    [Fact]
    public async Task Kept_open_connections_hold_no_snapshot_between_commands_so_the_log_can_be_checkpointed_to_empty()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        for (var i = 0; i < 20; i++)
        {
            var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
            await t.CompleteAsync(started.Id, "review");
        }

        var path = new SqliteConnectionStringBuilder(t.Storage.ConnectionString).DataSource;
        Assert.True(new FileInfo(path + "-wal").Length > 0, "The commands wrote nothing to the write-ahead log.");
        await using var other = new SqliteConnection(t.Storage.ConnectionString + ";Pooling=False");
        await other.OpenAsync();
        await using (var wait = other.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout=5000";
            await wait.ExecuteNonQueryAsync();
        }

        await using var checkpoint = other.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0)); // not blocked by any reader
        Assert.Equal(0, new FileInfo(path + "-wal").Length);

        // And the kept-open connections carry on after the log was emptied under them.
        var next = await t.StartAsync("two-tasks", new { reviewer = "wang" });
        await t.CompleteAsync(next.Id, "review");
        Assert.Equal(["approve"], (await t.TasksAsync(next.Id)).Select(x => x.ActivityId));
    }

    [Fact]
    public async Task A_read_borrows_the_writers_connection_only_when_the_writer_lock_is_free()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        using var writerLock = new SemaphoreSlim(1, 1);
        using var writer = new SqliteWriter(t.Storage.ConnectionString);
        using var readers = new SqliteReaders(t.Storage.ConnectionString, writerLock, () => writer.Reader);

        var first = readers.Rent();
        Assert.True(first.IsWriter);
        Assert.Equal(0, writerLock.CurrentCount); // the read holds the writer lock

        // A second read meanwhile does not wait for the lock: it gets a read connection.
        var second = await Task.Run(readers.Rent).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(second.IsWriter);
        readers.Return(second);
        readers.Return(first);
        Assert.Equal(1, writerLock.CurrentCount);

        // Nor does a read while a command holds the lock.
        await writerLock.WaitAsync();
        var during = await Task.Run(readers.Rent).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(during.IsWriter);
        readers.Return(during);
        writerLock.Release();
    }

    [Fact]
    public async Task Commands_read_each_others_commits_at_once_when_their_reads_run_on_the_writers_connection()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        await t.DeployFixtureAsync("Behaviors", "SequenceTests.TwoUserTasks.bpmn");
        for (var i = 0; i < 5; i++)
        {
            // Each load below runs on the writer's connection (nothing else holds the lock) right after its commit.
            var started = await t.StartAsync("two-tasks", new { reviewer = "wang" });
            var review = (await t.TaskAsync(started.Id, "review")).Id;
            await t.Engine.CompleteTaskAsync(review, null, "wang");
            await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CompleteTaskAsync(review, null, "wang"));
            var approve = (await t.TaskAsync(started.Id, "approve")).Id;
            var done = await t.Engine.CompleteTaskAsync(approve, null, "li");
            Assert.Equal("completed", (await t.InstanceAsync(done.Id)).Status);
        }
    }
}
