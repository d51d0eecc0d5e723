using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// <c>ReceiveTaskBehavior</c>: a receive task waits until its message is correlated to it (Camunda 7 reference,
/// "Receive Task"), then the token leaves with the message's variables set; other messages do not move it.
/// </summary>
public sealed class ReceiveTaskBehaviorTests
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:message id="M" name="fee-paid" />
          <bpmn:process id="receive" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:receiveTask id="wait" messageRef="M" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="check" />
            <bpmn:userTask id="check" camunda:candidateGroups="community" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_task_waits_for_its_message_and_leaves_with_its_variables()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Model);
        var started = await t.StartAsync("receive", businessKey: "FEE-1");
        Assert.Equal(["wait"], started.ActiveActivityIds);

        // A message the task does not wait for is refused and moves nothing.
        await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "other", BusinessKey = "FEE-1" }));
        Assert.Equal(["wait"], (await t.InstanceAsync(started.Id)).ActiveActivityIds);

        await t.Engine.CorrelateMessageAsync(new CorrelateMessage { MessageName = "fee-paid", BusinessKey = "FEE-1", Variables = TestEngine.Vars(new { amount = 300 }) });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(["check"], after.ActiveActivityIds);
        Assert.Equal(300, after.Variables["amount"]!.GetValue<int>());
    }
}
