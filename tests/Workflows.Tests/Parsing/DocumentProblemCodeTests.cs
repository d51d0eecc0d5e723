using System.Text;
using Anju.Workflows.Deployment;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// The rarer problems of extensions, forms, structure, processes and of the document itself (issue 20) have codes of
/// their own and arguments naming the element as "name (id)", like the common ones of
/// <see cref="BpmnReaderProblemCodeTests"/>, so that the Host can say them in Chinese rather than in the generic
/// <c>model</c> code with the English sentence.
/// </summary>
public sealed class DocumentProblemCodeTests
{
    private const string Roots = """
        <bpmn:message id="Msg" name="材料补正" />
        <bpmn:signal id="Sig" name="停水" />
        <bpmn:signal id="Nameless" />
        <bpmn:signal id="SigX" name="${area}" />
        """;

    /// <summary>Start → <paramref name="element"/> (whose id is X) → end.</summary>
    private static string Between(string element) =>
        $"""<bpmn:startEvent id="S" />{element}<bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />""";

    /// <summary>A user task X named 受理 with <paramref name="extensions"/>, between start and end.</summary>
    private static string UserTask(string extensions) =>
        Between($"""<bpmn:userTask id="X" name="受理" camunda:assignee="a"><bpmn:extensionElements>{extensions}</bpmn:extensionElements></bpmn:userTask>""");

    /// <summary>A task X with <paramref name="extensions"/>, between start and end.</summary>
    private static string Task(string extensions) =>
        Between($"""<bpmn:task id="X"><bpmn:extensionElements>{extensions}</bpmn:extensionElements></bpmn:task>""");

    /// <summary>Start → end, with the process's own <paramref name="extensions"/>.</summary>
    private static string ProcessWith(string extensions) =>
        $"""<bpmn:extensionElements>{extensions}</bpmn:extensionElements><bpmn:startEvent id="S" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="End" />""";

    private const string Timer = """<bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>""";

