using Anju.Workflows.Deployment;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// The structural problems a modeller meets most have codes of their own and arguments naming the element as
/// "name (id)", so that clients can say them in the modeller's language (not the generic <c>model</c> code).
/// </summary>
public sealed class BpmnReaderProblemCodeTests
{
    private const string Roots = """
        <bpmn:message id="Msg" name="材料补正" />
        <bpmn:signal id="Sig" name="停水" />
        <bpmn:error id="Err" errorCode="E1" />
        <bpmn:escalation id="Esc" escalationCode="X1" />
        """;

    public static TheoryData<string, string, string, string[]> Rows() => new()
    {
        {
            """<bpmn:startEvent id="Start" /><bpmn:userTask id="Task_1" name="受理" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" /><bpmn:exclusiveGateway id="Gw" name="是否受理" /><bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="Gw" />""",
            "Gw", ProblemCodes.NoOutgoingFlow, ["是否受理 (Gw)"]
        },
        {
            """<bpmn:startEvent id="Start" name="申报" /><bpmn:endEvent id="End" />""",
            "Start", ProblemCodes.NoOutgoingFlow, ["申报 (Start)"]
        },
        {
            """<bpmn:startEvent id="Start" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:userTask id="Task_1" name="受理" /><bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="End" />""",
            "Task_1", ProblemCodes.NoIncomingFlow, ["受理 (Task_1)"]
        },
        {
            """<bpmn:startEvent id="Start" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:sequenceFlow id="F2" name="退回" sourceRef="Start" targetRef="Gone" />""",
            "F2", ProblemCodes.FlowTargetUnknown, ["退回 (F2)", "Gone"]
        },
        {
            """<bpmn:startEvent id="Start" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:sequenceFlow id="F2" sourceRef="Gone" targetRef="End" />""",
            "F2", ProblemCodes.FlowSourceUnknown, ["F2", "Gone"]
        },
        {
            """<bpmn:startEvent id="Start" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:sequenceFlow id="F2" sourceRef="Start" />""",
            "F2", ProblemCodes.FlowNotConnected, ["F2"]
        },
        {
            """<bpmn:userTask id="Task_1" name="受理" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Task_1" targetRef="End" />""",
            "P", ProblemCodes.NoStartEvent, ["P"]
        },
        {
            """<bpmn:startEvent id="Start" name="申报" /><bpmn:startEvent id="Start_2" name="代为登记" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:sequenceFlow id="F2" sourceRef="Start_2" targetRef="End" />""",
            "Start_2", ProblemCodes.SecondNoneStart, ["代为登记 (Start_2)", "申报 (Start)"]
        },
        {
            """<bpmn:startEvent id="Event_0hjaqyh" name="收到补正"><bpmn:messageEventDefinition /></bpmn:startEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Event_0hjaqyh" targetRef="End" />""",
            "Event_0hjaqyh", ProblemCodes.MessageRefMissing, ["收到补正 (Event_0hjaqyh)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="Nope" /></bpmn:intermediateCatchEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.MessageUnknown, ["X", "Nope"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:intermediateThrowEvent id="X" name="通知停水"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.SignalRefMissing, ["通知停水 (X)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition signalRef="Nope" /></bpmn:intermediateThrowEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.SignalUnknown, ["X", "Nope"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:endEvent id="X" name="驳回"><bpmn:errorEventDefinition errorRef="Nope" /></bpmn:endEvent><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.ErrorUnknown, ["驳回 (X)", "Nope"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:endEvent id="X"><bpmn:escalationEventDefinition escalationRef="Nope" /></bpmn:endEvent><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.EscalationUnknown, ["X", "Nope"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:scriptTask id="X" name="计算" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.ScriptTaskUnsupported, ["计算 (X)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:complexGateway id="X" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.ComplexGatewayUnsupported, ["X"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:transaction id="X" name="付款" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.TransactionUnsupported, ["付款 (X)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:intermediateThrowEvent id="X"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.CompensationUnsupported, ["X"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:adHocSubProcess id="X" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.ElementUnsupported, ["X", "adHocSubProcess"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:endEvent id="X" name="到期"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:endEvent><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.ElementUnsupported, ["到期 (X)", "timer end event"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:intermediateThrowEvent id="X" name="转复核"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateThrowEvent><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.LinkCatchMissing, ["转复核 (X)", "复核"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:userTask id="T" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" /><bpmn:boundaryEvent id="X" name="超时"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.BoundaryNotAttached, ["超时 (X)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:userTask id="T" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" /><bpmn:boundaryEvent id="X" attachedToRef="Gone"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.BoundaryHostUnknown, ["X", "Gone"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:callActivity id="X" name="转办" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.CalledElementMissing, ["转办 (X)"]
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_common_structural_problem_has_its_own_code_and_arguments(string body, string elementId, string code, string[] arguments)
    {
        var result = ReadProcess(body, Roots);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.ElementId == elementId && p.Code == code);
        Assert.Equal(arguments, problem.Arguments);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void A_subprocess_without_a_start_event_is_named_with_its_label()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="S" /><bpmn:subProcess id="Sub" name="现场核查"><bpmn:task id="Inner" /></bpmn:subProcess><bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Sub" /><bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="End" />
            """);

        var problem = Assert.Single(result.Problems, p => p.Code == ProblemCodes.NoStartEvent);
        Assert.Equal(("Sub", "现场核查 (Sub)"), (problem.ElementId, Assert.Single(problem.Arguments)));
    }

    [Fact]
    public void A_process_without_a_start_event_is_named_with_its_name()
    {
        var result = BpmnReader.Read(Process("""<bpmn:task id="T" />""").Replace("<bpmn:process id=\"P\"", "<bpmn:process id=\"P\" name=\"投诉处理\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems, p => p.Code == ProblemCodes.NoStartEvent);
        Assert.Equal("投诉处理 (P)", Assert.Single(problem.Arguments));
    }
}
