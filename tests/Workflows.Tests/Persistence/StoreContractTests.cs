using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// What every store behind the engine's seam (<see cref="IInstanceStore"/>) promises, run against all three: in
/// memory, SQLite and PostgreSQL. Behaviour tests run in memory because of this class: a store that keeps these
/// promises runs the engine the same way.
/// </summary>
public sealed class StoreContractTests
{
    public static TheoryData<Store> Stores => [Store.Memory, Store.Sqlite, Store.Postgres];

    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:message id="Msg" name="paid" />
          <bpmn:process id="contract" isExecutable="true">
            <bpmn:extensionElements><camunda:properties><camunda:property name="caseNumberPrefix" value="TS" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="review" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="wait" />
            <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="push" />
            <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="later" />
            <bpmn:userTask id="review" name="审核" camunda:candidateGroups="community,street" />
            <bpmn:receiveTask id="wait" messageRef="Msg" />
            <bpmn:serviceTask id="push" camunda:type="external" camunda:topic="notify" />
            <bpmn:intermediateCatchEvent id="later"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f6" sourceRef="review" targetRef="join" />
            <bpmn:sequenceFlow id="f7" sourceRef="wait" targetRef="join" />
            <bpmn:sequenceFlow id="f8" sourceRef="push" targetRef="join" />
            <bpmn:sequenceFlow id="f9" sourceRef="later" targetRef="join" />
            <bpmn:parallelGateway id="join" />
            <bpmn:sequenceFlow id="f10" sourceRef="join" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Ticking = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="ticking" isExecutable="true">
            <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="t1" sourceRef="tick" targetRef="tend" />
            <bpmn:endEvent id="tend" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_command_on_a_stale_revision_is_refused_and_writes_nothing(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployXmlAsync(Xml);
        var id = (await t.StartAsync("contract", businessKey: "B-1")).Id;
        var seam = t.Engine.Store;

        // A command loads revision 1 and commits revision 2; a command that read revision 1 then commits too late.
        var stale = (await seam.ReadInstanceAsync(id, CancellationToken.None))!.State;
        await using (var first = await seam.BeginAsync(beforeWriter: false, CancellationToken.None))
        {
            var one = new CommandContext(t.Engine, first, t.Clock.GetUtcNow(), "one");
            var runner = await one.GetAsync(id, CancellationToken.None);
            runner.SetVariables(runner.State.RootScope.Id, Vars(("who", "one")));
            await first.CommitAsync(one, CancellationToken.None);
        }

        WorkflowException refused;
        await using (var late = await seam.BeginAsync(beforeWriter: false, CancellationToken.None))
        {
            var context = new CommandContext(t.Engine, late, t.Clock.GetUtcNow(), "late");
            var behind = context.Add(new LoadedInstance(stale, await t.Engine.Definitions.GetAsync(stale.DefinitionId), revision: 1, isNew: false)
            {
                Stored = Projections.Snapshot(stale),
            });
            behind.SetVariables(stale.RootScope.Id, Vars(("who", "late")));
            refused = await Assert.ThrowsAsync<WorkflowException>(async () => await late.CommitAsync(context, CancellationToken.None));
        }

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Equal("one", (await t.InstanceAsync(id)).Variables["who"]!.GetValue<string>());
        Assert.DoesNotContain((await t.Engine.ReadJournalAsync(id)).Entries, e => e.Actor == "late");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Projections_follow_the_document_and_the_journal_reads_back_intact(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployXmlAsync(Xml);
        var id = (await t.StartAsync("contract", businessKey: "B-2", jurisdiction: "nanzha")).Id;

        var task = await t.TaskAsync(id, "review");
        Assert.Equal(("nanzha", "B-2", "contract:1"), (task.Jurisdiction, task.BusinessKey, task.DefinitionId));
        Assert.Equal(["community", "street"], (await t.RowsAsync<TaskCandidateRow>()).Where(c => c.TaskId == task.Id).Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Single(await t.RowsAsync<SubscriptionRow>(), s => s.InstanceId == id && s.MessageName == "paid" && s.BusinessKey == "B-2");
        Assert.Single(await t.RowsAsync<ExternalTaskRow>(), e => e.InstanceId == id && e.Topic == "notify");
        Assert.Single(await t.JobsAsync(id));

        await t.Engine.ClaimTaskAsync(task.Id, "li");
        Assert.Equal("li", (await t.TaskAsync(id, "review")).Assignee);
        await t.Engine.CompleteTaskAsync(task.Id, null, "li");

        Assert.Empty(await t.TasksAsync(id));
        Assert.DoesNotContain(await t.RowsAsync<TaskCandidateRow>(), c => c.TaskId == task.Id);
        var (entries, verification) = await t.Engine.ReadJournalAsync(id);
        Assert.True(verification.Intact, verification.Message);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Contains(entries, e => e.Type == "TaskCompleted" && e.Actor == "li");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Messages_external_tasks_and_timers_are_found_through_the_store(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployXmlAsync(Xml);
        var id = (await t.StartAsync("contract", businessKey: "B-3")).Id;

        // Two workers: a task is locked to one of them only, and only its worker may complete it.
        var topics = new[] { new TopicRequest("notify", 60_000) };
        var a = await t.Engine.FetchAndLockAsync("worker-a", 10, topics);
        var b = await t.Engine.FetchAndLockAsync("worker-b", 10, topics);
        var locked = Assert.Single(a);
        Assert.Empty(b);
        Assert.Equal("B-3", locked.BusinessKey);
        await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CompleteExternalTaskAsync(locked.Id, "worker-b", null));
        await t.Engine.CompleteExternalTaskAsync(locked.Id, "worker-a", null);

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "paid", BusinessKey = "B-3" });
        await t.CompleteAsync(id, "review");
        Assert.Equal(t.Clock.GetUtcNow() + TimeSpan.FromHours(1), await t.Engine.NextJobDueAsync());

        Assert.Equal(1, await t.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.Equal("completed", (await t.InstanceAsync(id)).Status);
        Assert.Empty(await t.JobsAsync(id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_due_job_is_leased_to_one_owner_and_a_dead_owners_lease_counts_as_a_failed_try(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployXmlAsync(Xml);
        var id = (await t.StartAsync("contract")).Id;
        t.Clock.Advance(TimeSpan.FromHours(1));

        var first = await t.Engine.AcquireJobsAsync("node-a/1", 10);
        var second = await t.Engine.AcquireJobsAsync("node-b/1", 10);
        var job = Assert.Single(first);
        Assert.Empty(second);

        // node-a starts again: its old lease is taken back at once and counts as one failed try.
        Assert.Equal(1, await t.Engine.ReclaimLeasesAsync("node-a/", "node-a/2"));
        var again = await t.Engine.AcquireJobsAsync("node-a/2", 10);
        Assert.Equal([job], again);
        var row = Assert.Single(await t.JobsAsync(id));
        Assert.Equal(t.Engine.Options.DefaultRetries - 1, row.Retries);
        Assert.Contains("node-a/1", row.LastError, StringComparison.Ordinal);

        await t.Engine.ReleaseJobAsync(job);
        Assert.Null(Assert.Single(await t.JobsAsync(id)).LockOwner);
        Assert.True(await t.Engine.ExecuteJobAsync(job));
        Assert.False(await t.Engine.ExecuteJobAsync(job));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Deployments_version_by_content_and_a_new_version_replaces_the_timer_start(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var dry = await t.Engine.DeployAsync(new Anju.Workflows.Deployment.DeploymentRequest { Files = [new Anju.Workflows.Deployment.DeploymentFile("t.bpmn", Ticking)], DryRun = true });
        Assert.True(dry.Succeeded);
        Assert.Empty(await t.RowsAsync<DefinitionRow>());
        Assert.Empty(await t.RowsAsync<JobRow>());

        await t.DeployXmlAsync(Ticking);
        var same = await t.DeployXmlAsync(Ticking);
        Assert.All(same.Definitions, d => Assert.False(d.IsNew));
        var v1Timer = Assert.Single(await t.RowsAsync<JobRow>(), j => j.InstanceId == null);
        Assert.Equal("ticking:1", v1Timer.DefinitionId);

        var changed = await t.DeployXmlAsync(Ticking.Replace("R/PT1H", "R/PT2H", StringComparison.Ordinal));
        Assert.Contains(changed.Definitions, d => d.Id == "ticking:2" && d.IsNew);
        var timer = Assert.Single(await t.RowsAsync<JobRow>(), j => j.InstanceId == null);
        Assert.Equal("ticking:2", timer.DefinitionId);
        Assert.Equal(["ticking:1", "ticking:2"], (await t.RowsAsync<DefinitionRow>()).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Parallel_starts_take_distinct_case_numbers_in_sequence(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await t.DeployXmlAsync(Xml);

        var started = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => t.StartAsync("contract"))));

        var year = CaseNumbers.YearOf(t.Clock.GetUtcNow());
        Assert.Equal(
            Enumerable.Range(1, 12).Select(n => CaseNumbers.Format("TS", year, n)),
            started.Select(s => s.CaseNumber).Order(StringComparer.Ordinal));
        Assert.Equal(12, (await t.RowsAsync<InstanceRow>()).Select(i => i.CaseNumber).Distinct().Count());
    }

    private static Dictionary<string, JsonNode?> Vars(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => (JsonNode?)JsonValue.Create(v.Value));
}
