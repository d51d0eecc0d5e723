using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Handlers;
using Anju.Workflows.Jobs;
using Anju.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

// A node that the crash tests kill at a random moment: it runs due jobs of a SQLite database forever,
// each job's handler taking a little while so that a kill often lands inside a job's transaction, and so that the
// test, polling the database, sees a few timers fired and kills the probe before it has fired them all.
//   Anju.Workflows.CrashProbe <database> <bpmn file> <instances>
// It prints "ready" once its instances exist and "fired <n>" after each job.
var (database, model, count) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
var handlers = new ServiceTaskHandlers().Register("slow", async _ => await Task.Delay(50));
using var storage = WorkflowStorage.Sqlite(database);
await storage.MigrateAsync();
var engine = new WorkflowEngine(storage, handlers);
var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("probe.bpmn", File.ReadAllText(model))] });
if (!deployed.Succeeded)
{
    Console.Error.WriteLine(string.Join("; ", deployed.Problems.Select(p => p.Message)));
    return 2;
}

for (var i = 0; i < count; i++)
{
    await engine.StartAsync(new StartInstance { DefinitionKey = "crash-probe", BusinessKey = $"probe-{i}" });
}

Console.WriteLine("ready");
using var executor = new JobExecutor(engine, NullLogger<JobExecutor>.Instance) { BatchSize = 5 };
var fired = 0;
while (true)
{
    var ran = await executor.RunDueJobsAsync(CancellationToken.None);
    fired += ran;
    if (ran > 0)
    {
        Console.WriteLine($"fired {fired}");
    }
    else
    {
        await Task.Delay(10);
    }
}
