using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Case numbers (受理编号) in the engine: the process's caseNumberPrefix, the start's year in China Standard Time and
/// the sequence of that prefix and year; called instances carry their caller's number; timer starts are numbered;
/// the case summary and search text follow the variables the process names.
/// </summary>
public sealed class CaseNumberTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="numbered" isExecutable="true">
            <bpmn:extensionElements><camunda:properties><camunda:property name="caseNumberPrefix" value="TS" /><camunda:property name="caseSummary" value="compound,description" /><camunda:property name="caseSearch" value="phone" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="edit" />
            <bpmn:userTask id="edit" name="补充" />
            <bpmn:sequenceFlow id="f2" sourceRef="edit" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
          <bpmn:process id="child" isExecutable="true">
            <bpmn:extensionElements><camunda:properties><camunda:property name="caseNumberPrefix" value="ZG" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="cstart" />
            <bpmn:sequenceFlow id="c1" sourceRef="cstart" targetRef="work" />
            <bpmn:userTask id="work" name="整改" />
            <bpmn:sequenceFlow id="c2" sourceRef="work" targetRef="cend" />
            <bpmn:endEvent id="cend" />
          </bpmn:process>
          <bpmn:process id="numbered-caller" isExecutable="true">
            <bpmn:extensionElements><camunda:properties><camunda:property name="caseNumberPrefix" value="KH" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="kstart" />
            <bpmn:sequenceFlow id="k1" sourceRef="kstart" targetRef="call" />
            <bpmn:callActivity id="call" calledElement="child" />
            <bpmn:sequenceFlow id="k2" sourceRef="call" targetRef="kend" />
            <bpmn:endEvent id="kend" />
          </bpmn:process>
          <bpmn:process id="plain-caller" isExecutable="true">
            <bpmn:startEvent id="pstart" />
            <bpmn:sequenceFlow id="p1" sourceRef="pstart" targetRef="pcall" />
            <bpmn:callActivity id="pcall" calledElement="child" />
            <bpmn:sequenceFlow id="p2" sourceRef="pcall" targetRef="pend" />
            <bpmn:endEvent id="pend" />
          </bpmn:process>
          <bpmn:process id="ticking" isExecutable="true">
            <bpmn:extensionElements><camunda:properties><camunda:property name="caseNumberPrefix" value="JD" /></camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="t1" sourceRef="tick" targetRef="look" />
            <bpmn:userTask id="look" name="巡查" />
            <bpmn:sequenceFlow id="t2" sourceRef="look" targetRef="tend" />
            <bpmn:endEvent id="tend" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Numbers_count_per_prefix_and_Beijing_year_and_start_again_on_New_Year(Store store)
    {
        // 23:30 in Beijing on 31 December 2026 (15:30 UTC).
        await using var t = await TestEngine.CreateAsync(store, start: new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero));
        Assert.True((await t.DeployXmlAsync(Xml)).Succeeded);

        var first = await t.StartAsync("numbered", new { description = "电梯坏了" });
        var second = await t.StartAsync("numbered");
        var otherPrefix = await t.StartAsync("numbered-caller");
        t.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 on 1 January 2027 in Beijing, still 2026 in UTC
        var newYear = await t.StartAsync("numbered");

        Assert.Equal("TS-2026-000001", first.CaseNumber);
        Assert.Equal("TS-2026-000002", second.CaseNumber);
        Assert.Equal("KH-2026-000001", otherPrefix.CaseNumber);
        Assert.Equal("TS-2027-000001", newYear.CaseNumber);
        Assert.Equal("TS-2026-000001", (await t.InstanceAsync(first.Id)).CaseNumber);
        var row = Assert.Single(await t.InstancesAsync(i => i.Id == first.Id));
        Assert.Equal("TS-2026-000001", row.CaseNumber);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Twenty_parallel_starts_get_twenty_consecutive_numbers(Store store)
    {
        // No service task at the start: on SQLite these are computed before the writer lock and numbered in the commit.
        await using var t = await TestEngine.CreateAsync(store);
        Assert.True((await t.DeployXmlAsync(Xml)).Succeeded);

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => t.StartAsync("numbered", new { description = $"第{i}件" }))));

        var numbers = started.Select(s => s.CaseNumber).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"TS-2026-{n:D6}"), numbers);
        var stored = (await t.InstancesAsync(i => i.DefinitionKey == "numbered")).Select(i => i.CaseNumber).Order(StringComparer.Ordinal);
        Assert.Equal(numbers, stored);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_called_instance_carries_its_callers_number_and_its_own_only_when_the_caller_has_none(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        Assert.True((await t.DeployXmlAsync(Xml)).Succeeded);

        var numbered = await t.StartAsync("numbered-caller");
        var plain = await t.StartAsync("plain-caller");

        var calledByNumbered = Assert.Single(await t.InstancesAsync(i => i.ParentInstanceId == numbered.Id));
        var calledByPlain = Assert.Single(await t.InstancesAsync(i => i.ParentInstanceId == plain.Id));
        Assert.Equal("KH-2026-000001", numbered.CaseNumber);
        Assert.Equal("KH-2026-000001", calledByNumbered.CaseNumber);
        Assert.Null(plain.CaseNumber);
        Assert.Equal("ZG-2026-000001", calledByPlain.CaseNumber);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Timer_starts_are_numbered_too(Store store)
    {
        await using var t = await TestEngine.CreateAsync(store);
        Assert.True((await t.DeployXmlAsync(Xml)).Succeeded);

        await t.AdvanceAsync(TimeSpan.FromHours(1));
        await t.AdvanceAsync(TimeSpan.FromHours(1));

        var numbers = (await t.InstancesAsync(i => i.DefinitionKey == "ticking")).Select(i => i.CaseNumber).Order().ToList();
        Assert.Equal(["JD-2026-000001", "JD-2026-000002"], numbers);
    }

    [Fact]
    public async Task The_summary_and_search_text_follow_the_named_variables()
    {
        await using var t = await TestEngine.CreateAsync();
        Assert.True((await t.DeployXmlAsync(Xml)).Succeeded);
        var started = await t.StartAsync("numbered", new { compound = "滨江花园", description = "3幢  电梯\n困人", phone = "13900000000", other = "不搜索" });

        var row = Assert.Single(await t.InstancesAsync(i => i.Id == started.Id));
        Assert.Equal("滨江花园 · 3幢 电梯 困人", row.CaseSummary);
        Assert.Equal("滨江花园\n3幢  电梯\n困人\n13900000000", row.CaseText);

        await t.CompleteAsync(started.Id, "edit", new { description = "电梯已修好" });

        row = Assert.Single(await t.InstancesAsync(i => i.Id == started.Id));
        Assert.Equal("滨江花园 · 电梯已修好", row.CaseSummary);
        Assert.Contains("电梯已修好", row.CaseText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T")]
    [InlineData("ts")]
    [InlineData("TSXYZ")]
    [InlineData("T1")]
    public async Task A_prefix_other_than_two_to_four_capital_letters_is_refused_at_deploy(string prefix)
    {
        await using var t = await TestEngine.CreateAsync();
        var xml = Xml.Replace("value=\"TS\"", $"value=\"{prefix}\"", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => t.DeployXmlAsync(xml));

        Assert.Contains("caseNumberPrefix of process 'numbered' must be 2 to 4 capital letters", refused.Message, StringComparison.Ordinal);
    }
}
