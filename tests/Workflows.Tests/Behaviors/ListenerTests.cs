using Anju.Workflows.Deployment;
using Anju.Workflows.Execution;
using Anju.Workflows.Handlers;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Execution and task listeners as Camunda 7 runs them (user guide, "Delegation Code" → "Execution Listener" and
/// "Task Listener", with its "Task Listener Event Lifecycle"): start listeners run as an element is entered (after
/// its input mapping), a user task's create listener after them and its assignment listener after create when the
/// task has an assignee; complete before the element's end listeners; take as a flow is taken; delete when a task is
/// cancelled instead of completed. A listener is a handler registered by name (class, delegateExpression) or an
/// expression, which may change variables through <c>execution.setVariable</c> / <c>task.setVariable</c>.
/// </summary>
public sealed class ListenerTests
{
    private static (ServiceTaskHandlers Handlers, List<string> Log) Recorder(params string[] names)
    {
        var log = new List<string>();
        var handlers = new ServiceTaskHandlers();
        foreach (var name in names)
        {
            handlers.Register(name, ctx =>
            {
                log.Add($"{name}@{ctx.ActivityId}");
                return ValueTask.CompletedTask;
            });
        }

        return (handlers, log);
    }

    [Fact]
    public async Task Listeners_run_in_Camunda_s_order_around_a_user_task()
    {
        var (handlers, log) = Recorder("start", "end", "take", "create", "assignment", "complete");
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("order", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:assignee="li">
              <bpmn:extensionElements>
                <camunda:executionListener event="end" class="end" />
                <camunda:taskListener event="complete" class="complete" />
                <camunda:taskListener event="assignment" class="assignment" />
                <camunda:taskListener event="create" class="create" />
                <camunda:executionListener event="start" delegateExpression="${start}" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end">
              <bpmn:extensionElements><camunda:executionListener event="take" class="take" /></bpmn:extensionElements>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("order");
        Assert.Equal(["start@check", "create@check", "assignment@check"], log);

        await t.CompleteAsync(started.Id, "check");

        Assert.Equal(["start@check", "create@check", "assignment@check", "complete@check", "end@check", "take@f2"], log);
    }

    [Fact]
    public async Task An_expression_listener_sets_variables_and_sees_the_inputs_and_the_completion()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("vars", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="base">${amount * 10}</camunda:inputParameter></camunda:inputOutput>
                <camunda:executionListener event="start" expression="${execution.setVariable('openedWith', base)}" />
                <camunda:executionListener event="end" expression="${execution.setVariable('closedAs', decision)}" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("vars", new { amount = 4 });
        Assert.Equal(40L, started.Variables["openedWith"]!.GetValue<long>());

        await t.CompleteAsync(started.Id, "check", new { decision = "同意" });

        var done = await t.InstanceAsync(started.Id);
        Assert.Equal("同意", done.Variables["closedAs"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_listener_expression_sees_the_task_and_writes_through_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("task", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" name="核对材料" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:taskListener event="create" expression="${task.setVariable('createdTask', task.name)}" />
                <camunda:taskListener event="assignment" expression="${task.setVariable('handledBy', task.assignee)}" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await t.StartAsync("task");
        Assert.Equal("核对材料", started.Variables["createdTask"]!.GetValue<string>());
        Assert.False(started.Variables.ContainsKey("handledBy"));

        var claimed = await t.Engine.ClaimTaskAsync((await t.TaskAsync(started.Id, "check")).Id, "wang");

        Assert.Equal("wang", claimed.Variables["handledBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_cancelled_by_an_interrupting_boundary_event_fires_delete_then_end_not_complete_and_maps_nothing_out()
    {
        var (handlers, log) = Recorder("complete", "delete", "end");
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("overdue", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:outputParameter name="checked">${true}</camunda:outputParameter></camunda:inputOutput>
                <camunda:taskListener event="complete" class="complete" />
                <camunda:taskListener event="delete" class="delete" />
                <camunda:executionListener event="end" class="end" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:boundaryEvent id="late" attachedToRef="check"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="escalated" />
            <bpmn:userTask id="escalated" camunda:candidateGroups="street-office" />
            """));
        var started = await t.StartAsync("overdue");

        await t.AdvanceAsync(TimeSpan.FromHours(2));

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["escalated"], after.ActiveActivityIds);
        Assert.Equal(["delete@check", "end@check"], log);
        Assert.False(after.Variables.ContainsKey("checked"));
    }

    [Fact]
    public async Task A_failing_listener_stops_the_token_with_an_incident_and_its_writes_are_undone()
    {
        var handlers = new ServiceTaskHandlers().Register("audit", ctx =>
        {
            ctx.SetVariable("audited", true);
            throw new InvalidOperationException("审计服务不可用");
        });
        await using var t = await TestEngine.CreateAsync(Store.Sqlite, handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("fail", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
            <bpmn:exclusiveGateway id="gate" />
            <bpmn:sequenceFlow id="f2" sourceRef="gate" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community">
              <bpmn:extensionElements><camunda:executionListener event="start" class="audit" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("fail");

        var incident = Assert.Single(started.Incidents);
        Assert.Equal(("check", "listener"), (incident.ActivityId, incident.Type));
        Assert.Contains("审计服务不可用", incident.Message, StringComparison.Ordinal);
        Assert.False(started.Variables.ContainsKey("audited"));
        Assert.Empty(await t.TasksAsync(started.Id));
    }

    [Fact]
    public async Task A_complete_listener_that_fails_refuses_the_completion_and_changes_nothing()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("refuse", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community">
              <bpmn:extensionElements><camunda:taskListener event="complete" expression="${execution.setVariable('total', amount * 2)}" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await t.StartAsync("refuse");
        var task = await t.TaskAsync(started.Id, "check");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CompleteTaskAsync(task.Id, TestEngine.Vars(new { note = "x" }), "li"));

        Assert.Equal(WorkflowErrorKind.InvalidState, refused.Kind);
        Assert.Contains("amount", refused.Message, StringComparison.Ordinal);
        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["check"], after.ActiveActivityIds);
        Assert.False(after.Variables.ContainsKey("note"));

        await t.CompleteAsync(started.Id, "check", new { amount = 3 });
        Assert.Equal(6L, (await t.InstanceAsync(started.Id)).Variables["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_listener_with_no_handler_and_no_expression_Anju_can_evaluate_is_refused_at_deploy_even_for_external_fallback()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Bpmn.Process("unknown", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community">
              <bpmn:extensionElements><camunda:executionListener event="start" class="com.acme.Audit" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("u.bpmn", xml)], UnknownServiceTasksAsExternal = true });

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("check", ProblemCodes.UnknownHandler), (problem.ElementId, problem.Code));
        Assert.Contains("com.acme.Audit", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<camunda:executionListener event="start"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:executionListener>""", "scripts cannot be sandboxed")]
    [InlineData("""<camunda:taskListener event="timeout" expression="${true}"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></camunda:taskListener>""", "has no id")]
    [InlineData("""<camunda:taskListener event="timeout" id="t" expression="${true}" />""", "has no timerEventDefinition")]
    [InlineData("""<camunda:taskListener event="update" expression="${true}" />""", "update")]
    [InlineData("""<camunda:executionListener event="take" expression="${true}" />""", "event \"take\"")]
    [InlineData("""<camunda:executionListener event="start" class="a" expression="${true}" />""", "exactly one")]
    [InlineData("""<camunda:executionListener event="start" class="a"><camunda:field name="x" stringValue="1" /></camunda:executionListener>""", "field injection")]
    public async Task Listeners_Anju_cannot_run_as_written_are_refused_with_the_element(string listener, string expected)
    {
        await using var t = await TestEngine.CreateAsync(handlers: new ServiceTaskHandlers().Register("a", _ => ValueTask.CompletedTask));
        var xml = Bpmn.Process("bad", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community"><bpmn:extensionElements>{{listener}}</bpmn:extensionElements></bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("b.bpmn", xml)] });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "check" && p.Line > 0 && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_activiti_namespace_model_runs_its_listeners_like_its_camunda_twin()
    {
        var (handlers, log) = Recorder("audit");
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync("""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" id="D" targetNamespace="t">
              <process id="legacy" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="check" />
                <userTask id="check" activiti:candidateGroups="community">
                  <extensionElements>
                    <activiti:executionListener event="start" class="audit" />
                    <activiti:taskListener event="create" expression="${task.setVariable('created', true)}" />
                  </extensionElements>
                </userTask>
                <sequenceFlow id="f2" sourceRef="check" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """);

        var started = await t.StartAsync("legacy");

        Assert.Equal(["audit@check"], log);
        Assert.True(started.Variables["created"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""<bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end"><bpmn:conditionExpression>${execution.setVariable('x', 1) == null}</bpmn:conditionExpression></bpmn:sequenceFlow>""", "f2")]
    [InlineData("""<bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" /><bpmn:boundaryEvent id="b" attachedToRef="check"><bpmn:timerEventDefinition><bpmn:timeDuration>${execution.setVariable('x', 1)}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""", "b")]
    public async Task SetVariable_where_an_expression_only_reads_is_refused_at_deploy(string flow, string element)
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Bpmn.Process("ro", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community" />
            {{flow}}
            <bpmn:endEvent id="end" />
            """);

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("ro.bpmn", xml)] });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == element && p.Message.Contains("only in a listener or an expression task", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expression_task_may_set_variables_through_execution()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("set", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mark" />
            <bpmn:serviceTask id="mark" camunda:expression="${execution.setVariable('marked', execution.processBusinessKey)}" />
            <bpmn:sequenceFlow id="f2" sourceRef="mark" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var done = await t.StartAsync("set", businessKey: "BX-2026-1");

        Assert.Equal("BX-2026-1", done.Variables["marked"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gateways_and_link_throws_run_their_start_and_end_listeners()
    {
        var (handlers, log) = Recorder("gateStart", "gateEnd", "joinEnd", "linkEnd");
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(Bpmn.Process("gates", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="choose" />
            <bpmn:exclusiveGateway id="choose" default="f3">
              <bpmn:extensionElements>
                <camunda:executionListener event="start" class="gateStart" />
                <camunda:executionListener event="end" class="gateEnd" />
              </bpmn:extensionElements>
            </bpmn:exclusiveGateway>
            <bpmn:sequenceFlow id="f2" sourceRef="choose" targetRef="fork"><bpmn:conditionExpression>${true}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="choose" targetRef="end" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="jump" />
            <bpmn:intermediateThrowEvent id="jump">
              <bpmn:extensionElements><camunda:executionListener event="end" class="linkEnd" /></bpmn:extensionElements>
              <bpmn:linkEventDefinition name="next" />
            </bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="landing"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f6" sourceRef="landing" targetRef="join" />
            <bpmn:parallelGateway id="join">
              <bpmn:extensionElements><camunda:executionListener event="end" class="joinEnd" /></bpmn:extensionElements>
            </bpmn:parallelGateway>
            <bpmn:sequenceFlow id="f7" sourceRef="join" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var done = await t.StartAsync("gates");

        Assert.Equal("completed", done.Status);
        Assert.Equal(["gateStart@choose", "gateEnd@choose", "linkEnd@jump", "joinEnd@join"], log);
    }

    [Fact]
    public async Task A_timeout_listener_runs_when_its_timer_fires_and_the_task_stays_open()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("remind", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
            <bpmn:userTask id="handle" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:taskListener event="timeout" id="urge" expression="${task.setVariable('reminders', reminders + 1)}">
                  <bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
                </camunda:taskListener>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));
        var started = await t.StartAsync("remind", new { reminders = 0 });

        await t.AdvanceAsync(TimeSpan.FromHours(1.5));
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        await t.AdvanceAsync(TimeSpan.FromHours(5));

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(2L, after.Variables["reminders"]!.GetValue<long>());
        Assert.Equal(["handle"], after.ActiveActivityIds);
        Assert.Contains((await t.Engine.ReadJournalAsync(started.Id)).Entries, e => e.Type == "TaskTimedOut");
    }

    [Fact]
    public async Task A_timeout_listener_stops_when_its_task_is_completed()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("remind", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
            <bpmn:userTask id="handle" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:taskListener event="timeout" id="urge" expression="${task.setVariable('reminded', true)}">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                </camunda:taskListener>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="next" />
            <bpmn:userTask id="next" camunda:candidateGroups="community" />
            """));
        var started = await t.StartAsync("remind");
        Assert.Single(await t.JobsAsync(started.Id));

        await t.CompleteAsync(started.Id, "handle");
        await t.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Empty(await t.JobsAsync(started.Id));
        Assert.False((await t.InstanceAsync(started.Id)).Variables.ContainsKey("reminded"));
    }

    private static string ProcessWithListeners(string listeners) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="whole" isExecutable="true">
            <bpmn:extensionElements>{listeners}</bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_process_start_listener_runs_before_its_start_event_and_the_end_listener_as_it_completes()
    {
        var (handlers, log) = Recorder("archive");
        await using var t = await TestEngine.CreateAsync(handlers: handlers);
        await t.DeployXmlAsync(ProcessWithListeners("""
            <camunda:executionListener event="start" expression="${execution.setVariable('channel', '12345')}" />
            <camunda:executionListener event="end" class="archive" />
            """));

        var started = await t.StartAsync("whole");
        Assert.Equal("12345", started.Variables["channel"]!.GetValue<string>());
        Assert.Empty(log);

        await t.CompleteAsync(started.Id, "check");

        Assert.Equal(["archive@whole"], log);
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_failing_process_end_listener_refuses_the_completion_that_would_end_the_instance()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(ProcessWithListeners("""<camunda:executionListener event="end" expression="${execution.setVariable('closedWith', closingNote)}" />"""));
        var started = await t.StartAsync("whole");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => t.CompleteAsync(started.Id, "check"));

        Assert.Contains("closingNote", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["check"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
        await t.CompleteAsync(started.Id, "check", new { closingNote = "已办结" });
        Assert.Equal("已办结", (await t.InstanceAsync(started.Id)).Variables["closedWith"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_process_start_listener_refuses_the_start()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(ProcessWithListeners("""<camunda:executionListener event="start" expression="${execution.setVariable('x', missing)}" />"""));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => t.StartAsync("whole"));

        Assert.Contains("missing", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await t.InstancesAsync(_ => true));
    }
}
