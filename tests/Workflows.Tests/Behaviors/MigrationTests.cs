using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Process instance migration (Camunda 7's model): running instances move from one version to another under a
/// plan that maps their active activities; each instance all or nothing, with its rows and journal.
/// </summary>
public sealed class MigrationTests
{
    private static string Bpmn(string key, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="{key}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → a → end, with <paramref name="a"/> as the middle element's XML (id "a" or another).</summary>
    private static string Line(string key, string a, string next = "end") => Bpmn(key, $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{IdOf(a)}" />
            {a}
            <bpmn:sequenceFlow id="f2" sourceRef="{IdOf(a)}" targetRef="{next}" />
            {(next == "end" ? "" : $"""<bpmn:userTask id="{next}" name="后续" /><bpmn:sequenceFlow id="f3" sourceRef="{next}" targetRef="end" />""")}
            <bpmn:endEvent id="end" />
        """);

    private static string IdOf(string xml)
    {
        var start = xml.IndexOf("id=\"", StringComparison.Ordinal) + 4;
        return xml[start..xml.IndexOf('"', start)];
    }

    private static async Task<string> DeployAsync(TestEngine t, string xml)
    {
        var result = await t.DeployXmlAsync(xml);
        return result.Definitions.Single().Id;
    }

    private static async Task<InstanceRow> RowAsync(TestEngine t, Guid id) => Assert.Single(await t.InstancesAsync(i => i.Id == id));

    private static async Task<MigrationPlan> PlanAsync(TestEngine t, string from, string to, params MigrationInstruction[] given)
    {
        var check = await t.Engine.CheckMigrationAsync(from, to, given, null);
        return check.Plan;
    }

    private static async Task<List<JournalRow>> JournalAsync(TestEngine t, Guid id) => [.. (await t.Engine.ReadJournalAsync(id)).Entries];

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_waiting_user_task_moves_to_the_new_version_with_its_rows_and_a_journal_entry(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, Line("m", """<bpmn:userTask id="a" name="受理" camunda:candidateGroups="community" />"""));
        var started = await t.StartAsync("m", businessKey: "BK-1");
        var before = await t.TaskAsync(started.Id, "a");
        var v2 = await DeployAsync(t, Line("m", """<bpmn:userTask id="a" name="受理（新）" camunda:candidateGroups="community" />""", next: "check"));

        var plan = await PlanAsync(t, v1, v2);
        Assert.Contains(new MigrationInstruction("a", "a"), plan.Instructions);
        await t.Engine.MigrateAsync(started.Id, plan, "修正办理时限", "admin");

        var row = await RowAsync(t, started.Id);
        Assert.Equal((v2, 2), (row.DefinitionId, row.DefinitionVersion));
        var task = await t.TaskAsync(started.Id, "a");
        Assert.Equal(before.Id, task.Id); // the same task, its assignment and creation time kept
        Assert.Equal((v2, "受理（新）", before.CreatedAt), (task.DefinitionId, task.Name, task.CreatedAt));
        Assert.Equal("community", task.CandidateGroups);

        // It carries on as the new version runs: v2 has a step "check" after "a".
        await t.CompleteAsync(started.Id, "a");
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "check");

        var migrated = Assert.Single(await JournalAsync(t, started.Id), j => j.Type == "InstanceMigrated");
        Assert.Equal("admin", migrated.Actor);
        var details = JsonNode.Parse(migrated.Details!)!;
        Assert.Equal(("修正办理时限", v1, v2), ((string?)details["reason"], (string?)details["from"], (string?)details["to"]));
        Assert.Equal("a", (string?)details["mapping"]!["a"]);
        Assert.True((await t.Engine.ReadJournalAsync(started.Id)).Verification.Intact);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task An_unmapped_active_activity_refuses_the_instance_and_leaves_it_untouched(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, Line("m", """<bpmn:userTask id="a" name="受理" />"""));
        var started = await t.StartAsync("m");
        var v2 = await DeployAsync(t, Line("m", """<bpmn:userTask id="accept" name="受理" />"""));
        var revision = (await RowAsync(t, started.Id)).Revision;

        var check = await t.Engine.CheckMigrationAsync(v1, v2, null, null);
        var problem = Assert.Single(check.Problems);
        Assert.Equal(("a", "unmapped"), (problem.ActivityId, problem.Code));
        Assert.Equal(["a"], Assert.Single(check.Instances).ActiveActivities);

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => t.Engine.MigrateAsync(started.Id, check.Plan, "r", "admin"));
        Assert.Equal("unmapped", Assert.Single(refused.Problems).Code);
        var row = await RowAsync(t, started.Id);
        Assert.Equal((v1, revision), (row.DefinitionId, row.Revision));
        Assert.Equal(v1, (await t.TaskAsync(started.Id, "a")).DefinitionId);
        Assert.DoesNotContain(await JournalAsync(t, started.Id), j => j.Type == "InstanceMigrated");

        // Mapped by hand, it moves.
        var plan = await PlanAsync(t, v1, v2, new MigrationInstruction("a", "accept"));
        await t.Engine.MigrateAsync(started.Id, plan, "r", "admin");
        Assert.Equal(v2, (await t.TaskAsync(started.Id, "accept")).DefinitionId);
    }

    [Fact]
    public async Task Incompatible_or_unknown_instructions_are_problems_of_the_plan()
    {
        await using var t = await TestEngine.CreateAsync();
        var v1 = await DeployAsync(t, Line("m", """<bpmn:userTask id="a" />"""));
        var v2 = await DeployAsync(t, Line("m", """<bpmn:intermediateCatchEvent id="b"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""));

        var check = await t.Engine.CheckMigrationAsync(v1, v2, [new("a", "b"), new("a", "nowhere"), new("ghost", "b")], null);

        Assert.Contains(check.Problems, p => p.ActivityId == "a" && p.Code == "incompatibleActivity");
        Assert.Contains(check.Problems, p => p.ActivityId == "a" && p.Code == "unknownTargetActivity");
        Assert.Contains(check.Problems, p => p.ActivityId == "ghost" && p.Code == "unknownSourceActivity");
        await Assert.ThrowsAsync<MigrationRefusedException>(() => t.Engine.MigrateAsync(Guid.NewGuid(), new MigrationPlan(v1, v2, [new("a", "b")]), "r", "admin"));
    }

    private static string TaskWithBoundary(string boundaryId, string duration) => $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
            <bpmn:userTask id="a" name="办理" />
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="end" />
            <bpmn:boundaryEvent id="{boundaryId}" attachedToRef="a">
              <bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="{boundaryId}" targetRef="escalate" />
            <bpmn:userTask id="escalate" name="督办" />
            <bpmn:sequenceFlow id="f4" sourceRef="escalate" targetRef="end" />
            <bpmn:endEvent id="end" />
        """;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_mapped_boundary_timer_is_kept_an_unmapped_one_removed_and_a_new_one_attached(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, Bpmn("m", TaskWithBoundary("deadline", "PT2H")));
        var kept = await t.StartAsync("m");
        var keptJob = Assert.Single(await t.JobsAsync(kept.Id));
        var v2 = await DeployAsync(t, Bpmn("m", TaskWithBoundary("deadline", "PT10H")));
        var v3 = await DeployAsync(t, Bpmn("m", TaskWithBoundary("overdue", "PT5H")));

        // Mapped boundary event: the timer is kept as it was (due after 2 hours, not 10).
        await t.Engine.MigrateAsync(kept.Id, await PlanAsync(t, v1, v2), "r", "admin");
        var job = Assert.Single(await t.JobsAsync(kept.Id));
        Assert.Equal((keptJob.Id, keptJob.DueAt, v2, "deadline"), (job.Id, job.DueAt, job.DefinitionId, job.ActivityId));

        // To v3, whose boundary event has another id: the old timer goes, v3's is created from now.
        t.Clock.Advance(TimeSpan.FromHours(1));
        await t.Engine.MigrateAsync(kept.Id, await PlanAsync(t, v2, v3), "r", "admin");
        job = Assert.Single(await t.JobsAsync(kept.Id));
        Assert.Equal(("overdue", v3), (job.ActivityId, job.DefinitionId));
        Assert.Equal(t.Clock.GetUtcNow().UtcDateTime.AddHours(5), job.DueAt);

        // And it fires as v3 says.
        await t.AdvanceAsync(TimeSpan.FromHours(5));
        Assert.Equal(["escalate"], (await t.TasksAsync(kept.Id)).Select(x => x.ActivityId));
    }

    [Fact]
    public async Task A_waiting_timer_catch_event_keeps_its_job()
    {
        await using var t = await TestEngine.CreateAsync();
        string Model(string after) => Line("m", """<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", after);
        var v1 = await DeployAsync(t, Model("end"));
        var started = await t.StartAsync("m");
        var before = Assert.Single(await t.JobsAsync(started.Id));
        var v2 = await DeployAsync(t, Model("review"));

        await t.Engine.MigrateAsync(started.Id, await PlanAsync(t, v1, v2), "r", "admin");

        Assert.Equal((before.Id, v2), (Assert.Single(await t.JobsAsync(started.Id)).Id, Assert.Single(await t.JobsAsync(started.Id)).DefinitionId));
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "review");
    }

    private static string WithdrawableCheck(string messageName, string after = "end") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://anju.test">
          <bpmn:message id="M" name="{messageName}" />
          <bpmn:process id="m" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" />
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="check"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="withdrawn" targetRef="{after}" />
            {(after == "end" ? "" : $"""<bpmn:userTask id="{after}" /><bpmn:sequenceFlow id="f5" sourceRef="{after}" targetRef="end" />""")}
            <bpmn:sequenceFlow id="f4" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_mapped_message_boundary_event_waits_for_the_new_versions_message(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, WithdrawableCheck("complaint-withdrawn"));
        var started = await t.StartAsync("m", businessKey: "BK-9");
        var v2 = await DeployAsync(t, WithdrawableCheck("complaint-withdrawn-v2", after: "confirmWithdrawal"));

        await t.Engine.MigrateAsync(started.Id, await PlanAsync(t, v1, v2), "r", "admin");

        await using (var db = t.Storage.CreateContext())
        {
            var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(x => x.InstanceId == started.Id);
            Assert.Equal(("withdrawn", "complaint-withdrawn-v2"), (subscription.ActivityId, subscription.MessageName));
        }

        var old = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "BK-9" }));
        Assert.Equal(WorkflowErrorKind.NotFound, old.Kind);
        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn-v2", BusinessKey = "BK-9" });
        Assert.Equal(["confirmWithdrawal"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
    }

    /// <summary>A task "a" in a process with a message event subprocess "withdraw" (its start "withdrawStart"), or none.</summary>
    private static string WithEventSubProcess(string? message) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          {{(message is null ? "" : $"""<bpmn:message id="M" name="{message}" />""")}}
          <bpmn:process id="es" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
            <bpmn:userTask id="a" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="end" />
            <bpmn:endEvent id="end" />
            {{(message is null ? "" : """
            <bpmn:subProcess id="withdraw" triggeredByEvent="true">
              <bpmn:startEvent id="withdrawStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
              <bpmn:sequenceFlow id="w1" sourceRef="withdrawStart" targetRef="confirm" />
              <bpmn:userTask id="confirm" camunda:candidateGroups="community" />
              <bpmn:sequenceFlow id="w2" sourceRef="confirm" targetRef="withdrawEnd" />
              <bpmn:endEvent id="withdrawEnd" />
            </bpmn:subProcess>
            """)}}
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Memory)]
    public async Task An_armed_event_subprocess_listens_for_the_new_versions_message_after_migration_is_gone_when_removed_and_armed_when_added(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, WithEventSubProcess("complaint-withdrawn"));
        var moved = await t.StartAsync("es", businessKey: "ES-1");
        var dropped = await t.StartAsync("es", businessKey: "ES-2");
        var v2 = await DeployAsync(t, WithEventSubProcess("complaint-withdrawn-v2"));
        var v3 = await DeployAsync(t, WithEventSubProcess(null));
        var added = await t.StartAsync("es", businessKey: "ES-3");

        await t.Engine.MigrateAsync(moved.Id, await PlanAsync(t, v1, v2), "r", "admin");
        await t.Engine.MigrateAsync(dropped.Id, await PlanAsync(t, v1, v3), "r", "admin");
        await t.Engine.MigrateAsync(added.Id, await PlanAsync(t, v3, v2), "r", "admin");

        var old = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "ES-1" }));
        Assert.Equal(WorkflowErrorKind.NotFound, old.Kind);
        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn-v2", BusinessKey = "ES-1" });
        Assert.Equal(["a", "confirm"], (await t.TasksAsync(moved.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal));
        var gone = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn", BusinessKey = "ES-2" }));
        Assert.Equal(WorkflowErrorKind.NotFound, gone.Kind);
        await t.CompleteAsync(dropped.Id, "a");
        Assert.Equal("completed", (await t.InstanceAsync(dropped.Id)).Status);
        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "complaint-withdrawn-v2", BusinessKey = "ES-3" });
        Assert.Equal(["a", "confirm"], (await t.TasksAsync(added.Id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal));
    }

    private static string Countersign(bool multiInstance, string next = "end") => Line("m", $"""
            <bpmn:userTask id="sign" name="会签" camunda:assignee="${"${signer}"}">
              {(multiInstance ? """<bpmn:multiInstanceLoopCharacteristics camunda:collection="signers" camunda:elementVariable="signer" />""" : "")}
            </bpmn:userTask>
        """, next);

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_multi_instance_activity_moves_with_its_open_iterations(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, Countersign(true));
        var started = await t.StartAsync("m", new { signers = new[] { "li", "wang", "zhao" } });
        var first = (await t.TasksAsync(started.Id)).First();
        await t.Engine.CompleteTaskAsync(first.Id, null, first.Assignee);
        var v2 = await DeployAsync(t, Countersign(true, next: "archive"));

        await t.Engine.MigrateAsync(started.Id, await PlanAsync(t, v1, v2), "r", "admin");

        var open = await t.TasksAsync(started.Id);
        Assert.Equal(2, open.Count);
        Assert.All(open, x => Assert.Equal(v2, x.DefinitionId));
        foreach (var task in open)
        {
            await t.Engine.CompleteTaskAsync(task.Id, null, task.Assignee);
        }

        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "archive");
    }

    [Fact]
    public async Task A_multi_instance_activity_cannot_map_to_a_single_one_nor_the_other_way()
    {
        await using var t = await TestEngine.CreateAsync();
        var multi = await DeployAsync(t, Countersign(true));
        var started = await t.StartAsync("m", new { signers = new[] { "li", "wang" } });
        var single = await DeployAsync(t, Countersign(false));
        var once = await t.StartAsync("m");
        var multiAgain = await DeployAsync(t, Countersign(true, next: "archive"));

        var check = await t.Engine.CheckMigrationAsync(multi, single, null, [started.Id]);
        Assert.Equal(("sign", "multiInstanceMismatch"), (Assert.Single(check.Problems).ActivityId, Assert.Single(check.Problems).Code));
        await Assert.ThrowsAsync<MigrationRefusedException>(() => t.Engine.MigrateAsync(started.Id, check.Plan, "r", "admin"));

        check = await t.Engine.CheckMigrationAsync(single, multiAgain, null, [once.Id]);
        Assert.Equal("multiInstanceMismatch", Assert.Single(check.Problems).Code);
    }

    private static string InSubProcess(bool taskInside, string after = "end") => Bpmn("m", $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{(taskInside ? "sub" : "a")}" />
            <bpmn:subProcess id="sub" name="处置">
              <bpmn:startEvent id="subStart" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="{(taskInside ? "a" : "b")}" />
              {(taskInside ? """<bpmn:userTask id="a" name="现场核查" />""" : """<bpmn:userTask id="b" />""")}
              <bpmn:sequenceFlow id="s2" sourceRef="{(taskInside ? "a" : "b")}" targetRef="subEnd" />
              <bpmn:endEvent id="subEnd" />
            </bpmn:subProcess>
            {(taskInside ? "" : """<bpmn:userTask id="a" /><bpmn:sequenceFlow id="fa" sourceRef="a" targetRef="sub" />""")}
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="{after}" />
            {(after == "end" ? "" : $"""<bpmn:userTask id="{after}" /><bpmn:sequenceFlow id="f3" sourceRef="{after}" targetRef="end" />""")}
            <bpmn:endEvent id="end" />
        """);

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_token_inside_an_embedded_subprocess_moves_with_its_scope(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, InSubProcess(true));
        var started = await t.StartAsync("m");
        var v2 = await DeployAsync(t, InSubProcess(true, after: "report"));

        var check = await t.Engine.CheckMigrationAsync(v1, v2, null, null);
        Assert.Empty(check.Problems);
        Assert.Equal(["sub", "a"], Assert.Single(check.Instances).ActiveActivities);
        await t.Engine.MigrateAsync(started.Id, check.Plan, "r", "admin");

        await t.CompleteAsync(started.Id, "a");
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "report");
    }

    [Fact]
    public async Task A_task_cannot_leave_its_subprocess_by_migration()
    {
        await using var t = await TestEngine.CreateAsync();
        var v1 = await DeployAsync(t, InSubProcess(true));
        var started = await t.StartAsync("m");
        var v2 = await DeployAsync(t, InSubProcess(false));

        var check = await t.Engine.CheckMigrationAsync(v1, v2, null, [started.Id]);

        Assert.Contains(check.Problems, p => p.ActivityId == "a" && p.Code == "scopeChanged");
        await Assert.ThrowsAsync<MigrationRefusedException>(() => t.Engine.MigrateAsync(started.Id, check.Plan, "r", "admin"));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_call_activity_keeps_waiting_for_its_child_and_resumes_in_the_new_version(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        await DeployAsync(t, Line("child", """<bpmn:userTask id="work" />"""));
        var v1 = await DeployAsync(t, Line("parent", """<bpmn:callActivity id="call" calledElement="child" />"""));
        var parent = await t.StartAsync("parent");
        var child = Assert.Single(await t.InstancesAsync(i => i.ParentInstanceId == parent.Id));
        var v2 = await DeployAsync(t, Line("parent", """<bpmn:callActivity id="call" calledElement="child" />""", next: "close"));

        await t.Engine.MigrateAsync(parent.Id, await PlanAsync(t, v1, v2), "r", "admin");
        Assert.Equal(v2, (await RowAsync(t, parent.Id)).DefinitionId);

        await t.CompleteAsync(child.Id, "work");
        Assert.Equal("completed", (await t.InstanceAsync(child.Id)).Status);
        Assert.Single(await t.TasksAsync(parent.Id), x => x.ActivityId == "close");
    }

    private static string ForkJoin(string flowIntoJoin, string after = "end") => Bpmn("m", $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="fa" sourceRef="fork" targetRef="a" />
            <bpmn:sequenceFlow id="fb" sourceRef="fork" targetRef="b" />
            <bpmn:userTask id="a" name="物业整改" />
            <bpmn:userTask id="b" name="社区复查" />
            <bpmn:sequenceFlow id="{flowIntoJoin}" sourceRef="a" targetRef="join" />
            <bpmn:sequenceFlow id="bj" sourceRef="b" targetRef="join" />
            <bpmn:parallelGateway id="join" />
            <bpmn:sequenceFlow id="f2" sourceRef="join" targetRef="{after}" />
            {(after == "end" ? "" : $"""<bpmn:userTask id="{after}" /><bpmn:sequenceFlow id="f3" sourceRef="{after}" targetRef="end" />""")}
            <bpmn:endEvent id="end" />
        """);

    [Fact]
    public async Task A_branch_waiting_at_a_join_moves_when_the_flow_it_came_by_is_kept_and_is_refused_otherwise()
    {
        await using var t = await TestEngine.CreateAsync();
        var v1 = await DeployAsync(t, ForkJoin("aj"));
        var started = await t.StartAsync("m");
        await t.CompleteAsync(started.Id, "a"); // one branch waits at the join
        var renamed = await DeployAsync(t, ForkJoin("aToJoin"));
        var kept = await DeployAsync(t, ForkJoin("aj", after: "archive"));

        var check = await t.Engine.CheckMigrationAsync(v1, renamed, null, [started.Id]);
        Assert.Equal(("join", "joinFlowMissing"), (Assert.Single(check.Problems).ActivityId, Assert.Single(check.Problems).Code));

        await t.Engine.MigrateAsync(started.Id, await PlanAsync(t, v1, kept), "r", "admin");
        await t.CompleteAsync(started.Id, "b");
        Assert.Equal(["archive"], (await t.TasksAsync(started.Id)).Select(x => x.ActivityId));
    }

    private static string Routing(string condition) => Bpmn("m", $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="route" />
            <bpmn:exclusiveGateway id="route" name="分派" default="f3" />
            <bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="urgent"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="route" targetRef="normal" />
            <bpmn:userTask id="urgent" />
            <bpmn:userTask id="normal" />
            <bpmn:sequenceFlow id="f4" sourceRef="urgent" targetRef="end" />
            <bpmn:sequenceFlow id="f5" sourceRef="normal" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task An_instance_stuck_in_an_incident_moves_with_it_and_a_retry_runs_the_fixed_version(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        var v1 = await DeployAsync(t, Routing("${level == 'urgent'}"));
        var started = await t.StartAsync("m");
        var incident = Assert.Single((await t.InstanceAsync(started.Id)).Incidents);
        var v2 = await DeployAsync(t, Routing("${false}"));

        await t.Engine.MigrateAsync(started.Id, await PlanAsync(t, v1, v2), "修复条件", "admin");
        await using (var db = t.Storage.CreateContext())
        {
            Assert.Equal("route", (await db.Incidents.AsNoTracking().SingleAsync(i => i.InstanceId == started.Id)).ActivityId);
        }

        await t.Engine.RetryIncidentAsync(incident.Id, "admin");

        Assert.Empty((await t.InstanceAsync(started.Id)).Incidents);
        Assert.Single(await t.TasksAsync(started.Id), x => x.ActivityId == "normal");
    }

    [Fact]
    public async Task An_ended_instance_or_one_of_another_version_is_refused()
    {
        await using var t = await TestEngine.CreateAsync();
        var v1 = await DeployAsync(t, Line("m", """<bpmn:userTask id="a" />"""));
        var ended = await t.StartAsync("m");
        await t.CompleteAsync(ended.Id, "a");
        var v2 = await DeployAsync(t, Line("m", """<bpmn:userTask id="a" />""", next: "b"));
        var onV2 = await t.StartAsync("m");
        var plan = await PlanAsync(t, v1, v2);

        Assert.Equal("instanceEnded", Assert.Single((await Assert.ThrowsAsync<MigrationRefusedException>(() => t.Engine.MigrateAsync(ended.Id, plan, "r", "admin"))).Problems).Code);
        Assert.Equal("wrongSourceDefinition", Assert.Single((await Assert.ThrowsAsync<MigrationRefusedException>(() => t.Engine.MigrateAsync(onV2.Id, plan, "r", "admin"))).Problems).Code);
    }
}
