using Anju.Testing;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// Task candidates and journal rows, written on every command, are WITHOUT ROWID tables on SQLite (one B-tree per table instead of two), which
/// EF Core cannot model: a migration rebuilds them, and SqliteMigrationsGenerator keeps the form through EF's own
/// rebuilds. A database created before that migration must come through it with every row, index and foreign key.
/// </summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private const string Before = "20261127011703_TasksWithoutSingleColumnIndexes";

    private readonly TemporaryFolder _folder = TemporaryFolder.Create("tests");

    [Fact]
    public async Task A_fresh_database_has_the_hot_tables_without_rowid_and_the_rest_with()
    {
        using var storage = WorkflowStorage.Sqlite(_folder.Combine("fresh.db"));
        await storage.MigrateAsync();

        var tables = await TablesAsync(storage);
        foreach (var table in SqliteMigrationsGenerator.WithoutRowId)
        {
            Assert.EndsWith("WITHOUT ROWID", tables[table], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("WITHOUT ROWID", tables["wf_instances"], StringComparison.Ordinal);
        Assert.DoesNotContain("WITHOUT ROWID", tables["wf_tasks"], StringComparison.Ordinal);
        Assert.Contains("WHERE \"BusinessKey\" IS NOT NULL", await IndexSqlAsync(storage, "IX_wf_instances_BusinessKey"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_before_the_rebuild_keeps_its_rows_indexes_and_cascade()
    {
        using var storage = WorkflowStorage.Sqlite(_folder.Combine("old.db"));
        await using (var db = storage.CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.GetService<IMigrator>().MigrateAsync(Before);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "wf_tasks" ("Id", "InstanceId", "ActivityId", "DefinitionKey", "DefinitionId", "Jurisdiction", "CreatedAt", "Priority", "DueSort")
                VALUES ('T1', 'I1', 'review', 'p', 'p:1', 'jiangyin', '2026-03-02 01:00:00', 50, '9999-12-31 00:00:00'),
                       ('T2', 'I1', 'check', 'p', 'p:1', 'jiangyin', '2026-03-02 01:00:00', 50, '9999-12-31 00:00:00');
                INSERT INTO "wf_task_candidates" ("TaskId", "Kind", "Value") VALUES ('T1', 'g', 'community'), ('T2', 'u', 'wang');
                INSERT INTO "wf_journal" ("InstanceId", "Seq", "At", "Type", "PreviousHash", "Hash")
                VALUES ('I1', 1, '2026-03-02 01:00:00', 'InstanceStarted', '', 'h1'), ('I1', 2, '2026-03-02 01:00:00', 'TaskCreated', 'h1', 'h2');
                """);
        }

        await storage.MigrateAsync();

        var tables = await TablesAsync(storage);
        Assert.EndsWith("WITHOUT ROWID", tables["wf_task_candidates"], StringComparison.Ordinal);
        Assert.EndsWith("WITHOUT ROWID", tables["wf_journal"], StringComparison.Ordinal);
        Assert.Equal(2L, await ScalarAsync(storage, "SELECT count(*) FROM wf_tasks"));
        Assert.Equal(2L, await ScalarAsync(storage, "SELECT count(*) FROM wf_task_candidates"));
        Assert.Equal(2L, await ScalarAsync(storage, "SELECT count(*) FROM wf_journal"));
        Assert.Equal(0L, await ScalarAsync(storage, "SELECT count(*) FROM pragma_foreign_key_check"));
        foreach (var index in new[] { "IX_wf_tasks_InstanceId", WorkflowDbContext.DueOrderIndex, WorkflowDbContext.JurisdictionIndex, "IX_wf_task_candidates_TaskId_Kind_Value" })
        {
            Assert.NotEmpty(await IndexSqlAsync(storage, index));
        }

        // Candidates still go with their task.
        await using (var db = storage.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM wf_tasks WHERE \"Id\" = 'T1'");
        }

        Assert.Equal(1L, await ScalarAsync(storage, "SELECT count(*) FROM wf_task_candidates"));
    }

    private static async Task<Dictionary<string, string>> TablesAsync(WorkflowStorage storage)
    {
        await using var db = storage.CreateContext();
        return (await db.Database.SqlQueryRaw<NamedSql>("SELECT name AS \"Name\", sql AS \"Sql\" FROM sqlite_master WHERE type = 'table'").ToListAsync())
            .ToDictionary(t => t.Name, t => t.Sql);
    }

    private static async Task<string> IndexSqlAsync(WorkflowStorage storage, string name)
    {
        await using var db = storage.CreateContext();
        return await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = {0}", name).SingleOrDefaultAsync() ?? "";
    }

    private static async Task<long> ScalarAsync(WorkflowStorage storage, string sql)
    {
        await using var db = storage.CreateContext();
        return await db.Database.SqlQueryRaw<long>(sql.Replace("SELECT count(*)", "SELECT count(*) AS \"Value\"", StringComparison.Ordinal)).SingleAsync();
    }

    public void Dispose() => _folder.Dispose();

    private sealed record NamedSql(string Name, string Sql);
}
