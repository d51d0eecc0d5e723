using Anju.Workflows.Parsing;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// Link events (BPMN 2.0 §10.5.6; Camunda 7 reference, BPMN 2.0 → Events → "Link Events"): a link throw event ends
/// its path, and the token goes on from the link catch event of the same name in the same scope, a "go to" that keeps
/// long diagrams readable. Several throws may lead to one catch; a catch has no incoming flow and a throw no outgoing.
/// </summary>
public sealed class LinkEventTests
{
    private static string Model(string body) => Bpmn.Process("links", body);

    private const string TwoThrowsOneCatch = """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="triage" />
        <bpmn:exclusiveGateway id="triage" default="f3" />
        <bpmn:sequenceFlow id="f2" sourceRef="triage" targetRef="repair"><bpmn:conditionExpression>${urgent}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f3" sourceRef="triage" targetRef="toArchive" />
        <bpmn:userTask id="repair" name="抢修" camunda:candidateGroups="firm" />
        <bpmn:sequenceFlow id="f4" sourceRef="repair" targetRef="toArchiveAfterRepair" />
        <bpmn:intermediateThrowEvent id="toArchiveAfterRepair" name="转归档"><bpmn:linkEventDefinition name="archive" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateThrowEvent id="toArchive" name="转归档"><bpmn:linkEventDefinition name="archive" /></bpmn:intermediateThrowEvent>
        <bpmn:intermediateCatchEvent id="archiveHere" name="归档"><bpmn:linkEventDefinition name="archive" /></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f5" sourceRef="archiveHere" targetRef="archiveTask" />
        <bpmn:userTask id="archiveTask" name="归档" camunda:candidateGroups="community" />
        <bpmn:sequenceFlow id="f6" sourceRef="archiveTask" targetRef="end" />
        <bpmn:endEvent id="end" />
        """;

    [Fact]
    public async Task A_link_throw_continues_at_its_catch_and_both_count_as_completed()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(TwoThrowsOneCatch));

        var started = await t.StartAsync("links", new { urgent = false });

        Assert.Equal(["archiveTask"], started.ActiveActivityIds);
        var journal = (await t.Engine.ReadJournalAsync(started.Id)).Entries;
        Assert.Contains(journal, e => e.Type == "ActivityStarted" && e.ActivityId == "archiveHere");
        await t.CompleteAsync(started.Id, "archiveTask");
        Assert.Equal("completed", (await t.InstanceAsync(started.Id)).Status);
    }

    [Fact]
    public async Task Two_throws_lead_to_one_catch()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model(TwoThrowsOneCatch));

        var started = await t.StartAsync("links", new { urgent = true });
        Assert.Equal(["repair"], started.ActiveActivityIds);
        await t.CompleteAsync(started.Id, "repair");

        Assert.Equal(["archiveTask"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task A_link_inside_a_subprocess_stays_inside_it()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model("""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="jump" />
              <bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateThrowEvent>
              <bpmn:intermediateCatchEvent id="land"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="s2" sourceRef="land" targetRef="inside" />
              <bpmn:userTask id="inside" camunda:candidateGroups="community" />
              <bpmn:sequenceFlow id="s3" sourceRef="inside" targetRef="subEnd" />
              <bpmn:endEvent id="subEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="after" />
            <bpmn:userTask id="after" camunda:candidateGroups="community" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var started = await t.StartAsync("links");
        Assert.Contains("inside", started.ActiveActivityIds);
        await t.CompleteAsync(started.Id, "inside");

        Assert.Equal(["after"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        {
            "no catch in the same scope",
            """<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bad" /><bpmn:intermediateThrowEvent id="bad"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>""",
            "no link catch event"
        },
        {
            "two catches of one name",
            """<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" /><bpmn:intermediateThrowEvent id="t"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateThrowEvent><bpmn:intermediateCatchEvent id="c"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f2" sourceRef="c" targetRef="end" /><bpmn:intermediateCatchEvent id="bad"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f3" sourceRef="bad" targetRef="end" /><bpmn:endEvent id="end" />""",
            "already catches"
        },
        {
            "a catch with an incoming flow",
            """<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bad" /><bpmn:intermediateCatchEvent id="bad"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f2" sourceRef="bad" targetRef="end" /><bpmn:endEvent id="end" />""",
            "has incoming sequence flows"
        },
        {
            "a throw with an outgoing flow",
            """<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bad" /><bpmn:intermediateThrowEvent id="bad"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateThrowEvent><bpmn:sequenceFlow id="f2" sourceRef="bad" targetRef="end" /><bpmn:intermediateCatchEvent id="c"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f3" sourceRef="c" targetRef="end" /><bpmn:endEvent id="end" />""",
            "has outgoing sequence flows"
        },
        {
            "a link without a name",
            """<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bad" /><bpmn:intermediateThrowEvent id="bad"><bpmn:linkEventDefinition /></bpmn:intermediateThrowEvent>""",
            "has no name"
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_link_that_cannot_be_followed_is_refused_naming_the_element(string what, string body, string message)
    {
        var result = BpmnReader.Read(Model(body));

        Assert.False(result.Succeeded, what);
        Assert.Contains(result.Problems, p => p.ElementId == "bad" && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
