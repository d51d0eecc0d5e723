using Anju.Workflows.Deployment;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// The rarer problems of events, flows, tasks, call activities and vendor attributes (issue 20) have codes of their
/// own and arguments naming the element as "name (id)", so that clients can say them in the modeller's language
/// instead of the generic <c>model</c> code with the English sentence.
/// </summary>
public sealed class RareProblemCodeTests
{
    private const string Roots = """
        <bpmn:message id="Msg" name="材料补正" />
        <bpmn:error id="Err" errorCode="E1" />
        """;

    private const string Flowable = "xmlns:flowable=\"http://flowable.org/bpmn\"";

    /// <summary>Start → <paramref name="element"/> (whose id is X) → end.</summary>
    private static string Between(string element) =>
        $"""<bpmn:startEvent id="S" />{element}<bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""";

    /// <summary>Start → user task T → end, with <paramref name="boundary"/> (whose id is X) leading to the end.</summary>
    private static string OnTask(string boundary) =>
        $"""<bpmn:startEvent id="S" /><bpmn:userTask id="T" camunda:assignee="a" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" />{boundary}<bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" />""";

    /// <summary>Start → end over flow F1, which holds <paramref name="condition"/>.</summary>
    private static string Flow(string condition, string name = "") =>
        $"""<bpmn:startEvent id="S" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1"{name} sourceRef="S" targetRef="End">{condition}</bpmn:sequenceFlow>""";

    /// <summary>Start → subprocess Sub (start Ss → task In "现场") → end, with <paramref name="more"/> beside them.</summary>
    private static string WithSubProcess(string more, string outOfSub = """sourceRef="Sub" """) =>
        $"""<bpmn:startEvent id="S" /><bpmn:subProcess id="Sub" name="核查"><bpmn:startEvent id="Ss" /><bpmn:task id="In" name="现场" /><bpmn:sequenceFlow id="Sf" sourceRef="Ss" targetRef="In" /></bpmn:subProcess><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Sub" /><bpmn:sequenceFlow id="F2" name="跳出" {outOfSub}targetRef="End" />{more}""";

