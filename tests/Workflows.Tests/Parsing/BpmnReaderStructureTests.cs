using Anju.Workflows.Model;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>Problems with the shape of the graph, each naming the element and its line.</summary>
public sealed class BpmnReaderStructureTests
{
    private const string StartToEnd = """
        <bpmn:startEvent id="Start" />
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="Flow_Main" sourceRef="Start" targetRef="End" />
        """;

    [Fact]
    public void Duplicate_ids_are_reported_at_the_second_occurrence()
    {
        var xml = Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:task id="Task_1" />
            <bpmn:task id="Task_1" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="End" />
            """);

        var problem = SingleProblem(BpmnReader.Read(xml));

        var lines = xml.Split('\n');
        var first = Array.FindIndex(lines, l => l.Contains("\"Task_1\" />", StringComparison.Ordinal)) + 1;
        Assert.Equal("Task_1", problem.ElementId);
        Assert.Equal(first + 1, problem.Line);
        Assert.Equal($"Duplicate id 'Task_1' (first used on line {first})", problem.Message);
    }

    [Fact]
    public void Flow_to_an_unknown_element_is_reported()
    {
        var result = ReadProcess($"""
            {StartToEnd}
            <bpmn:sequenceFlow id="Flow_Bad" sourceRef="Start" targetRef="Nowhere" />
            """);

        var problem = SingleProblem(result);
        Assert.Equal("Flow_Bad", problem.ElementId);
        Assert.Equal("sequenceFlow 'Flow_Bad' has target 'Nowhere', which is not a flow node of this process", problem.Message);
    }

    [Fact]
    public void Flow_to_a_non_flow_node_such_as_an_annotation_is_reported()
    {
        var result = ReadProcess($"""
            {StartToEnd}
            <bpmn:textAnnotation id="Note"><bpmn:text>hi</bpmn:text></bpmn:textAnnotation>
            <bpmn:sequenceFlow id="Flow_Bad" sourceRef="Note" targetRef="End" />
            """);

        Assert.Equal("sequenceFlow 'Flow_Bad' has source 'Note', which is not a flow node of this process", SingleProblem(result).Message);
    }

    [Fact]
    public void Flow_crossing_a_subprocess_boundary_is_reported()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="SubStart" />
              <bpmn:task id="Inner" />
              <bpmn:sequenceFlow id="SubFlow" sourceRef="SubStart" targetRef="Inner" />
            </bpmn:subProcess>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub" />
            <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="End" />
            <bpmn:sequenceFlow id="Flow_Cross" sourceRef="Inner" targetRef="End" />
            """);

        var problem = SingleProblem(result);
        Assert.Equal("Flow_Cross", problem.ElementId);
        Assert.StartsWith("sequenceFlow 'Flow_Cross' crosses a subprocess boundary", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_without_start_event_is_reported()
    {
        var result = ReadProcess("""<bpmn:task id="T" />""");

        Assert.Contains(result.Problems, p => p is { ElementId: "P", Message: "Process 'P' has no start event" });
    }

    [Fact]
    public void Start_event_with_incoming_and_end_event_with_outgoing_are_reported()
    {
        var result = ReadProcess($"""
            {StartToEnd}
            <bpmn:sequenceFlow id="Flow_Back" sourceRef="End" targetRef="Start" />
            """);

        Assert.Equal(2, result.Problems.Length);
        HasProblem(result, "startEvent 'Start' has incoming sequence flows");
        HasProblem(result, "endEvent 'End' has outgoing sequence flows");
    }

    [Fact]
    public void Gateway_without_outgoing_flow_is_reported_but_an_activity_is_an_implicit_end()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:task id="Task_Last" />
            <bpmn:intermediateThrowEvent id="Milestone" />
            <bpmn:exclusiveGateway id="Gateway_Dead" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork" />
            <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Task_Last" />
            <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Milestone" />
            <bpmn:sequenceFlow id="F4" sourceRef="Fork" targetRef="Gateway_Dead" />
            """);

        var problem = SingleProblem(result);
        Assert.Equal("Gateway_Dead", problem.ElementId);
        Assert.Equal("exclusiveGateway 'Gateway_Dead' has no outgoing sequence flow", problem.Message);
    }

    [Fact]
    public void Node_without_incoming_flow_is_reported()
    {
        var result = ReadProcess($"""
            {StartToEnd}
            <bpmn:userTask id="Orphan" />
            <bpmn:sequenceFlow id="Flow_Orphan" sourceRef="Orphan" targetRef="End" />
            """);

        Assert.Equal("userTask 'Orphan' has no incoming sequence flow", SingleProblem(result).Message);
    }

    [Fact]
    public void Start_event_without_outgoing_flow_is_reported()
    {
        var result = ReadProcess("""<bpmn:startEvent id="Start" />""");

        Assert.Equal("startEvent 'Start' has no outgoing sequence flow", SingleProblem(result).Message);
    }

    [Fact]
    public void Boundary_event_with_incoming_flow_is_reported()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:task id="T" />
            <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="Start" targetRef="B" />
            """);

