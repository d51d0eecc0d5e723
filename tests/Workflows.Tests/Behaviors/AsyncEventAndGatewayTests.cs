using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Asynchronous continuations on events and gateways (Camunda 7 user guide, "Transactions in Processes" →
/// "Asynchronous Continuations": asyncBefore and asyncAfter on every flow node): the step before or after them runs
/// in a job of its own transaction. Anju runs both on every flow node (on a none end event asyncAfter defers the path's
/// end). Boundary events, event-based gateways, link throws and terminate and error end events: their behaviour tests.
/// </summary>
public sealed class AsyncEventAndGatewayTests
{
    private static string Model(string body) => Bpmn.Process("async", body);

    [Fact]
    public async Task Async_before_a_start_event_stores_the_instance_before_anything_runs()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" camunda:asyncBefore="true">
              <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R5/PT1M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("async");

        Assert.Equal(["start"], started.ActiveActivityIds);
        Assert.Empty(await t.TasksAsync(started.Id));
        var job = Assert.Single(await t.JobsAsync(started.Id));
        Assert.Equal(("Async", "start", 5), (job.Kind, job.ActivityId, job.Retries));

        Assert.Equal(1, await t.RunDueJobsAsync());
        Assert.Equal(["review"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task Async_after_a_none_end_event_ends_the_instance_in_a_job()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" camunda:asyncAfter="true" />
            """));
        var id = (await t.StartAsync("async")).Id;

        await t.CompleteAsync(id, "review");

        var waiting = await t.InstanceAsync(id);
        Assert.Equal("active", waiting.Status);
        Assert.Equal(["end"], waiting.ActiveActivityIds);
        Assert.Equal(1, await t.RunDueJobsAsync());
        Assert.Equal("completed", (await t.InstanceAsync(id)).Status);
        Assert.Single((await t.Engine.ReadJournalAsync(id)).Entries, e => e.Type == "ActivityCompleted" && e.ActivityId == "end");
    }

    [Fact]
    public async Task Async_before_a_parallel_join_joins_in_a_job_and_the_next_step_keeps_its_own_continuation()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
            <bpmn:userTask id="a" camunda:candidateGroups="community" />
            <bpmn:userTask id="b" camunda:candidateGroups="street" />
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join" />
            <bpmn:parallelGateway id="join" camunda:asyncBefore="true" />
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="archive" />
            <bpmn:userTask id="archive" camunda:candidateGroups="community" camunda:asyncBefore="true" />
            <bpmn:sequenceFlow id="f7" sourceRef="archive" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var id = (await t.StartAsync("async")).Id;

        await t.CompleteAsync(id, "a");
        await t.CompleteAsync(id, "b");
        Assert.Equal(2, (await t.JobsAsync(id)).Count);

        // Both arrivals run; the second joins and moves on, and the task after the join waits for its own job.
        Assert.Equal(2, await t.Executor.RunDueJobsAsync(CancellationToken.None));
        var atArchive = await t.InstanceAsync(id);
        Assert.Equal(["archive"], atArchive.ActiveActivityIds);
        Assert.Empty(await t.TasksAsync(id));
        Assert.Equal("archive", Assert.Single(await t.JobsAsync(id)).ActivityId);

        await t.RunDueJobsAsync();
        Assert.Equal("archive", (await t.TaskAsync(id, "archive")).ActivityId);
    }

    [Fact]
    public async Task Async_after_a_timer_catch_event_goes_on_in_a_job_after_the_timer_fired()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait" camunda:asyncAfter="true"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var id = (await t.StartAsync("async")).Id;

        t.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await t.Executor.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(["wait"], (await t.InstanceAsync(id)).ActiveActivityIds);
        Assert.Equal("Async", Assert.Single(await t.JobsAsync(id)).Kind);

        Assert.Equal(1, await t.RunDueJobsAsync());
        Assert.Equal(["review"], (await t.InstanceAsync(id)).ActiveActivityIds);
    }

    [Fact]
    public async Task An_exclusive_gateway_with_asyncAfter_takes_the_flow_it_chose_in_a_job_of_its_own()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="choose" />
            <bpmn:exclusiveGateway id="choose" camunda:asyncAfter="true" default="f3" />
            <bpmn:sequenceFlow id="f2" sourceRef="choose" targetRef="urgent"><bpmn:conditionExpression>${amount > 1000}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="choose" targetRef="routine" />
            <bpmn:userTask id="urgent" camunda:candidateGroups="community" />
            <bpmn:userTask id="routine" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("async", new { amount = 5000 });
        Assert.Equal(["choose"], started.ActiveActivityIds);

        // The choice was made before the job: a change meanwhile does not make it again.
        await t.Engine.EditVariableAsync(started.Id, "amount", 10, "更正金额", "admin");
        Assert.Equal(1, await t.RunDueJobsAsync());

        Assert.Equal(["urgent"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_parallel_join_with_asyncAfter_forks_on_in_one_job_once_both_arrived()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
            <bpmn:userTask id="a" camunda:candidateGroups="community" />
            <bpmn:userTask id="b" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="join" />
            <bpmn:parallelGateway id="join" camunda:asyncAfter="true" />
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="c" />
            <bpmn:sequenceFlow id="f7" sourceRef="join" targetRef="d" />
            <bpmn:userTask id="c" camunda:candidateGroups="community" />
            <bpmn:userTask id="d" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("async");
        await t.CompleteAsync(started.Id, "a");
        await t.CompleteAsync(started.Id, "b");
        Assert.Equal(["join"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);

        Assert.Equal(1, await t.RunDueJobsAsync());

        Assert.Equal(["c", "d"], (await t.InstanceAsync(started.Id)).ActiveActivityIds.Order());
    }
}
