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
}
