using Anju.Testing;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// Versions deployed before sources were recorded get one from the migration (issue 16, item 1): the Host's start-up
/// deployments (by "system", with the note it wrote) came from that definitions file; any other deployer was a person.
/// Otherwise the first start-up after the upgrade would not know that an administrator's version must be kept.
/// </summary>
public sealed class DefinitionSourceMigrationTests
{
    [Fact]
    public async Task Sqlite_versions_from_before_get_their_source()
    {
        using var folder = TemporaryFolder.Create("tests");
        using var storage = WorkflowStorage.Sqlite(folder.Combine("old.db"));
        await CheckAsync(storage, "20261127095804_PartialIndexesAndWithoutRowId");
    }

    [Fact]
    public async Task Postgres_versions_from_before_get_their_source()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync("test");
        using var storage = WorkflowStorage.Postgres(database.ConnectionStringWithPool(20));
        await CheckAsync(storage, "20261127095837_PartialInstanceIndexes");
    }

    private static async Task CheckAsync(WorkflowStorage storage, string before)
    {
        await using (var db = storage.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(before);
            foreach (var (version, by, note) in new (int, string?, string?)[]
            {
                (1, "system", "启动时自动部署（definitions/complaint-handling.bpmn）"),
                (2, "admin", "受理时限改为两个工作日"),
                (3, null, null),
            })
            {
                db.Definitions.Add(new DefinitionRow
                {
                    Id = $"complaint-handling:{version}",
                    Key = "complaint-handling",
                    Version = version,
                    Xml = "<x/>",
                    ContentHash = new string('a', 64),
                    DeploymentId = Guid.NewGuid(),
                    DeployedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
                    DeployedBy = by,
                    Note = note,
                });
            }

            // Written by hand: the model already has the Source column, the database does not yet.
            var rows = db.ChangeTracker.Entries<DefinitionRow>().Select(e => e.Entity).ToList();
            db.ChangeTracker.Clear();
            foreach (var row in rows)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "wf_definitions" ("Id", "Key", "Version", "Xml", "ContentHash", "DeploymentId", "DeployedAt", "DeployedBy", "Note", "UnknownServiceTasksAsExternal")
                    VALUES ({row.Id}, {row.Key}, {row.Version}, {row.Xml}, {row.ContentHash}, {row.DeploymentId}, {row.DeployedAt}, {row.DeployedBy}, {row.Note}, {false})
                    """);
            }
        }

        await storage.MigrateAsync();

        await using var check = storage.CreateContext();
        var sources = await check.Definitions.AsNoTracking().OrderBy(d => d.Version).Select(d => d.Source).ToListAsync();
        Assert.Equal(["file:complaint-handling.bpmn", "user:admin", null], sources);
    }
}
