using Anju.Host.Access;
using System.Security.Claims;
using Anju.Host.Features.Tasks;
using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Testing;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Tests.Features.Tasks;

/// <summary>
/// Who may act on a task is decided twice: as SQL for lists (<see cref="TaskAccess.Audience"/>) and in memory
/// inside the engine command that completes a task (<see cref="TaskAccess.InAudience"/>). They must never
/// differ, or a user could complete a task they cannot see (or not complete one they can). Every user below is
/// asked about every task, and both answers must be the same, on each database.
/// </summary>
public sealed class TaskAccessTests
{
    private const string Street = "jiangyin/chengjiang";
    private const string Community = "jiangyin/chengjiang/huangshan";

    private static readonly string?[] Places =
    [
        Community,                              // the node itself
        Community + "/binjiang",                // below it
        "jiangyin/chengjiang/huangshanhu",      // a sibling whose name starts the same
        Street,                                 // above it
        "jiangyin/nanzha",                      // elsewhere
        null,                                   // no jurisdiction
    ];

    private static readonly (string? Assignee, string[] Users, string[] Groups)[] Offers =
    [
        ("li", [], []),
        ("zhao", [], [Roles.Community]),
        (null, ["li"], []),
        (null, ["zhao"], []),
        (null, [], [Roles.Community]),
        (null, [], ["dept:urban"]),
        (null, [], [Roles.StreetOffice, "dept:urban"]),
        (null, [], []),
    ];

    private static readonly CurrentUser[] Users =
    [
        User("li", [Roles.Community], [Community]),
        User("li", [Roles.Community], [Street, "jiangyin/nanzha"]),
        User("wang", [Roles.Department], [Jurisdiction.City], department: "urban"),
        User("zhou", [Roles.StreetOffice], [Street]),
        User("nobody", [Roles.Community], []),
        User("root", [Roles.Admin], []),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_in_memory_audience_check_answers_as_the_SQL_filter_does(bool postgres)
    {
        using var folder = TemporaryFolder.Create("host-tests");
        await using var database = postgres ? await ThrowawayPostgresDatabase.CreateAsync("access") : null;
        using var storage = database is null ? WorkflowStorage.Sqlite(folder.Combine("access.db")) : WorkflowStorage.Postgres(database.ConnectionString);
        await storage.MigrateAsync();

        var tasks = await SeedAsync(storage);
        Assert.Equal(Places.Length * Offers.Length, tasks.Count);

        var checkedPairs = 0;
        var admitted = 0;
        foreach (var user in Users)
        {
            await using var db = storage.CreateContext();
            var bySql = (await TaskAccess.Audience(db, user).Select(t => t.Id).ToListAsync()).ToHashSet();
            foreach (var (row, users, groups) in tasks)
            {
                var inMemory = TaskAccess.InAudience(user, row.Assignee, users, groups, row.Jurisdiction);
                Assert.True(
                    inMemory == bySql.Contains(row.Id),
                    $"{user.Username} ({string.Join(",", user.Roles)} at {string.Join(",", user.Jurisdictions)}): task at '{row.Jurisdiction}', assignee '{row.Assignee}', users [{string.Join(",", users)}], groups [{string.Join(",", groups)}]: in memory {inMemory}, SQL {!inMemory}");
                checkedPairs++;
                admitted += inMemory ? 1 : 0;
            }
        }

        // Not vacuous: some pairs are admitted and most are not.
        Assert.Equal(Users.Length * tasks.Count, checkedPairs);
        Assert.InRange(admitted, Places.Length * Offers.Length + 10, checkedPairs - 50);
    }

    private static CurrentUser User(string name, string[] roles, string[] jurisdictions, string? department = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(jurisdictions.Select(j => new Claim(CurrentUser.JurisdictionClaim, j)));
        if (department is not null)
        {
            claims.Add(new Claim(CurrentUser.DepartmentClaim, department));
        }

        return new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role)));
    }

    private static async Task<List<(TaskRow Row, string[] Users, string[] Groups)>> SeedAsync(WorkflowStorage storage)
    {
        await using var db = storage.CreateContext();
        var instance = new InstanceRow
        {
            Id = Guid.NewGuid(),
            DefinitionId = "access:1",
            DefinitionKey = "access",
            DefinitionVersion = 1,
            Status = "active",
            StartedAt = DateTime.UtcNow,
            Revision = 1,
            Document = "{}",
        };
        db.Instances.Add(instance);
        var tasks = new List<(TaskRow, string[], string[])>();
        foreach (var place in Places)
        {
            foreach (var (assignee, users, groups) in Offers)
            {
                var row = new TaskRow
                {
                    Id = Guid.NewGuid(),
                    InstanceId = instance.Id,
                    ActivityId = "act",
                    DefinitionKey = "access",
                    DefinitionId = "access:1",
                    Assignee = assignee,
                    CandidateUsers = users.Length == 0 ? null : string.Join(',', users),
                    CandidateGroups = groups.Length == 0 ? null : string.Join(',', groups),
                    Jurisdiction = place,
                    CreatedAt = DateTime.UtcNow,
                    DueSort = TaskRow.NoDueDate,
                };
                db.Tasks.Add(row);
                db.TaskCandidates.AddRange(users.Select(u => new TaskCandidateRow { TaskId = row.Id, Kind = 'u', Value = u }));
                db.TaskCandidates.AddRange(groups.Select(g => new TaskCandidateRow { TaskId = row.Id, Kind = 'g', Value = g }));
                tasks.Add((row, users, groups));
            }
        }

        await db.SaveChangesAsync();
        return tasks;
    }
}
