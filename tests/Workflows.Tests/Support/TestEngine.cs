using System.Text.Json.Nodes;
using Anju.Testing;
using Anju.Workflows.Deployment;
using Anju.Workflows.Handlers;
using Anju.Workflows.InMemory;
using Anju.Workflows.Jobs;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anju.Workflows.Tests.Support;

public enum Store
{
    /// <summary>The engine's tables in memory (<see cref="InMemoryWorkflowStore"/>): behaviour tests, no database.</summary>
    Memory,
    Sqlite,
    Postgres,
}

/// <summary>
/// A real engine on a fresh store: in memory by default (behaviour tests), or a real database (a SQLite file in a
/// temporary folder, or a new PostgreSQL database) for what depends on one, with a clock the test moves instead of
/// sleeping (from Anju.Testing).
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly TemporaryFolder? _folder;
    private readonly ThrowawayPostgresDatabase? _postgresDatabase;

    private readonly WorkflowStorage? _storage;

    private TestEngine(WorkflowStore store, TestClock clock, ServiceTaskHandlers handlers, TemporaryFolder? folder, ThrowawayPostgresDatabase? postgresDatabase, Execution.EngineOptions? options = null)
    {
        Backend = store;
        _storage = store as WorkflowStorage;
        Memory = store as InMemoryWorkflowStore;
        Clock = clock;
        Handlers = handlers;
        _folder = folder;
        _postgresDatabase = postgresDatabase;
        Engine = new WorkflowEngine(store, handlers, clock, options: options);
        Executor = new JobExecutor(Engine, NullLogger<JobExecutor>.Instance);
    }

    /// <summary>Monday 2026-03-02 09:00 in Jiangyin (01:00 UTC), an ordinary working day.</summary>
    public static readonly DateTimeOffset DefaultStart = TestClock.OrdinaryMonday;

    /// <summary>Where the engine keeps its state (to start a second engine on it).</summary>
    public WorkflowStore Backend { get; }

    /// <summary>The database behind the engine (for tests that read its tables or connect to it).</summary>
    public WorkflowStorage Storage => _storage
        ?? throw new InvalidOperationException("This test engine keeps its state in memory: create it with Store.Sqlite or Store.Postgres to read a database.");

    /// <summary>The in-memory tables, when the engine runs in memory.</summary>
    public InMemoryWorkflowStore? Memory { get; }
    public TestClock Clock { get; }
    public ServiceTaskHandlers Handlers { get; }
    public WorkflowEngine Engine { get; }
    public JobExecutor Executor { get; }

    public static async Task<TestEngine> CreateAsync(Store store = Store.Memory, ServiceTaskHandlers? handlers = null, DateTimeOffset? start = null, Execution.EngineOptions? options = null)
    {
        var clock = new TestClock(start ?? DefaultStart);
        handlers ??= new ServiceTaskHandlers();
        TestEngine engine;
        if (store == Store.Memory)
        {
            return new TestEngine(new InMemoryWorkflowStore(), clock, handlers, null, null, options);
        }

        if (store == Store.Sqlite)
        {
            var folder = TemporaryFolder.Create("tests");
            engine = new TestEngine(WorkflowStorage.Sqlite(folder.Combine("anju.db")), clock, handlers, folder, null, options);
        }
        else
        {
            var database = await ThrowawayPostgresDatabase.CreateAsync("test");
            engine = new TestEngine(WorkflowStorage.Postgres(database.ConnectionStringWithPool(20)), clock, handlers, null, database, options);
        }

        await engine.Storage.MigrateAsync();
        return engine;
    }

    /// <summary>Deploys a fixture that sits beside the test class as &lt;TestClass&gt;.&lt;Scenario&gt;.bpmn.</summary>
    public async Task<DeploymentResult> DeployFixtureAsync(string folder, string fileName, bool unknownAsExternal = false)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, folder, fileName));
        return await DeployXmlAsync(xml, fileName, unknownAsExternal);
    }

    public async Task<DeploymentResult> DeployXmlAsync(string xml, string name = "test.bpmn", bool unknownAsExternal = false)
    {
        var result = await Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile(name, xml)], UnknownServiceTasksAsExternal = unknownAsExternal });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems.Select(p => $"{p.ElementId} (line {p.Line}): {p.Message}")));
        return result;
    }

    public Task<InstanceView> StartAsync(string key, object? variables = null, string? businessKey = null, string? jurisdiction = null) =>
        Engine.StartAsync(new StartInstance { DefinitionKey = key, Variables = Vars(variables), BusinessKey = businessKey, Jurisdiction = jurisdiction });

    public async Task<InstanceView> InstanceAsync(Guid id) => (await Engine.GetInstanceAsync(id))!;

    public async Task<List<TaskRow>> TasksAsync(Guid instanceId)
    {
        if (Memory is not null)
        {
            return [.. Memory.Rows<TaskRow>().Where(t => t.InstanceId == instanceId).OrderBy(t => t.ActivityId, StringComparer.Ordinal)];
        }

        await using var db = Storage.CreateContext();
        return await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.ActivityId).ToListAsync();
    }

    public async Task<TaskRow> TaskAsync(Guid instanceId, string activityId)
    {
        var tasks = await TasksAsync(instanceId);
        var matching = tasks.Where(t => t.ActivityId == activityId).ToList();
        Assert.True(matching.Count == 1, $"Expected one open task '{activityId}', found {matching.Count}; open: {string.Join(", ", tasks.Select(t => t.ActivityId))}");
        return matching[0];
    }

    public async Task CompleteAsync(Guid instanceId, string activityId, object? variables = null, string? actor = "tester")
    {
        var task = await TaskAsync(instanceId, activityId);
        await Engine.CompleteTaskAsync(task.Id, Vars(variables), actor);
    }

    public async Task<List<InstanceRow>> InstancesAsync(System.Linq.Expressions.Expression<Func<InstanceRow, bool>> where)
    {
        if (Memory is not null)
        {
            return [.. Memory.Rows<InstanceRow>().Where(where.Compile())];
        }

        await using var db = Storage.CreateContext();
        return await db.Instances.AsNoTracking().Where(where).ToListAsync();
    }

    public async Task<List<JobRow>> JobsAsync(Guid? instanceId = null)
    {
        if (Memory is not null)
        {
            return [.. Memory.Rows<JobRow>().Where(j => instanceId is null || j.InstanceId == instanceId).OrderBy(j => j.DueAt)];
        }

        await using var db = Storage.CreateContext();
        var query = db.Jobs.AsNoTracking();
        if (instanceId is { } id)
        {
            query = query.Where(j => j.InstanceId == id);
        }

        return await query.OrderBy(j => j.DueAt).ToListAsync();
    }

    /// <summary>Every row of one table, read from the database or the in-memory tables alike.</summary>
    public async Task<List<TRow>> RowsAsync<TRow>()
        where TRow : class
    {
        if (Memory is not null)
        {
            return [.. Memory.Rows<TRow>()];
        }

        await using var db = Storage.CreateContext();
        return await db.Set<TRow>().AsNoTracking().ToListAsync();
    }

    /// <summary>Moves the clock and runs every job that has become due (including ones they create).</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunDueJobsAsync();
    }

    public async Task<int> RunDueJobsAsync()
    {
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var ran = await Executor.RunDueJobsAsync(CancellationToken.None);
            total += ran;
            if (ran == 0)
            {
                break;
            }
        }

        return total;
    }

    public static IReadOnlyDictionary<string, JsonNode?>? Vars(object? variables)
    {
        if (variables is null)
        {
            return null;
        }

        var node = System.Text.Json.JsonSerializer.SerializeToNode(variables)!.AsObject();
        return node.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone());
    }

    public async ValueTask DisposeAsync()
    {
        _storage?.Dispose();
        _folder?.Dispose();
        if (_postgresDatabase is not null)
        {
            await _postgresDatabase.DisposeAsync();
        }

        Executor.Dispose();
    }
}
