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

    /// <summary>Start → <paramref name="element"/> (whose id is X) → end.</summary>
    private static string Between(string element) =>
        $"""<bpmn:startEvent id="S" />{element}<bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""";

    /// <summary>Start → end, with <paramref name="eventSubProcess"/> beside them.</summary>
    private static string Beside(string eventSubProcess) =>
        $"""<bpmn:startEvent id="S" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="End" />{eventSubProcess}""";

    private const string MessageStart = """<bpmn:startEvent id="Es"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent><bpmn:endEvent id="Ee" /><bpmn:sequenceFlow id="Ef" sourceRef="Es" targetRef="Ee" />""";

    private const string Condition = """<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${ok}</bpmn:conditionExpression>""";

    public static TheoryData<string, string, string, string[]> MoreRows() => new()
    {
        {
            """<bpmn:startEvent id="Start" /><bpmn:userTask id="Start" name="受理" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />""",
            "Start", ProblemCodes.DuplicateId, ["Start", "受理 (Start)", "Start"]
        },
        {
            $"""<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="Gw" name="是否受理" default="F1" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Gw" /><bpmn:sequenceFlow id="F2" sourceRef="Gw" targetRef="End">{Condition}</bpmn:sequenceFlow>""",
            "Gw", ProblemCodes.DefaultFlowNotOutgoing, ["是否受理 (Gw)", "F1"]
        },
        {
            $"""<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="Gw" name="是否受理" default="F2" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Gw" /><bpmn:sequenceFlow id="F2" name="受理" sourceRef="Gw" targetRef="End">{Condition}</bpmn:sequenceFlow>""",
            "F2", ProblemCodes.DefaultFlowWithCondition, ["受理 (F2)", "是否受理 (Gw)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:eventBasedGateway id="Gw" /><bpmn:userTask id="T" name="受理" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Gw" /><bpmn:sequenceFlow id="F2" sourceRef="Gw" targetRef="T" /><bpmn:sequenceFlow id="F3" sourceRef="T" targetRef="End" />""",
            "Gw", ProblemCodes.EventGatewayTarget, ["Gw", "受理 (T)"]
        },
        {
            Between($"""<bpmn:subProcess id="X" name="撤回" triggeredByEvent="true">{MessageStart}</bpmn:subProcess>"""),
            "X", ProblemCodes.EventSubProcessFlows, ["撤回 (X)"]
        },
        {
            Beside($"""<bpmn:subProcess id="Esp" triggeredByEvent="true"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>{MessageStart}</bpmn:subProcess>"""),
            "Esp", ProblemCodes.EventSubProcessAttachments, ["Esp"]
        },
        {
            Beside($"""<bpmn:subProcess id="Esp" name="撤回" triggeredByEvent="true">{MessageStart}<bpmn:startEvent id="Es2"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id="Ef2" sourceRef="Es2" targetRef="Ee" /></bpmn:subProcess>"""),
            "Esp", ProblemCodes.EventSubProcessStarts, ["撤回 (Esp)", "2"]
        },
        {
            Beside("""<bpmn:subProcess id="Esp" triggeredByEvent="true"><bpmn:startEvent id="Es" name="开始" /><bpmn:endEvent id="Ee" /><bpmn:sequenceFlow id="Ef" sourceRef="Es" targetRef="Ee" /></bpmn:subProcess>"""),
            "Es", ProblemCodes.EventSubProcessNoneStart, ["开始 (Es)"]
        },
        {
            Between("""<bpmn:subProcess id="X" name="现场核查"><bpmn:startEvent id="A" /><bpmn:startEvent id="B" /><bpmn:endEvent id="Ee" /><bpmn:sequenceFlow id="Ea" sourceRef="A" targetRef="Ee" /><bpmn:sequenceFlow id="Eb" sourceRef="B" targetRef="Ee" /></bpmn:subProcess>"""),
            "X", ProblemCodes.SubProcessStarts, ["现场核查 (X)", "2"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X" name="等待"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.TimerDefinition, ["等待 (X)"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition><bpmn:timeDuration /></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.TimerEmpty, ["X", "timeDuration"]
        },
        {
            Between("""<bpmn:userTask id="X" name="会签" camunda:assignee="a"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>"""),
            "X", ProblemCodes.MultiInstanceCountMissing, ["会签 (X)"]
        },
        {
            Between("""<bpmn:task id="X" name="登记"><bpmn:extensionElements><camunda:executionListener event="begin" expression="${a}" /></bpmn:extensionElements></bpmn:task>"""),
            "X", ProblemCodes.ListenerEvent, ["登记 (X)", "begin", "start, end"]
        },
        {
            Between("""<bpmn:task id="X"><bpmn:extensionElements><camunda:executionListener event="start" /></bpmn:extensionElements></bpmn:task>"""),
            "X", ProblemCodes.ListenerImplementation, ["X"]
        },
        {
            Between("""<bpmn:task id="X"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>"""),
            "X", ProblemCodes.ListenerScript, ["X"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements><camunda:taskListener event="update" expression="${a}" /></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.TaskListenerUpdate, ["受理 (X)"]
        },
        {
            Between("""<bpmn:task id="X"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter>1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"""),
            "X", ProblemCodes.ParameterNameMissing, ["X"]
        },
        {
            Between("""<bpmn:task id="X" name="登记"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="days">1</camunda:inputParameter><camunda:inputParameter name="days">2</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"""),
            "X", ProblemCodes.ParameterDuplicate, ["登记 (X)", "days"]
        },
        {
            Between("""<bpmn:task id="X"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="days"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"""),
            "X", ProblemCodes.ParameterScript, ["X", "days"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements><camunda:formData><camunda:formField type="string" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.FormFieldIdMissing, ["受理 (X)"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements><camunda:formData><camunda:formField id="days" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.FormFieldTypeMissing, ["受理 (X)", "days"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements><camunda:formData><camunda:formField id="days" type="money" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.FormFieldTypeUnknown, ["受理 (X)", "days", "money"]
        },
        {
            Between("""<bpmn:userTask id="X" camunda:assignee="a"><bpmn:extensionElements><camunda:formProperty id="days" type="money" /></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.FormFieldTypeUnknown, ["X", "days", "money"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements><camunda:formData><camunda:formField id="days" type="long" /><camunda:formField id="days" type="long" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.FormFieldDuplicate, ["受理 (X)", "days"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements><camunda:formData><camunda:formField id="days" type="long"><camunda:validation><camunda:constraint name="pattern" config="x" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>"""),
            "X", ProblemCodes.FormConstraintUnsupported, ["受理 (X)", "days", "pattern"]
        },
    };

    [Theory]
    [MemberData(nameof(MoreRows))]
    public void A_further_common_problem_has_its_own_code_and_arguments(string body, string elementId, string code, string[] arguments) =>
        A_common_structural_problem_has_its_own_code_and_arguments(body, elementId, code, arguments);

    [Fact]
    public void A_process_that_is_not_executable_is_named_with_its_name()
    {
        var result = BpmnReader.Read(Process("""<bpmn:startEvent id="S" />""")
            .Replace("<bpmn:process id=\"P\" isExecutable=\"true\"", "<bpmn:process id=\"P\" name=\"投诉处理\" isExecutable=\"false\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems, p => p.Code == ProblemCodes.ProcessNotExecutable);
        Assert.Equal(("P", "投诉处理 (P)"), (problem.ElementId, Assert.Single(problem.Arguments)));
    }

    [Fact]
    public void A_document_without_a_process_says_so_by_its_code()
    {
        var result = BpmnReader.Read(Process("").Replace("""<bpmn:process id="P" isExecutable="true">""", "", StringComparison.Ordinal)
            .Replace("</bpmn:process>", "", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.NoProcess, 0), (problem.Code, problem.Arguments.Length));
    }

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
