using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// Elements and extensions the engine does not implement are rejected with their id, and only once: the flows
/// around a rejected element are not reported as dangling.
/// </summary>
public sealed class BpmnReaderUnsupportedTests
{
    private const string ErrorDefinition = """<bpmn:error id="Error_1" errorCode="E1" />""";

    public static TheoryData<string, string> UnsupportedNodes => new()
    {
        { """<bpmn:complexGateway id="X" />""", "complexGateway 'X' is not supported" },
        {
            """<bpmn:scriptTask id="X" scriptFormat="javascript"><bpmn:script>execution.setVariable("a", 1)</bpmn:script></bpmn:scriptTask>""",
            "scriptTask 'X' is not supported: scripts cannot be sandboxed; use a service task with a registered handler or an external task"
        },
        { """<bpmn:transaction id="X"><bpmn:startEvent id="TS" /></bpmn:transaction>""", "transaction 'X' is not supported" },
        { """<bpmn:adHocSubProcess id="X"><bpmn:task id="AT" /></bpmn:adHocSubProcess>""", "adHocSubProcess 'X' is not supported" },
        { """<bpmn:callChoreography id="X" />""", "callChoreography 'X' is not supported" },
        { """<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>""", "conditional intermediate catch event 'X' has no condition" },
        { """<bpmn:intermediateCatchEvent id="X" />""", "intermediateCatchEvent 'X' has no event definition" },
        { """<bpmn:intermediateThrowEvent id="X"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>""", "compensate intermediate throw event 'X' is not supported" },
        { """<bpmn:intermediateThrowEvent id="X"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>""", "message intermediate throw event 'X' is not supported" },
        {
            """<bpmn:businessRuleTask id="X" camunda:decisionRef="approval" camunda:mapDecisionResult="singleEntry" />""",
            "businessRuleTask 'X' with camunda:decisionRef is not supported: DMN decisions are not evaluated; use a handler or an external task"
        },
        {
            """<bpmn:serviceTask id="X"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>""",
            "camunda:connector on serviceTask 'X' is not supported"
        },
        {
            """<bpmn:eventBasedGateway id="X" instantiate="true" />""",
            "eventBasedGateway 'X' with instantiate=\"true\" is not supported"
        },
        {
            """<bpmn:serviceTask id="X" camunda:type="connector" />""",
            "camunda:type \"connector\" of serviceTask 'X' is not supported; only \"external\" is"
        },
    };

    public static TheoryData<string, string> UnsupportedEndEvents => new()
    {
        { "<bpmn:messageEventDefinition />", "message end event 'X' is not supported" },
        { "<bpmn:signalEventDefinition />", "endEvent 'X' has no signalRef" },
        { "<bpmn:compensateEventDefinition />", "compensate end event 'X' is not supported" },
        { "<bpmn:cancelEventDefinition />", "cancel end event 'X' is not supported" },
    };

    public static TheoryData<string, string> UnsupportedStartEvents => new()
    {
        { "<bpmn:signalEventDefinition />", "startEvent 'X' has no signalRef" },
        { "<bpmn:conditionalEventDefinition />", "conditional start event 'X' has no condition" },
        { "<bpmn:errorEventDefinition />", "error start event 'X' is not supported" },
        { "<bpmn:escalationEventDefinition />", "escalation start event 'X' is not supported" },
        {
            """<bpmn:messageEventDefinition messageRef="M" /><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>""",
            "startEvent 'X' has 2 event definitions (a multiple event), which is not supported"
        },
        {
            "<bpmn:eventDefinitionRef>Root_Timer</bpmn:eventDefinitionRef>",
            "startEvent 'X' uses eventDefinitionRef, which is not supported; define the event definition inside the event"
        },
    };

    public static TheoryData<string, string> UnsupportedBoundaryEvents => new()
    {
        { "<bpmn:signalEventDefinition />", "boundaryEvent 'X' has no signalRef" },
        { "<bpmn:escalationEventDefinition />", "escalation boundary event 'X' is attached to task 'T'; attach it to a subprocess or a call activity" },
        { "<bpmn:compensateEventDefinition />", "compensate boundary event 'X' is not supported" },
        { "<bpmn:conditionalEventDefinition />", "conditional boundary event 'X' has no condition" },
        { "<bpmn:cancelEventDefinition />", "cancel boundary event 'X' is not supported" },
        { "", "boundaryEvent 'X' has no event definition" },
    };