        Assert.Equal("boundaryEvent 'B' has incoming sequence flows", SingleProblem(result).Message);
    }

    [Fact]
    public void Boundary_event_must_be_attached_to_an_activity_of_the_same_scope()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="G" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="SubStart" />
              <bpmn:task id="Inner" />
              <bpmn:sequenceFlow id="SF" sourceRef="SubStart" targetRef="Inner" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="B1" attachedToRef="G"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="B2" attachedToRef="Inner"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="B3" attachedToRef="Missing"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="Sub" />
            """);

        Assert.Equal(3, result.Problems.Length);
        HasProblem(result, "boundaryEvent 'B1' is attached to exclusiveGateway 'G'; boundary events can only be attached to activities");
        HasProblem(result, "boundaryEvent 'B2' must be in the same (sub)process as activity 'Inner' it is attached to");
        HasProblem(result, "boundaryEvent 'B3' is attached to 'Missing', which is not a flow node of this process");
    }

    [Fact]
    public void Default_flow_must_be_an_unconditioned_outgoing_flow_of_its_gateway()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="X1" default="F_Default" />
            <bpmn:inclusiveGateway id="X2" default="F1" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="X1" />
            <bpmn:sequenceFlow id="F_Default" sourceRef="X1" targetRef="X2">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${a}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F3" sourceRef="X2" targetRef="End" />
            """);

        Assert.Equal(2, result.Problems.Length);
        Assert.Equal("F_Default", HasProblem(result, "The default flow 'F_Default' of exclusiveGateway 'X1' must not have a condition").ElementId);
        Assert.Equal("X2", HasProblem(result, "The default flow 'F1' of inclusiveGateway 'X2' is not one of its outgoing sequence flows").ElementId);
    }

    [Fact]
    public void Second_none_start_event_is_reported()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="S1" />
            <bpmn:startEvent id="S2" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="S1" targetRef="End" />
            <bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="End" />
            """);

        Assert.Equal("startEvent 'S2' is a second none start event; a process can have only one", SingleProblem(result).Message);
    }

    [Fact]
    public void Event_based_gateway_may_only_lead_to_catch_events_and_receive_tasks()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:eventBasedGateway id="G" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="Task_Wrong" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="Wait" />
            <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="Task_Wrong" />
            """);

        var problem = SingleProblem(result);
        Assert.Equal("G", problem.ElementId);
        Assert.Equal(
            "eventBasedGateway 'G' leads to userTask 'Task_Wrong'; only message, signal or timer intermediate catch events and receive tasks may follow it",
            problem.Message);
    }

    [Fact]
    public void Subprocess_needs_exactly_one_start_event()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Sub_None"><bpmn:task id="Inner" /></bpmn:subProcess>
            <bpmn:subProcess id="Sub_Two">
              <bpmn:startEvent id="A" />
              <bpmn:startEvent id="B" />
              <bpmn:endEvent id="E" />
              <bpmn:sequenceFlow id="SA" sourceRef="A" targetRef="E" />
              <bpmn:sequenceFlow id="SB" sourceRef="B" targetRef="E" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub_None" />
            <bpmn:sequenceFlow id="F2" sourceRef="Sub_None" targetRef="Sub_Two" />
            """);

        HasProblem(result, "subProcess 'Sub_None' has no start event");
        HasProblem(result, "subProcess 'Sub_Two' must have exactly one (none) start event, not 2");
        HasProblem(result, "task 'Inner' has no incoming sequence flow");
        Assert.Equal(3, result.Problems.Length);
    }

    [Theory]
    [InlineData("""<bpmn:serviceTask id="X" />""", "serviceTask 'X' has no implementation (camunda:class, camunda:delegateExpression, camunda:expression or camunda:type=\"external\")")]
    [InlineData("""<bpmn:sendTask id="X" camunda:topic="t" />""", "sendTask 'X' has no implementation (camunda:class, camunda:delegateExpression, camunda:expression or camunda:type=\"external\")")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:type="external" />""", "serviceTask 'X' is an external task without camunda:topic")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:class="A" camunda:expression="${b}" />""", "serviceTask 'X' has more than one implementation; choose one of camunda:class, camunda:delegateExpression, camunda:expression or camunda:type=\"external\"")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:delegateExpression="${beans.get('x')}" />""", "camunda:delegateExpression \"${beans.get('x')}\" of serviceTask 'X' must name a handler as ${name}")]
    [InlineData("""<bpmn:receiveTask id="X" />""", "receiveTask 'X' has no messageRef")]
    [InlineData("""<bpmn:receiveTask id="X" messageRef="Nope" />""", "messageRef 'Nope' of receiveTask 'X' does not reference a message")]
    [InlineData("""<bpmn:callActivity id="X" />""", "callActivity 'X' has no calledElement")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="c" camunda:calledElementBinding="versionTag" />""", "camunda:calledElementBinding \"versionTag\" of callActivity 'X' is not supported (latest, version or deployment)")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="c" camunda:calledElementBinding="version" camunda:calledElementVersion="${v}" />""", "callActivity 'X' has binding \"version\" but camunda:calledElementVersion is not a version number")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="c"><bpmn:extensionElements><camunda:in source="a" /></bpmn:extensionElements></bpmn:callActivity>""", "camunda:in of callActivity 'X' needs one of source or sourceExpression and a target, or variables=\"all\"")]
    [InlineData("""<bpmn:task id="X"><bpmn:multiInstanceLoopCharacteristics isSequential="true" /></bpmn:task>""", "The multi-instance of task 'X' needs a loopCardinality or a camunda:collection")]
    [InlineData("""<bpmn:task id="X"><bpmn:multiInstanceLoopCharacteristics isSequential="yes"><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>""", "isSequential of task 'X' must be \"true\" or \"false\", not \"yes\"")]
    [InlineData("""<bpmn:userTask id="X"><bpmn:extensionElements><camunda:formData><camunda:formField id="f" type="custom" /></camunda:formData></bpmn:extensionElements></bpmn:userTask>""", "Form field 'f' of userTask 'X' has unknown type 'custom' (string, long, double, boolean, date or enum)")]
    [InlineData("""<bpmn:userTask id="X"><bpmn:extensionElements><camunda:formData><camunda:formField id="f" type="string"><camunda:validation><camunda:constraint name="com.acme.Validator" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>""", "Constraint 'com.acme.Validator' on form field 'f' of userTask 'X' is not supported (required, readonly, minlength, maxlength, min or max)")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>""", "timer intermediate catch event 'X' must have exactly one of timeDate, timeDuration or timeCycle")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition><bpmn:timeDuration> </bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "The timeDuration of timer intermediate catch event 'X' is empty")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent 'X' has no messageRef")]
    [InlineData("""<bpmn:task id="X" default="Flow_Out" />""", "A default flow on task 'X' is not supported; route through an exclusive gateway")]
    [InlineData("""<bpmn:task id="X" camunda:asyncBefore="maybe" />""", "camunda:asyncBefore of task 'X' must be \"true\" or \"false\", not \"maybe\"")]
    public void Invalid_element_configuration_is_reported_with_the_element_id(string element, string message)
    {
        var problem = SingleProblem(ReadBetweenStartAndEnd(element));

        Assert.Equal(message, problem.Message);
        Assert.Equal("X", problem.ElementId);
    }

    [Fact]
    public void Error_references_resolve_to_error_codes_and_dangling_ones_are_reported()
    {
        var result = ReadProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:endEvent id="X"><bpmn:errorEventDefinition errorRef="Error_Missing" /></bpmn:endEvent>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="X" />
            """);

        Assert.Equal("errorRef 'Error_Missing' of endEvent 'X' does not reference an error", SingleProblem(result).Message);
    }

    [Fact]
    public void Message_references_written_as_qualified_names_are_resolved()
    {
        var process = SingleProcess(ReadProcess(
            """
            <bpmn:startEvent id="Start"><bpmn:messageEventDefinition messageRef="bpmn:Message_1" /></bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" />
            """,
            """<bpmn:message id="Message_1" name="Hello" />"""));

        Assert.Equal("Hello", Node<StartEvent>(process, "Start").MessageName);
    }

    [Fact]
    public void Two_message_start_events_for_the_same_message_are_reported()
    {
        var result = ReadProcess(
            """
            <bpmn:startEvent id="S1"><bpmn:messageEventDefinition messageRef="M1" /></bpmn:startEvent>
            <bpmn:startEvent id="S2"><bpmn:messageEventDefinition messageRef="M2" /></bpmn:startEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="S1" targetRef="End" />
            <bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="End" />
            """,
            """<bpmn:message id="M1" name="Go" /><bpmn:message id="M2" name="Go" />""");

        Assert.Equal("startEvent 'S2' waits for message 'Go', which already starts 'S1'", SingleProblem(result).Message);
    }

    [Fact]
    public void Problems_of_one_process_do_not_hide_a_valid_other_process()
    {
        var xml = $"""
            <bpmn:definitions xmlns:bpmn="{ModelNamespace}" id="D">
              <bpmn:process id="Good" isExecutable="true">{StartToEnd}</bpmn:process>
              <bpmn:process id="Bad" isExecutable="true"><bpmn:complexGateway id="Cg" /></bpmn:process>
            </bpmn:definitions>
            """;

        var result = BpmnReader.Read(xml);

        Assert.False(result.Succeeded);
        Assert.Equal("Good", Assert.Single(result.Processes).Key);
        Assert.All(result.Problems, p => Assert.NotEqual("Good", p.ElementId));
    }

    [Theory]
    [InlineData("""<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" />""", "The document contains no process")]
    [InlineData("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/DI" />""", "The root element must be 'definitions' in the BPMN 2.0 model namespace (http://www.omg.org/spec/BPMN/20100524/MODEL), not 'definitions' in namespace 'http://www.omg.org/spec/BPMN/20100524/DI'")]
    [InlineData("""<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="P" isExecutable="true" />""", "The root element must be 'definitions' in the BPMN 2.0 model namespace (http://www.omg.org/spec/BPMN/20100524/MODEL), not 'process' in namespace 'http://www.omg.org/spec/BPMN/20100524/MODEL'")]
    public void Documents_that_are_not_bpmn_definitions_with_a_process_are_reported(string xml, string message)
    {
        var problem = SingleProblem(BpmnReader.Read(xml));

        Assert.Equal(message, problem.Message);
        Assert.Null(problem.ElementId);
    }
}