    public static TheoryData<string, string?, string, string[]> Rows() => new()
    {
        // Extensions (ExtensionReader).
        {
            UserTask("""<camunda:taskListener event="timeout" expression="${a}">""" + Timer + "</camunda:taskListener>"),
            "X", ProblemCodes.TimeoutListenerIdMissing, ["受理 (X)"]
        },
        {
            UserTask("""<camunda:taskListener event="timeout" id="L" expression="${a}" />"""),
            "X", ProblemCodes.TimeoutListenerTimerMissing, ["受理 (X)"]
        },
        {
            Task("""<camunda:executionListener event="start" expression="${a}"><camunda:field name="text" stringValue="x" /></camunda:executionListener>"""),
            "X", ProblemCodes.ListenerField, ["X"]
        },
        {
            Task("""<camunda:executionListener event="start" expression="${a}"><camunda:other /></camunda:executionListener>"""),
            "X", ProblemCodes.ListenerExtensionUnsupported, ["X", "camunda:other"]
        },
        {
            UserTask("""<camunda:taskListener event="create" delegateExpression="notify" />"""),
            "X", ProblemCodes.ListenerDelegateExpression, ["受理 (X)", "notify"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:endEvent id="X" name="办结"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="r">1</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:endEvent><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.OutputOnEndEvent, ["办结 (X)"]
        },
        {
            Between("""<bpmn:task id="X" name="会签"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="r">1</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>"""),
            "X", ProblemCodes.OutputOnMultiInstance, ["会签 (X)"]
        },
        {
            Task("""<camunda:inputOutput><camunda:inputParameter name="days"><camunda:list /><camunda:map /></camunda:inputParameter></camunda:inputOutput>"""),
            "X", ProblemCodes.ParameterValueMultiple, ["X", "days"]
        },
        {
            Task("""<camunda:inputOutput><camunda:inputParameter name="limits"><camunda:map><camunda:entry>1</camunda:entry></camunda:map></camunda:inputParameter></camunda:inputOutput>"""),
            "X", ProblemCodes.ParameterMapKeyMissing, ["X", "limits"]
        },
        {
            Task("""<camunda:inputOutput><camunda:inputParameter name="days"><camunda:value>1</camunda:value></camunda:inputParameter></camunda:inputOutput>"""),
            "X", ProblemCodes.ParameterValueUnsupported, ["X", "days", "value"]
        },

        // Forms (FormFieldReader).
        {
            UserTask("""<camunda:formData><camunda:formField id="days" type="long" /></camunda:formData><camunda:formProperty id="note" />"""),
            "X", ProblemCodes.FormDataAndProperties, ["受理 (X)"]
        },
        {
            UserTask("""<camunda:formProperty id="days" expression="${days + 1}" />"""),
            "X", ProblemCodes.FormPropertyExpression, ["受理 (X)", "days", "${days + 1}"]
        },
        {
            UserTask("""<camunda:formProperty id="days" variable="leaveDays" expression="${days}" />"""),
            "X", ProblemCodes.FormPropertyVariables, ["受理 (X)", "days", "leaveDays", "${days}"]
        },
        {
            UserTask("""<camunda:formProperty id="due" type="date" datePattern="qq" />"""),
            "X", ProblemCodes.FormDatePatternInvalid, ["受理 (X)", "due", "qq"]
        },
        {
            UserTask("""<camunda:formData><camunda:formField id="kind" type="enum"><camunda:value name="个人" /></camunda:formField></camunda:formData>"""),
            "X", ProblemCodes.FormEnumValueIdMissing, ["受理 (X)", "kind"]
        },

        // Structure (StructureValidator).
        {
            """<bpmn:startEvent id="S" /><bpmn:userTask id="T" name="受理" camunda:assignee="a" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" /><bpmn:boundaryEvent id="X" name="上报" attachedToRef="T"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.EscalationBoundaryHost, ["上报 (X)", "受理 (T)"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:intermediateThrowEvent id="Go"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateThrowEvent><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Go" /><bpmn:intermediateCatchEvent id="A" name="复核甲"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id="B"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateCatchEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="End" /><bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="End" />""",
            "B", ProblemCodes.LinkCatchDuplicate, ["B", "复核", "复核甲 (A)"]
        },
        {
            """<bpmn:startEvent id="S" name="申报" /><bpmn:task id="T" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" /><bpmn:sequenceFlow id="F3" sourceRef="T" targetRef="S" />""",
            "S", ProblemCodes.IncomingFlowNotAllowed, ["申报 (S)"]
        },
        {
            $"""<bpmn:startEvent id="S" /><bpmn:userTask id="T" camunda:assignee="a" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" /><bpmn:boundaryEvent id="X" name="超时" attachedToRef="T">{Timer}</bpmn:boundaryEvent><bpmn:sequenceFlow id="F3" sourceRef="X" targetRef="End" /><bpmn:sequenceFlow id="F4" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.IncomingFlowNotAllowed, ["超时 (X)"]
        },
        {
            Between("""<bpmn:intermediateCatchEvent id="X" name="复核"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateCatchEvent>"""),
            "X", ProblemCodes.LinkCatchIncoming, ["复核 (X)"]
        },
        {
            Between("""<bpmn:intermediateThrowEvent id="X"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateThrowEvent>""")
                + """<bpmn:intermediateCatchEvent id="C"><bpmn:linkEventDefinition name="复核" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="F3" sourceRef="C" targetRef="End" />""",
            "X", ProblemCodes.LinkThrowOutgoing, ["X"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:endEvent id="X" name="办结" /><bpmn:task id="T" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" /><bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="T" />""",
            "X", ProblemCodes.EndEventOutgoing, ["办结 (X)"]
        },
        {
            """<bpmn:startEvent id="A" name="网上申报"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent><bpmn:startEvent id="B"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:startEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="End" /><bpmn:sequenceFlow id="F2" sourceRef="B" targetRef="End" />""",
            "B", ProblemCodes.MessageStartDuplicate, ["B", "材料补正", "网上申报 (A)"]
        },

        // Processes (ProcessReader).
        {
            ProcessWith("""<camunda:properties><camunda:property value="TS" /></camunda:properties>"""),
            "P", ProblemCodes.ProcessPropertyNameMissing, ["P"]
        },
        {
            ProcessWith("""<camunda:properties><camunda:property name="owner" value="a" /><camunda:property name="owner" value="b" /></camunda:properties>"""),
            "P", ProblemCodes.ProcessPropertyDuplicate, ["P", "owner"]
        },
        {
            ProcessWith("""<camunda:properties><camunda:property name="caseNumberPrefix" value="ts" /></camunda:properties>"""),
            "P", ProblemCodes.CaseNumberPrefix, ["P", "ts"]
        },
        {
            ProcessWith("""<camunda:properties><camunda:property name="caseSummary" value="a,b,c,d,e,f,g" /><camunda:property name="caseSearch" value="h,i,j,k,l,m" /></camunda:properties>"""),
            "P", ProblemCodes.CaseVariablesTooMany, ["P", "13", "12"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:task name="登记" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="End" />""",
            null, ProblemCodes.IdMissing, ["task"]
        },
        {
            """<bpmn:startEvent id="S" /><bpmn:eventBasedGateway id="X" name="等待" instantiate="true" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="X" />""",
            "X", ProblemCodes.EventGatewayInstantiate, ["等待 (X)"]
        },

        // ReadContext: boolean attributes and signals.
        {
            Between("""<bpmn:task id="X" name="登记" camunda:asyncBefore="yes" />"""),
            "X", ProblemCodes.BooleanValue, ["登记 (X)", "camunda:asyncBefore", "yes"]
        },
        {
            Between("""<bpmn:intermediateThrowEvent id="X" name="通知"><bpmn:signalEventDefinition signalRef="Nameless" /></bpmn:intermediateThrowEvent>"""),
            "X", ProblemCodes.SignalNameMissing, ["通知 (X)", "Nameless"]
        },
        {
            """<bpmn:startEvent id="X" name="停水通知"><bpmn:signalEventDefinition signalRef="SigX" /></bpmn:startEvent><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="X" targetRef="End" />""",
            "X", ProblemCodes.SignalNameExpression, ["停水通知 (X)", "${area}"]
        },
        {
            Between("""<bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition signalRef="Sig"><bpmn:extensionElements><camunda:in variables="all" /></bpmn:extensionElements></bpmn:signalEventDefinition></bpmn:intermediateThrowEvent>"""),
            "X", ProblemCodes.SignalExtensionUnsupported, ["X", "camunda:in"]
        },
        {
            Between("""<bpmn:intermediateThrowEvent id="X" name="通知"><bpmn:signalEventDefinition signalRef="Sig" camunda:async="true" /></bpmn:intermediateThrowEvent>"""),
            "X", ProblemCodes.SignalAsyncUnsupported, ["通知 (X)"]
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_rarer_problem_has_its_own_code_and_arguments(string body, string? elementId, string code, string[] arguments) =>
        HasCode(ReadProcess(body, Roots), elementId, code, arguments);

    /// <summary>The whole document (in place of one process body), for what the document or its process element says.</summary>
    public static TheoryData<string, string?, string, string[]> DocumentRows() => new()
    {
        {
            Process("""<bpmn:startEvent id="S" />""").Replace("""<bpmn:process id="P" isExecutable="true">""", """<bpmn:process isExecutable="true">""", StringComparison.Ordinal),
            null, ProblemCodes.IdMissing, ["process"]
        },
        {
            Process("""<bpmn:startEvent id="S" /><bpmn:endEvent id="End" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="End" />""")
                .Replace("""<bpmn:process id="P" isExecutable="true">""", """<bpmn:process id="P" name="投诉处理" isExecutable="true" camunda:candidateStarterGroups="${groups}">""", StringComparison.Ordinal),
            "P", ProblemCodes.CandidateStartersExpression, ["投诉处理 (P)", "camunda:candidateStarterGroups", "${groups}"]
        },
        {
            """<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://example.com/not-bpmn" />""",
            null, ProblemCodes.RootElement, ["definitions", "http://example.com/not-bpmn"]
        },
        {
            """<?xml version="1.0"?><!DOCTYPE definitions [<!ENTITY a "a">]><definitions />""",
            null, ProblemCodes.DocumentDtd, []
        },
        {
            "<?xml version=\"1.0\"?>\n<definitions>\n  <process></task>\n</definitions>",
            null, ProblemCodes.DocumentNotWellFormed, ["3", "14"]
        },
        {
            Process($"""<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="End"><bpmn:conditionExpression>{string.Concat(Enumerable.Repeat("<a>", 130))}{string.Concat(Enumerable.Repeat("</a>", 130))}</bpmn:conditionExpression></bpmn:sequenceFlow>"""),
            null, ProblemCodes.DocumentTooDeep, ["128"]
        },
    };

    [Theory]
    [MemberData(nameof(DocumentRows))]
    public void A_problem_of_the_document_has_its_own_code_and_arguments(string document, string? elementId, string code, string[] arguments) =>
        HasCode(BpmnReader.Read(document), elementId, code, arguments);

    [Fact]
    public void A_document_too_large_says_so_by_its_code_with_the_limit()
    {
        var xml = Process(new string(' ', (int)BpmnReader.MaxDocumentBytes));

        HasCode(BpmnReader.Read(xml), null, ProblemCodes.DocumentTooLarge, ["10 MB"]);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        HasCode(BpmnReader.Read(stream), null, ProblemCodes.DocumentTooLarge, ["10 MB"]);
    }

    /// <summary>
    /// A decoder that gives up (the reader's own decoding reports broken bytes as not well-formed XML, so a stream stands
    /// in for whatever decoding throws <see cref="DecoderFallbackException"/>).
    /// </summary>
    [Fact]
    public void A_document_not_correctly_encoded_says_so_by_its_code() =>
        HasCode(BpmnReader.Read(new UndecodableStream()), null, ProblemCodes.DocumentEncoding, []);

    private sealed class UndecodableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new DecoderFallbackException("undecodable");

        public override int Read(Span<byte> buffer) => throw new DecoderFallbackException("undecodable");
    }

    private static void HasCode(BpmnParseResult result, string? elementId, string code, string[] arguments)
    {
        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.ElementId == elementId && p.Code == code);
        Assert.Equal(arguments, problem.Arguments);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }
}
