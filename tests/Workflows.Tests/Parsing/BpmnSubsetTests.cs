using System.Text.Json.Nodes;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// docs/bpmn-subset.json is what the web designer offers; these tests keep it and the parser in step.
/// </summary>
public sealed class BpmnSubsetTests
{
    private static readonly JsonObject Subset = LoadSubset();

    private static JsonObject LoadSubset()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "bpmn-subset.json")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "docs", "bpmn-subset.json")))!.AsObject();
    }

    private static string Document(string body, bool toEnd = true) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:message id="M" name="m" /><bpmn:error id="E" errorCode="e" /><bpmn:signal id="S" name="s" /><bpmn:escalation id="X" escalationCode="x" />
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="el" />
            {body}
            {(toEnd ? "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"el\" targetRef=\"end\" />" : "")}<bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A minimal, valid use of each supported element and trigger, named "el".</summary>
    private static string Sample(string element, string trigger) => (element, trigger) switch
    {
        ("startEvent", "none") => "<bpmn:task id=\"el\" />",
        ("startEvent", "message") => "<bpmn:task id=\"el\" /><bpmn:startEvent id=\"s2\"><bpmn:messageEventDefinition messageRef=\"M\" /></bpmn:startEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"s2\" targetRef=\"el\" />",
        ("startEvent", "timer") => "<bpmn:task id=\"el\" /><bpmn:startEvent id=\"s2\"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"s2\" targetRef=\"el\" />",
        ("startEvent", "signal") => "<bpmn:task id=\"el\" /><bpmn:startEvent id=\"s2\"><bpmn:signalEventDefinition signalRef=\"S\" /></bpmn:startEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"s2\" targetRef=\"el\" />",
        ("startEvent", "conditional") => $"<bpmn:task id=\"el\" /><bpmn:startEvent id=\"s2\">{Definition("conditional")}</bpmn:startEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"s2\" targetRef=\"el\" />",
        ("endEvent", "signal") => "<bpmn:task id=\"el\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"t\" /><bpmn:endEvent id=\"t\"><bpmn:signalEventDefinition signalRef=\"S\" /></bpmn:endEvent>",
        ("intermediateCatchEvent", "signal") => "<bpmn:intermediateCatchEvent id=\"el\"><bpmn:signalEventDefinition signalRef=\"S\" /></bpmn:intermediateCatchEvent>",
        ("intermediateCatchEvent", "conditional") => $"<bpmn:intermediateCatchEvent id=\"el\">{Definition("conditional")}</bpmn:intermediateCatchEvent>",
        ("intermediateThrowEvent", "signal") => "<bpmn:intermediateThrowEvent id=\"el\"><bpmn:signalEventDefinition signalRef=\"S\" /></bpmn:intermediateThrowEvent>",
        ("endEvent", "none") => "<bpmn:task id=\"el\" />",
        ("endEvent", "terminate") => "<bpmn:task id=\"el\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"t\" /><bpmn:endEvent id=\"t\"><bpmn:terminateEventDefinition /></bpmn:endEvent>",
        ("endEvent", "escalation") => "<bpmn:task id=\"el\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"t\" /><bpmn:endEvent id=\"t\"><bpmn:escalationEventDefinition escalationRef=\"X\" /></bpmn:endEvent>",
        ("intermediateThrowEvent", "escalation") => "<bpmn:intermediateThrowEvent id=\"el\"><bpmn:escalationEventDefinition escalationRef=\"X\" /></bpmn:intermediateThrowEvent>",
        ("boundaryEvent", "escalation") => "<bpmn:subProcess id=\"el\"><bpmn:startEvent id=\"ss\" /><bpmn:sequenceFlow id=\"sf\" sourceRef=\"ss\" targetRef=\"se\" /><bpmn:endEvent id=\"se\" /></bpmn:subProcess><bpmn:boundaryEvent id=\"b\" attachedToRef=\"el\"><bpmn:escalationEventDefinition escalationRef=\"X\" /></bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"b\" targetRef=\"end\" />",
        ("endEvent", "error") => "<bpmn:task id=\"el\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"t\" /><bpmn:endEvent id=\"t\"><bpmn:errorEventDefinition errorRef=\"E\" /></bpmn:endEvent>",
        ("intermediateCatchEvent", "message") => "<bpmn:intermediateCatchEvent id=\"el\"><bpmn:messageEventDefinition messageRef=\"M\" /></bpmn:intermediateCatchEvent>",
        ("intermediateCatchEvent", "timer") => "<bpmn:intermediateCatchEvent id=\"el\"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
        ("intermediateThrowEvent", "none") => "<bpmn:intermediateThrowEvent id=\"el\" />",
        ("intermediateCatchEvent" or "intermediateThrowEvent", "link") => "<bpmn:intermediateThrowEvent id=\"el\"><bpmn:linkEventDefinition name=\"l\" /></bpmn:intermediateThrowEvent><bpmn:intermediateCatchEvent id=\"c\"><bpmn:linkEventDefinition name=\"l\" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"c\" targetRef=\"end\" />",
        ("boundaryEvent", var kind) => $"<bpmn:userTask id=\"el\" /><bpmn:boundaryEvent id=\"b\" attachedToRef=\"el\">{Definition(kind)}</bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"b\" targetRef=\"end\" />",
        ("serviceTask" or "sendTask" or "businessRuleTask", _) => $"<bpmn:{element} id=\"el\" camunda:type=\"external\" camunda:topic=\"t\" />",
        ("receiveTask", _) => "<bpmn:receiveTask id=\"el\" messageRef=\"M\" />",
        ("eventBasedGateway", _) => "<bpmn:eventBasedGateway id=\"el\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"c\" /><bpmn:intermediateCatchEvent id=\"c\"><bpmn:messageEventDefinition messageRef=\"M\" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id=\"f4\" sourceRef=\"c\" targetRef=\"end\" />",
        ("subProcess", _) => "<bpmn:subProcess id=\"el\"><bpmn:startEvent id=\"ss\" /><bpmn:sequenceFlow id=\"sf\" sourceRef=\"ss\" targetRef=\"se\" /><bpmn:endEvent id=\"se\" /></bpmn:subProcess>",
        ("callActivity", _) => "<bpmn:callActivity id=\"el\" calledElement=\"other\" />",
        ("sequenceFlow", _) => "<bpmn:task id=\"el\" />",
        _ => $"<bpmn:{element} id=\"el\" />",
    };

    private static string Definition(string kind) => kind switch
    {
        "message" => "<bpmn:messageEventDefinition messageRef=\"M\" />",
        "timer" => "<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>",
        "error" => "<bpmn:errorEventDefinition errorRef=\"E\" />",
        "signal" => "<bpmn:signalEventDefinition signalRef=\"S\" />",
        "escalation" => "<bpmn:escalationEventDefinition escalationRef=\"X\" />",
        "compensation" => "<bpmn:compensateEventDefinition />",
        "conditional" => "<bpmn:conditionalEventDefinition><bpmn:condition xsi:type=\"bpmn:tFormalExpression\">${a}</bpmn:condition></bpmn:conditionalEventDefinition>",
        "link" => "<bpmn:linkEventDefinition name=\"l\" />",
        "cancel" => "<bpmn:cancelEventDefinition />",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TheoryData<string, string> SupportedElements()
    {
        var data = new TheoryData<string, string>();
        foreach (var (element, triggers) in Subset["supported"]!.AsObject())
        {
            var list = triggers!.AsArray().Select(t => t!.GetValue<string>()).ToList();
            foreach (var trigger in list.Count == 0 ? [""] : list)
            {
                data.Add(element, trigger);
            }
        }

        return data;
    }

    public static TheoryData<string> UnsupportedFeatures() => [.. Subset["unsupported"]!.AsObject().Select(p => p.Key)];

    [Theory]
    [MemberData(nameof(SupportedElements))]
    public void Every_supported_element_parses(string element, string trigger)
    {
        var result = BpmnReader.Read(Document(Sample(element, trigger), toEnd: element != "eventBasedGateway" && trigger != "link"));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
    }

    [Theory]
    [MemberData(nameof(UnsupportedFeatures))]
    public void Every_unsupported_feature_is_rejected_naming_the_element(string feature)
    {
        var body = feature switch
        {
            "eventSubProcess" => "<bpmn:task id=\"el\" /><bpmn:subProcess id=\"bad\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"es\"><bpmn:messageEventDefinition messageRef=\"M\" /></bpmn:startEvent></bpmn:subProcess>",
            "signal" or "escalation" or "compensation" or "conditional" or "cancel" =>
                $"<bpmn:task id=\"el\" /><bpmn:intermediateCatchEvent id=\"bad\">{Definition(feature)}</bpmn:intermediateCatchEvent><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"bad\" />",
            "standardLoopCharacteristics" => "<bpmn:task id=\"el\" /><bpmn:task id=\"bad\"><bpmn:standardLoopCharacteristics /></bpmn:task><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"bad\" />",
            "decisionRef" => "<bpmn:task id=\"el\" /><bpmn:businessRuleTask id=\"bad\" camunda:decisionRef=\"d\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"bad\" />",
            _ => $"<bpmn:task id=\"el\" /><bpmn:{feature} id=\"bad\" /><bpmn:sequenceFlow id=\"f3\" sourceRef=\"el\" targetRef=\"bad\" />",
        };

        var result = BpmnReader.Read(Document(body));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ElementId == "bad" && p.Message.Contains("not supported", StringComparison.Ordinal));
    }
}