    public static TheoryData<string, string, string, string[]> Rows() => new()
    {
        // EventDefinitions
        {
            Between("""<bpmn:intermediateCatchEvent id="X" name="等待"><bpmn:eventDefinitionRef>Td</bpmn:eventDefinitionRef></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.EventDefinitionRefUnsupported, ["等待 (X)"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="Msg" /><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.MultipleEventUnsupported, ["X", "2"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X" name="复核"><bpmn:linkEventDefinition /></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.LinkNameMissing, ["复核 (X)"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.ConditionalConditionMissing, ["X"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X" name="到账"><bpmn:conditionalEventDefinition camunda:variableEvents="create,change"><bpmn:condition xsi:type="bpmn:tFormalExpression">${ok}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.VariableEventUnknown, ["到账 (X)", "change"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition camunda:variableEvents=","><bpmn:condition xsi:type="bpmn:tFormalExpression">${ok}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.VariableEventsEmpty, ["X"]
        },

        // EventReader
        {
            Between("""<bpmn:intermediateCatchEvent id="X" name="等待" />"""),
            "X", ProblemCodes.EventDefinitionMissing, ["等待 (X)"]
        },
        {
            OnTask("""<bpmn:boundaryEvent id="X" attachedToRef="T" />"""),
            "X", ProblemCodes.EventDefinitionMissing, ["X"]
        },
        {
            Between("""<bpmn:subProcess id="X"><bpmn:startEvent id="Ss" name="收到"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent><bpmn:endEvent id="Se" /><bpmn:sequenceFlow id="Sf" sourceRef="Ss" targetRef="Se" /></bpmn:subProcess>"""),
            "Ss", ProblemCodes.SubProcessStartTrigger, ["收到 (Ss)", "message"]
        },
        {
            """<bpmn:startEvent id="X" name="收到" camunda:formKey="apply"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.StartFormOnTrigger, ["收到 (X)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="End" /><bpmn:subProcess id="Esp" triggeredByEvent="true"><bpmn:startEvent id="Es" name="出错" isInterrupting="false"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:startEvent><bpmn:endEvent id="Ee" /><bpmn:sequenceFlow id="Ef" sourceRef="Es" targetRef="Ee" /></bpmn:subProcess>""",
            "Es", ProblemCodes.ErrorStartNonInterrupting, ["出错 (Es)"]
        },
        {
            OnTask("""<bpmn:boundaryEvent id="X" name="驳回" attachedToRef="T" cancelActivity="false"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>"""),
            "X", ProblemCodes.ErrorBoundaryNonInterrupting, ["驳回 (X)"]
        },

        // GraphLinker
        {
            WithSubProcess("", """sourceRef="In" """),
            "F2", ProblemCodes.FlowCrossesSubProcess, ["跳出 (F2)", "现场 (In)", "End"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="Gw" name="是否受理" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Gw" /><bpmn:sequenceFlow id="F2" sourceRef="Gw" targetRef="End" /><bpmn:boundaryEvent id="X" attachedToRef="Gw"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.BoundaryHostNotActivity, ["X", "是否受理 (Gw)", "exclusiveGateway"]
        },
        {
            WithSubProcess("""<bpmn:boundaryEvent id="X" name="超时" attachedToRef="In"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" />"""),
            "X", ProblemCodes.BoundaryHostScope, ["超时 (X)", "现场 (In)"]
        },

        // SequenceFlowReader
        {
            Flow("""<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">ok</bpmn:conditionExpression>""", """ name="同意" """),
            "F1", ProblemCodes.ConditionLanguage, ["同意 (F1)", "groovy"]
        },
        {
            Flow("""<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="ok.groovy" />"""),
            "F1", ProblemCodes.ConditionResource, ["F1"]
        },
        {
            Flow("""<bpmn:conditionExpression xsi:type="bpmn:tScript">${ok}</bpmn:conditionExpression>"""),
            "F1", ProblemCodes.ConditionType, ["F1", "bpmn:tScript"]
        },

        // CamundaSupport: an attribute, then an extension element
        {
            Between("""<bpmn:userTask id="X" name="受理" camunda:assignee="a" camunda:formHandlerClass="com.acme.Form" />"""),
            "X", ProblemCodes.CamundaUnsupported, ["受理 (X)", "camunda:formHandlerClass"]
        },
        {
            Between("""<bpmn:serviceTask id="X" camunda:class="billing"><bpmn:extensionElements><camunda:field name="a" stringValue="b" /></bpmn:extensionElements></bpmn:serviceTask>"""),
            "X", ProblemCodes.CamundaUnsupported, ["X", "camunda:field"]
        },

        // CallActivityReader
        {
            Between("""<bpmn:callActivity id="X" name="转办" calledElement="sub" camunda:calledElementBinding="versionTag" />"""),
            "X", ProblemCodes.CalledElementBinding, ["转办 (X)", "versionTag"]
        },
        {
            Between("""<bpmn:callActivity id="X" calledElement="sub" camunda:calledElementBinding="version" camunda:calledElementVersion="v2" />"""),
            "X", ProblemCodes.CalledElementVersion, ["X", "v2"]
        },
        {
            Between("""<bpmn:callActivity id="X" name="转办" calledElement="sub"><bpmn:extensionElements><camunda:in businessKey="${a}" /><camunda:in businessKey="${b}" /></bpmn:extensionElements></bpmn:callActivity>"""),
            "X", ProblemCodes.CallBusinessKeyDuplicate, ["转办 (X)"]
        },
        {
            Between("""<bpmn:callActivity id="X" calledElement="sub"><bpmn:extensionElements><camunda:out variables="some" /></bpmn:extensionElements></bpmn:callActivity>"""),
            "X", ProblemCodes.CallVariablesUnsupported, ["X", "camunda:out", "some"]
        },
        {
            Between("""<bpmn:callActivity id="X" name="转办" calledElement="sub"><bpmn:extensionElements><camunda:in source="a" /></bpmn:extensionElements></bpmn:callActivity>"""),
            "X", ProblemCodes.CallMappingIncomplete, ["转办 (X)", "camunda:in"]
        },

        // HumanRoles
        {
            Between("""<bpmn:userTask id="X" name="受理"><bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>a</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer><bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>b</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer></bpmn:userTask>"""),
            "X", ProblemCodes.HumanPerformerDuplicate, ["受理 (X)"]
        },
        {
            Between("""<bpmn:userTask id="X" camunda:assignee="a"><bpmn:potentialOwner resourceRef="Clerks" /></bpmn:userTask>"""),
            "X", ProblemCodes.HumanRoleExpressionMissing, ["X", "potentialOwner"]
        },

        // VendorNamespaces
        {
            Between($"""<bpmn:serviceTask id="X" name="计费" camunda:class="billing" {Flowable}><bpmn:extensionElements><flowable:mapException errorCode="E1">java.lang.Exception</flowable:mapException></bpmn:extensionElements></bpmn:serviceTask>"""),
            "X", ProblemCodes.FlowableElementUnsupported, ["计费 (X)", "flowable:mapException"]
        },
        {
            Between($"""<bpmn:userTask id="X" camunda:assignee="a" {Flowable} flowable:skipExpression="skip" />"""),
            "X", ProblemCodes.FlowableAttributeUnsupported, ["X", "flowable:skipExpression"]
        },
        {
            Between("""<bpmn:userTask id="X" name="受理" xmlns:activiti="http://activiti.org/bpmn" activiti:assignee="a" camunda:assignee="b" />"""),
            "X", ProblemCodes.VendorAttributeConflict, ["受理 (X)", "activiti:assignee=\"a\"", "camunda:assignee=\"b\""]
        },

        // TaskReader
        {
            Between("""<bpmn:businessRuleTask id="X" name="定费" camunda:decisionRef="fee" />"""),
            "X", ProblemCodes.DecisionRefUnsupported, ["定费 (X)", "fee"]
        },
        {
            Between("""<bpmn:receiveTask id="X" messageRef="Msg" instantiate="true" />"""),
            "X", ProblemCodes.ReceiveTaskInstantiate, ["X"]
        },
        {
            Between("""<bpmn:serviceTask id="X" camunda:class="billing" camunda:expression="${billing.charge()}" />"""),
            "X", ProblemCodes.ImplementationAmbiguous, ["X"]
        },
        {
            Between("""<bpmn:serviceTask id="X" name="计费" />"""),
            "X", ProblemCodes.ImplementationMissing, ["计费 (X)"]
        },
        {
            Between("""<bpmn:serviceTask id="X" camunda:type="mail" />"""),
            "X", ProblemCodes.TaskTypeUnsupported, ["X", "mail"]
        },
        {
            Between("""<bpmn:serviceTask id="X" name="计费" camunda:type="external" />"""),
            "X", ProblemCodes.ExternalTopicMissing, ["计费 (X)"]
        },
        {
            Between("""<bpmn:serviceTask id="X" camunda:delegateExpression="${billing.charge}" />"""),
            "X", ProblemCodes.DelegateExpressionForm, ["X", "${billing.charge}"]
        },
        {
            Between("""<bpmn:serviceTask id="X" name="计费" camunda:class="billing"><bpmn:extensionElements><camunda:properties><camunda:property value="1" /></camunda:properties></bpmn:extensionElements></bpmn:serviceTask>"""),
            "X", ProblemCodes.PropertyNameMissing, ["计费 (X)"]
        },
        {
            Between("""<bpmn:serviceTask id="X" camunda:class="billing"><bpmn:extensionElements><camunda:properties><camunda:property name="rate" value="1" /><camunda:property name="rate" value="2" /></camunda:properties></bpmn:extensionElements></bpmn:serviceTask>"""),
            "X", ProblemCodes.PropertyDuplicate, ["X", "rate"]
        },

        // ActivityReader
        {
            Between("""<bpmn:task id="X" name="复核"><bpmn:standardLoopCharacteristics /></bpmn:task>"""),
            "X", ProblemCodes.StandardLoopUnsupported, ["复核 (X)"]
        },
        {
            Between("""<bpmn:task id="X" default="F2" />"""),
            "X", ProblemCodes.ActivityDefaultFlow, ["X"]
        },
        {
            Between("""<bpmn:task id="X" name="会签"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality><bpmn:inputDataItem id="Item" /></bpmn:multiInstanceLoopCharacteristics></bpmn:task>"""),
            "X", ProblemCodes.MultiInstanceDataUnsupported, ["会签 (X)", "inputDataItem"]
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_rarer_problem_has_its_own_code_and_arguments(string body, string elementId, string code, string[] arguments)
    {
        var result = ReadProcess(body, Roots);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.ElementId == elementId && p.Code == code);
        Assert.Equal(arguments, problem.Arguments);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }
}