    public static TheoryData<string, string> UnsupportedExtensions => new()
    {
        {
            """<bpmn:userTask id="X"><bpmn:extensionElements><camunda:taskListener class="com.acme.Listener" event="update" /></bpmn:extensionElements></bpmn:userTask>""",
            "A camunda:taskListener on 'update' of 'X' is not supported yet; use an assignment or complete listener"
        },
        {
            """<bpmn:task id="X"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>""",
            "camunda:script in a camunda:executionListener of 'X': scripts cannot be sandboxed; use an expression or a registered handler"
        },
        {
            """<bpmn:serviceTask id="X" camunda:class="A"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="a"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>""",
            "A camunda:script in camunda:inputParameter 'a' of 'X' is not supported: scripts cannot be sandboxed; use an expression"
        },
        {
            """<bpmn:serviceTask id="X" camunda:class="A"><bpmn:extensionElements><camunda:field name="url" stringValue="http://x" /></bpmn:extensionElements></bpmn:serviceTask>""",
            "camunda:field on serviceTask 'X' is not supported"
        },
        { """<bpmn:userTask id="X" camunda:formRef="review" />""", "camunda:formRef on userTask 'X' is not supported" },
        { """<bpmn:callActivity id="X" calledElement="child" camunda:caseRef="case" />""", "camunda:caseRef on callActivity 'X' is not supported" },
        {
            """<bpmn:userTask id="X"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""",
            "standardLoopCharacteristics on userTask 'X' is not supported; use multi-instance"
        },
        {
            """<bpmn:userTask id="X"><bpmn:potentialOwner resourceRef="clerks" /></bpmn:userTask>""",
            "potentialOwner of userTask 'X' has no resourceAssignmentExpression/formalExpression (user(x), group(y) or a name); a resourceRef alone is not supported"
        },
        {
            """<bpmn:task id="X"><bpmn:multiInstanceLoopCharacteristics camunda:asyncBefore="true"><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>""",
            "camunda:asyncBefore on the multiInstanceLoopCharacteristics of task 'X' is not supported"
        },
        {
            """<bpmn:task id="X"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopDataInputRef>items</bpmn:loopDataInputRef><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>""",
            "loopDataInputRef in the multi-instance of task 'X' is not supported; use camunda:collection and camunda:elementVariable"
        },
        { """<bpmn:task id="X" isForCompensation="true" />""", "Compensation handler task 'X' is not supported" },
    };

    [Theory]
    [MemberData(nameof(UnsupportedNodes))]
    [MemberData(nameof(UnsupportedExtensions))]
    public void Unsupported_element_is_reported_once_with_its_id_and_line(string element, string message)
    {
        var result = ReadBetweenStartAndEnd(element);

        var problem = SingleProblem(result);
        Assert.Equal(message, problem.Message);
        Assert.Equal("X", problem.ElementId);
        Assert.True(problem.Line > 0);
        Assert.Empty(result.Processes);
    }

    [Theory]
    [MemberData(nameof(UnsupportedEndEvents))]
    public void Unsupported_end_event_is_reported(string definition, string message)
    {
        var result = ReadProcess($"""
            <bpmn:startEvent id="Start" />
            <bpmn:endEvent id="X">{definition}</bpmn:endEvent>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="X" />
            """);

        Assert.Equal(("X", message), (SingleProblem(result).ElementId, SingleProblem(result).Message));
    }

    [Theory]
    [MemberData(nameof(UnsupportedStartEvents))]
    public void Unsupported_start_event_is_reported(string definition, string message)
    {
        var result = ReadProcess(
            $"""
            <bpmn:startEvent id="X">{definition}</bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="X" targetRef="End" />
            """,
            """<bpmn:message id="M" name="m" />""");

        Assert.Equal(("X", message), (SingleProblem(result).ElementId, SingleProblem(result).Message));
    }

    [Theory]
    [MemberData(nameof(UnsupportedBoundaryEvents))]
    public void Unsupported_boundary_event_is_reported(string definition, string message)
    {
        var result = ReadProcess($"""
            <bpmn:startEvent id="Start" />
            <bpmn:task id="T" />
            <bpmn:boundaryEvent id="X" attachedToRef="T">{definition}</bpmn:boundaryEvent>
            <bpmn:endEvent id="End" />
            <bpmn:endEvent id="End2" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" />
            <bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End2" />
            """);

        Assert.Equal(("X", message), (SingleProblem(result).ElementId, SingleProblem(result).Message));
    }

    [Fact]
    public void Non_interrupting_error_boundary_event_is_reported()
    {
        var result = ReadProcess(
            """
            <bpmn:startEvent id="Start" />
            <bpmn:task id="T" />
            <bpmn:boundaryEvent id="X" attachedToRef="T" cancelActivity="false"><bpmn:errorEventDefinition errorRef="Error_1" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" />
            """,
            ErrorDefinition);

        Assert.Equal(
            "error boundary event 'X' must interrupt its activity (cancelActivity=\"false\" is not allowed)",
            SingleProblem(result).Message);
    }

    [Fact]
    public void Script_condition_is_reported()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="G" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="End">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">a &gt; 1</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """);

        var problem = SingleProblem(result);
        Assert.Equal("F2", problem.ElementId);
        Assert.Equal("sequenceFlow 'F2' has a condition in language 'javascript': script conditions are not supported", problem.Message);
    }

    [Fact]
    public void Timer_or_message_start_inside_a_subprocess_is_reported()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="X"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
              <bpmn:endEvent id="SubEnd" />
              <bpmn:sequenceFlow id="SF" sourceRef="X" targetRef="SubEnd" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Sub" />
            """);

        Assert.Equal(
            "timer start event 'X' is only supported at process level; a subprocess starts with a none start event",
            SingleProblem(result).Message);
    }
}
