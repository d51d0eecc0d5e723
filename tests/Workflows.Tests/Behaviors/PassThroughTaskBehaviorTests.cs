using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>PassThroughTaskBehavior</c>: a task without a type and a manual task do nothing in the engine; the token passes
/// (Camunda 7 reference, "Task" and "Manual Task": "the engine ... simply passes through"), journaled as completed.
/// </summary>
public sealed class PassThroughTaskBehaviorTests
{
    [Theory]
    [InlineData("task")]
    [InlineData("manualTask")]
    public async Task The_token_passes_through_and_the_element_is_journaled_as_completed(string kind)
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("pass", $"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="post" />
            <bpmn:{kind} id="post" name="张贴公告" />
            <bpmn:sequenceFlow id="f2" sourceRef="post" targetRef="end" />
            <bpmn:endEvent id="end" />
            """));

        var done = await t.StartAsync("pass");

        Assert.Equal("completed", done.Status);
        Assert.Equal(["start", "post", "end"], done.CompletedActivityIds);
        var journal = (await t.Engine.ReadJournalAsync(done.Id)).Entries;
        Assert.Contains(journal, e => e.Type == "ActivityCompleted" && e.ActivityId == "post");
    }
}
