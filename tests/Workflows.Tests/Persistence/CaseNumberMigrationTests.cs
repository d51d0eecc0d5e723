using Anju.Testing;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// Cases filed before case numbers came from a sequence (issue 18) keep the number issue 17 gave them as business key
/// (<c>20261207-3F9K2M7Q</c>): the migration makes it their case number; other business keys stay business keys.
/// </summary>
public sealed class CaseNumberMigrationTests
{
    [Fact]
    public async Task Sqlite_cases_from_before_keep_their_number()
    {
        using var folder = TemporaryFolder.Create("tests");
        using var storage = WorkflowStorage.Sqlite(folder.Combine("old.db"));
        await CheckAsync(storage, "20261207123919_JournalCompletionsByActor");
    }

    [Fact]
    public async Task Postgres_cases_from_before_keep_their_number()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync("test");
        using var storage = WorkflowStorage.Postgres(database.ConnectionStringWithPool(20));
        await CheckAsync(storage, "20261207123939_JournalCompletionsByActor");
    }

    private static async Task CheckAsync(WorkflowStorage storage, string before)
    {
        var numbered = Guid.NewGuid();
        var keyed = Guid.NewGuid();
        var bare = Guid.NewGuid();
        await using (var db = storage.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(before);
            foreach (var (id, key) in new (Guid, string?)[] { (numbered, "20261207-3F9K2M7Q"), (keyed, "JY-2026-001"), (bare, null) })
            {
                // Written by hand: the model already has the case number columns, the database does not yet.
                var startedAt = new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "wf_instances" ("Id", "DefinitionId", "DefinitionKey", "DefinitionVersion", "BusinessKey", "Status", "HasIncident", "StartedAt", "Revision", "Document")
                    VALUES ({id}, {"complaint-handling:1"}, {"complaint-handling"}, {1}, {key}, {"active"}, {false}, {startedAt}, {1L}, {"{}"})
                    """);
            }
        }

        await storage.MigrateAsync();

        await using var after = storage.CreateContext();
        var numbers = await after.Instances.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.CaseNumber);
        Assert.Equal("20261207-3F9K2M7Q", numbers[numbered]);
        Assert.Null(numbers[keyed]);
        Assert.Null(numbers[bare]);
    }
}
