using Anju.Workflows.Deployment;
using Anju.Workflows.Parsing;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Deployment;

/// <summary>
/// Every attribute value is checked at deploy as the kind it is; the dry run gives the same verdict and stores nothing.
/// </summary>
public sealed class AttributeValidationTests
{
    /// <summary>start → x → end, with <paramref name="task"/> defining x and any extra elements.</summary>
    private static string Linear(string task) => Process($"""
        <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x" />
        {task}
        <bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="e" /><bpmn:endEvent id="e" />
        """);

    private static string Process(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:message id="m" name="reply" />
          <bpmn:error id="err" errorCode="E1" />
          <bpmn:process id="p" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string UserTask(string attributes, string extensions = "") =>
        $"""<bpmn:userTask id="x" camunda:candidateGroups="community" {attributes}>{(extensions.Length > 0 ? $"<bpmn:extensionElements>{extensions}</bpmn:extensionElements>" : "")}</bpmn:userTask>""";

    private static string Timer(string kind, string value) =>
        UserTask("") + $"""<bpmn:boundaryEvent id="b" attachedToRef="x" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:{kind}>{value}</bpmn:{kind}></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="e2" /><bpmn:endEvent id="e2" />""";

    private static string Field(string field) => UserTask("", $"<camunda:formData>{field}</camunda:formData>");

    /// <summary>start → gateway g with flows a (to x) and b (to e); conditions given per flow, "default" marks b as the default.</summary>
    private static string Gateway(string kind, string conditionA, string? conditionB, bool bIsDefault = false) => Process($"""
        <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g" />
        <bpmn:{kind} id="g"{(bIsDefault ? " default=\"b\"" : "")} />
        <bpmn:sequenceFlow id="a" sourceRef="g" targetRef="x">{Condition(conditionA)}</bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="b" sourceRef="g" targetRef="e">{Condition(conditionB)}</bpmn:sequenceFlow>
        {UserTask("")}<bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="e" /><bpmn:endEvent id="e" />
        """);

    private static string Condition(string? text) => text is null ? "" : $"<bpmn:conditionExpression>{text}</bpmn:conditionExpression>";

    public static TheoryData<string, string, string, string> BadValues() => new()
    {
        // due and follow-up dates
        { "due date in words", Linear(UserTask("camunda:dueDate=\"2个工作日\"")), "x", ProblemCodes.DateValue },
        { "due date as plain words", Linear(UserTask("camunda:dueDate=\"two days\"")), "x", ProblemCodes.DateValue },
        { "due date a number", Linear(UserTask("camunda:dueDate=\"${1 + 2}\"")), "x", ProblemCodes.DateValue },
        { "due date a comparison", Linear(UserTask("camunda:dueDate=\"${amount &gt; 3}\"")), "x", ProblemCodes.DateValue },
        { "due date a text constant", Linear(UserTask("camunda:dueDate=\"${'soon'}\"")), "x", ProblemCodes.DateValue },
        { "follow-up date in words", Linear(UserTask("camunda:followUpDate=\"明天\"")), "x", ProblemCodes.DateValue },
        { "due date an unknown function", Linear(UserTask("camunda:dueDate=\"${workingDay(2)}\"")), "x", ProblemCodes.Expression },

        // priorities and candidate lists
        { "priority in words", Linear(UserTask("camunda:priority=\"high\"")), "x", ProblemCodes.PriorityValue },
        { "priority a boolean", Linear(UserTask("camunda:priority=\"${true}\"")), "x", ProblemCodes.PriorityValue },
        { "priority a date", Linear(UserTask("camunda:priority=\"${now()}\"")), "x", ProblemCodes.PriorityValue },
        { "candidate groups with an empty entry", Linear(UserTask("camunda:candidateGroups=\"community,,street-office\"").Replace("camunda:candidateGroups=\"community\" ", "", StringComparison.Ordinal)), "x", ProblemCodes.CandidateList },
        { "candidate user with a space", Linear(UserTask("camunda:candidateUsers=\"zhang san\"")), "x", ProblemCodes.CandidateList },
        { "candidate groups a number", Linear(UserTask("camunda:candidateGroups=\"${3}\"").Replace("camunda:candidateGroups=\"community\" ", "", StringComparison.Ordinal)), "x", ProblemCodes.CandidateList },

        // timers
        { "duration in words", Linear(Timer("timeDuration", "3 days")), "b", ProblemCodes.TimerValue },
        { "date in words", Linear(Timer("timeDate", "明天上午")), "b", ProblemCodes.TimerValue },
        { "date a number", Linear(Timer("timeDate", "${1 + 1}")), "b", ProblemCodes.TimerValue },
        { "cycle in words", Linear(Timer("timeCycle", "every hour")), "b", ProblemCodes.TimerValue },
        { "cycle with a bad count", Linear(Timer("timeCycle", "Rx/PT1H")), "b", ProblemCodes.TimerValue },
        { "cycle of a millisecond", Linear(Timer("timeCycle", "R1000000/PT0.001S")), "b", ProblemCodes.TimerCycleTooShort },
        { "cycle of 30 seconds", Linear(Timer("timeCycle", "R/PT30S")), "b", ProblemCodes.TimerCycleTooShort },
        { "cron every second", Linear(Timer("timeCycle", "* * * * * ?")), "b", ProblemCodes.TimerCycleTooShort },

        // form fields
        { "maxlength not a number", Linear(Field("<camunda:formField id=\"t\" type=\"string\"><camunda:validation><camunda:constraint name=\"maxlength\" config=\"many\" /></camunda:validation></camunda:formField>")), "x", ProblemCodes.FormConstraint },
        { "minlength on a number", Linear(Field("<camunda:formField id=\"n\" type=\"long\"><camunda:validation><camunda:constraint name=\"minlength\" config=\"2\" /></camunda:validation></camunda:formField>")), "x", ProblemCodes.FormConstraint },
        { "long min a fraction", Linear(Field("<camunda:formField id=\"n\" type=\"long\"><camunda:validation><camunda:constraint name=\"min\" config=\"1.5\" /></camunda:validation></camunda:formField>")), "x", ProblemCodes.FormConstraint },
        { "max on a boolean", Linear(Field("<camunda:formField id=\"ok\" type=\"boolean\"><camunda:validation><camunda:constraint name=\"max\" config=\"1\" /></camunda:validation></camunda:formField>")), "x", ProblemCodes.FormConstraint },
        { "date min not a date", Linear(Field("<camunda:formField id=\"d\" type=\"date\"><camunda:validation><camunda:constraint name=\"min\" config=\"yesterday\" /></camunda:validation></camunda:formField>")), "x", ProblemCodes.FormConstraint },
        { "enum without values", Linear(Field("<camunda:formField id=\"c\" type=\"enum\" />")), "x", ProblemCodes.FormEnumEmpty },
        { "long default in words", Linear(Field("<camunda:formField id=\"n\" type=\"long\" defaultValue=\"ten\" />")), "x", ProblemCodes.FormDefault },
        { "enum default not a value", Linear(Field("<camunda:formField id=\"c\" type=\"enum\" defaultValue=\"maybe\"><camunda:value id=\"yes\" name=\"是\" /></camunda:formField>")), "x", ProblemCodes.FormDefault },
        { "unknown field type", Linear(Field("<camunda:formField id=\"c\" type=\"money\" />")), "x", ProblemCodes.FormFieldTypeUnknown },

        // gateway conditions
        { "exclusive flow without condition", Gateway("exclusiveGateway", "${amount &gt; 5}", null), "b", ProblemCodes.ConditionMissing },
        { "inclusive flow without condition", Gateway("inclusiveGateway", "${amount &gt; 5}", null), "b", ProblemCodes.ConditionMissing },
        { "condition as plain text", Gateway("exclusiveGateway", "amount &gt; 5", null, bIsDefault: true), "a", ProblemCodes.ConditionValue },
        { "condition a number", Gateway("exclusiveGateway", "${amount + 1}", null, bIsDefault: true), "a", ProblemCodes.ConditionValue },
        { "condition that does not parse", Gateway("exclusiveGateway", "${amount &gt;}", null, bIsDefault: true), "a", ProblemCodes.Expression },

        // message and error references
        { "dangling message reference", Linear("<bpmn:receiveTask id=\"x\" messageRef=\"nope\" />"), "x", ProblemCodes.MessageUnknown },
        { "dangling error reference", Linear(UserTask("") + "<bpmn:boundaryEvent id=\"b\" attachedToRef=\"x\"><bpmn:errorEventDefinition errorRef=\"nope\" /></bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"b\" targetRef=\"e2\" /><bpmn:endEvent id=\"e2\" />"), "b", ProblemCodes.ErrorUnknown },
    };

    public static TheoryData<string, string> GoodValues() => new()
    {
        { "due date as a duration", Linear(UserTask("camunda:dueDate=\"P2D\" camunda:followUpDate=\"PT4H\"")) },
        { "due date as a date-time", Linear(UserTask("camunda:dueDate=\"2026-10-08T17:00:00\"")) },
        { "due date in working days", Linear(UserTask("camunda:dueDate=\"${workingDays(2)}\"")) },
        { "due date from a method", Linear(UserTask("camunda:dueDate=\"${dateTime().plusDays(3)}\"")) },
        { "due date from a variable", Linear(UserTask("camunda:dueDate=\"${deadline}\"")) },
        { "due date as composite text", Linear(UserTask("camunda:dueDate=\"P${days}D\"")) },
        { "due date chosen", Linear(UserTask("camunda:dueDate=\"${urgent ? workingDays(1) : 'P5D'}\"")) },
        { "priority a number", Linear(UserTask("camunda:priority=\"80\"")) },
        { "priority from a variable", Linear(UserTask("camunda:priority=\"${urgent ? 90 : 50}\"")) },
        { "candidates with spaces after commas", Linear(UserTask("camunda:candidateUsers=\"street.chengjiang, community.huangshan\"")) },
        { "candidates from an expression", Linear(UserTask("camunda:candidateUsers=\"${reviewers}\"")) },
        { "a cycle of ten minutes", Linear(Timer("timeCycle", "R3/PT10M")) },
        { "a quarterly cron", Linear(Timer("timeCycle", "0 0 9 1 1/3 ?")) },
        { "one short repetition", Linear(Timer("timeCycle", "R1/PT1S")) },
        { "a cycle from a variable", Linear(Timer("timeCycle", "${cycle}")) },
        { "a duration in working days", Linear(Timer("timeDuration", "${workingDays(3)}")) },
        { "form fields", Linear(Field("<camunda:formField id=\"n\" type=\"long\" defaultValue=\"3\"><camunda:validation><camunda:constraint name=\"min\" config=\"-1\" /><camunda:constraint name=\"max\" config=\"10\" /></camunda:validation></camunda:formField><camunda:formField id=\"t\" type=\"string\"><camunda:validation><camunda:constraint name=\"required\" /><camunda:constraint name=\"maxlength\" config=\"200\" /></camunda:validation></camunda:formField><camunda:formField id=\"c\" type=\"enum\" defaultValue=\"yes\"><camunda:value id=\"yes\" name=\"是\" /></camunda:formField><camunda:formField id=\"d\" type=\"date\"><camunda:validation><camunda:constraint name=\"min\" config=\"2026-01-01\" /></camunda:validation></camunda:formField>")) },
        { "conditions and a default", Gateway("exclusiveGateway", "${amount &gt; 5}", null, bIsDefault: true) },
        { "inclusive conditions", Gateway("inclusiveGateway", "${a}", "${not a}") },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_is_refused_by_the_dry_run_and_by_deploy_with_its_element(string what, string xml, string elementId, string code)
    {
        await using var t = await TestEngine.CreateAsync();

        var dryRun = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)], DryRun = true });
        var deploy = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });

        Assert.False(dryRun.Succeeded, what);
        Assert.Contains(dryRun.Problems, p => p.ElementId == elementId && p.Code == code && p.Severity == ProblemSeverity.Error);
        Assert.False(deploy.Succeeded, what);
        Assert.Contains(deploy.Problems, p => p.ElementId == elementId && p.Code == code);
        Assert.Equal(dryRun.Problems.Select(p => (p.ElementId, p.Code, p.Message)), deploy.Problems.Select(p => (p.ElementId, p.Code, p.Message)));
        Assert.Empty(await t.RowsAsync<DefinitionRow>());
    }

    [Theory]
    [MemberData(nameof(GoodValues))]
    public async Task A_good_value_deploys(string what, string xml)
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });

        Assert.True(result.Succeeded, $"{what}: {string.Join("; ", result.Problems.Select(p => p.Message))}");
    }

    [Fact]
    public async Task The_words_2个工作日_as_a_due_date_are_refused_with_the_element_and_the_value()
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", Linear(UserTask("name=\"受理\" camunda:dueDate=\"2个工作日\"")))] });

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("x", ProblemCodes.DateValue), (problem.ElementId, problem.Code));
        Assert.Equal(["受理 (x)", "dueDate", "2个工作日"], problem.Arguments.ToArray());
        Assert.Contains("2个工作日", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_stores_no_version_and_no_timer_job_and_says_what_would_be_deployed()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Process("""
            <bpmn:startEvent id="s"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />
            """);

        var dryRun = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)], DryRun = true });

        Assert.True(dryRun.Succeeded);
        Assert.Equal(("p", 1, true), (dryRun.Definitions[0].Key, dryRun.Definitions[0].Version, dryRun.Definitions[0].IsNew));
        Assert.Empty(await t.RowsAsync<DefinitionRow>());
        Assert.Empty(await t.RowsAsync<JobRow>());

        // After a real deployment, a dry run of a changed version keeps the deployed version's timer job.
        await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });
        var changed = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml.Replace("P1D", "P2D", StringComparison.Ordinal))], DryRun = true });
        Assert.Equal((2, true), (changed.Definitions[0].Version, changed.Definitions[0].IsNew));
        Assert.Equal("p:1", Assert.Single(await t.RowsAsync<DefinitionRow>()).Id);
        Assert.Equal("p:1", Assert.Single(await t.RowsAsync<JobRow>()).DefinitionId);
    }

    [Fact]
    public async Task A_call_activity_whose_target_is_not_deployed_is_a_warning_that_does_not_block()
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Linear("""<bpmn:callActivity id="x" calledElement="not-yet" />""");

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });
        await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("b.bpmn", Linear(UserTask("")).Replace("id=\"p\"", "id=\"not-yet\"", StringComparison.Ordinal))] });
        var again = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml.Replace("<bpmn:process id=\"p\"", "<bpmn:process id=\"p\" name=\"二\"", StringComparison.Ordinal))], DryRun = true });

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("x", ProblemCodes.CallTargetMissing, ProblemSeverity.Warning), (warning.ElementId, warning.Code, warning.Severity));
        Assert.Contains("not-yet", warning.Message, StringComparison.Ordinal);
        Assert.Empty(again.Warnings);
    }

    [Fact]
    public async Task A_user_task_nobody_is_assigned_to_deploys_with_a_warning()
    {
        await using var t = await TestEngine.CreateAsync();

        var result = await t.Engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", Linear("""<bpmn:userTask id="x" />"""))] });

        Assert.True(result.Succeeded);
        Assert.Equal(("x", ProblemCodes.UserTaskUnassigned), (Assert.Single(result.Warnings).ElementId, result.Warnings[0].Code));
    }

    [Fact]
    public async Task The_minimum_timer_cycle_is_an_engine_option()
    {
        await using var t = await TestEngine.CreateAsync();
        var engine = new WorkflowEngine(t.Backend, t.Handlers, t.Clock, options: new Execution.EngineOptions { MinimumTimerCycle = TimeSpan.FromSeconds(10) });
        var xml = Linear(Timer("timeCycle", "R/PT30S"));

        var result = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml)] });
        var tooShort = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("a.bpmn", xml.Replace("PT30S", "PT5S", StringComparison.Ordinal))] });

        Assert.True(result.Succeeded);
        Assert.Equal(ProblemCodes.TimerCycleTooShort, Assert.Single(tooShort.Problems).Code);
    }
}
