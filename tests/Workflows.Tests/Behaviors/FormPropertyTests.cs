using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// camunda:formProperty as Camunda 7 reads it (user guide, "Generated Task Forms"): with <c>variable</c> the value is
/// shown from and stored in that process variable instead of one named like the property; a read-only property with an
/// <c>expression</c> shows the expression's value.
/// </summary>
public sealed class FormPropertyTests
{
    [Fact]
    public async Task A_property_with_variable_is_shown_from_and_stored_in_that_variable()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("leave", """
            <bpmn:startEvent id="start">
              <bpmn:extensionElements><camunda:formProperty id="days" variable="numberOfDays" type="long" /></bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:formProperty id="approvedDays" variable="numberOfDays" type="long" />
                <camunda:formProperty id="summary" expression="共${numberOfDays}天" writable="false" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="after" />
            <bpmn:userTask id="after" camunda:candidateGroups="community" />
            """));

        var started = await t.StartAsync("leave", new { days = 5 });

        Assert.Equal(5, started.Variables["numberOfDays"]!.GetValue<int>());
        Assert.False(started.Variables.ContainsKey("days"));
        var (task, _, _) = (await t.Engine.GetTaskDetailsAsync((await t.TaskAsync(started.Id, "review")).Id))!.Value;
        Assert.Equal(5, task.FormDefaults["approvedDays"]!.GetValue<int>());
        Assert.Equal("共5天", task.FormDefaults["summary"]!.GetValue<string>());

        await t.CompleteAsync(started.Id, "review", new { approvedDays = 3 });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(3, after.Variables["numberOfDays"]!.GetValue<int>());
        Assert.False(after.Variables.ContainsKey("approvedDays"));
    }
}
