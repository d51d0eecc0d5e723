using Anju.Workflows.Model;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>Loads fixtures and wraps process fragments into complete documents for the reader tests.</summary>
internal static class BpmnTestDocuments
{
    public const string ModelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public const string CamundaNamespace = "http://camunda.org/schema/1.0/bpmn";

    public static string FixturePath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Parsing", fileName);

    public static string FixtureText(string fileName) => File.ReadAllText(FixturePath(fileName));

    public static BpmnParseResult ReadFixture(string fileName)
    {
        using var stream = File.OpenRead(FixturePath(fileName));
        return BpmnReader.Read(stream);
    }

    /// <summary>A document with one executable process "P" holding <paramref name="body"/>.</summary>
    public static string Process(string body, string rootElements = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="{ModelNamespace}" xmlns:camunda="{CamundaNamespace}"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Test" targetNamespace="http://example.com/test">
          {rootElements}
          <bpmn:process id="P" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static BpmnParseResult ReadProcess(string body, string rootElements = "") =>
        BpmnReader.Read(Process(body, rootElements));

    /// <summary>Start → <paramref name="element"/> (whose id must be X) → end, so that X is the only thing to judge.</summary>
    public static BpmnParseResult ReadBetweenStartAndEnd(string element, string rootElements = "") => ReadProcess($"""
        <bpmn:startEvent id="Start" />
        {element}
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="X" />
        <bpmn:sequenceFlow id="Flow_Out" sourceRef="X" targetRef="End" />
        """, rootElements);

    public static ProcessDefinition SingleProcess(BpmnParseResult result)
    {
        Assert.True(result.Succeeded, Describe(result));
        return Assert.Single(result.Processes);
    }

    public static BpmnProblem SingleProblem(BpmnParseResult result)
    {
        Assert.True(result.Problems.Length == 1, Describe(result));
        return result.Problems[0];
    }

    /// <summary>Asserts that one of the problems has exactly this message (and returns it).</summary>
    public static BpmnProblem HasProblem(BpmnParseResult result, string message)
    {
        var problem = result.Problems.FirstOrDefault(p => p.Message == message);
        Assert.True(problem is not null, $"Expected problem \"{message}\" but got:\n{Describe(result)}");
        return problem;
    }

    public static string Describe(BpmnParseResult result) =>
        result.Problems.IsEmpty ? "(no problems)" : string.Join('\n', result.Problems);

    public static T Node<T>(ProcessDefinition process, string id)
        where T : FlowNode =>
        Assert.IsType<T>(process.Node(id));

    /// <summary>The 1-based line of the first line containing <paramref name="text"/> in a fixture.</summary>
    public static int LineOf(string fileName, string text) =>
        Array.FindIndex(File.ReadAllLines(FixturePath(fileName)), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
